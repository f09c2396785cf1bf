"""create_service_app: GraphQL on /graphql, /healthz, /readyz, /status, /metrics, workers in the lifespan."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Literal

from fastapi import FastAPI, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest
from strawberry.fastapi import GraphQLRouter
from strawberry.federation import Schema

from shared.graphql.context import context_dependency
from shared.runtime import ServiceRuntime
from shared.web.gateway_only import GatewayOnly
from shared.web.graphql_http import GraphQLOverHTTP
from shared.web.health import add_health_routes
from shared.web.limits import GraphQLRequestLimits
from shared.web.request_metrics import RequestMetrics

log = logging.getLogger(__name__)


def create_service_app(runtime: ServiceRuntime, schema: Schema, title: str) -> FastAPI:
    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        await runtime.start_workers()
        try:
            yield
        finally:
            await runtime.stop()

    runtime.settings.check_production()
    app = FastAPI(title=title, lifespan=lifespan, version="1.0.0")
    app.state.runtime = runtime
    ide: Literal["graphiql"] | None = (
        "graphiql" if runtime.settings.graphiql and not runtime.settings.production else None
    )
    graphql = SubgraphRouter(schema, context_getter=context_dependency(runtime), graphql_ide=ide)
    app.include_router(graphql, prefix="/graphql", include_in_schema=False)
    service = runtime.settings.service_name

    add_health_routes(app, runtime)

    if not runtime.settings.metrics_port:  # otherwise served on their own port (shared.web.serve)

        @app.get("/metrics", tags=["health"], summary="Prometheus metrics", response_class=Response)
        async def metrics() -> Response:
            return Response(generate_latest(), media_type=CONTENT_TYPE_LATEST)

    # Innermost first: the common GraphQL request skips FastAPI's routing; every request is measured.
    app.add_middleware(GraphQLOverHTTP, schema=schema, runtime=runtime)
    app.add_middleware(
        RequestMetrics,
        service=service,
        paths=["/graphql", "/healthz", "/readyz", "/status", "/metrics", "/docs", "/openapi.json"],
    )
    app.add_middleware(GraphQLRequestLimits)
    app.add_middleware(GatewayOnly, secrets=runtime.settings.accepted_gateway_secrets)  # outermost: first
    return app


class SubgraphRouter(GraphQLRouter):
    async def on_ws_connect(self, context: Any) -> Any:
        """A WebSocket's caller signs in with `Authorization` in connection_init, as browser clients send it
        (the upgrade request's header, where a gateway sets one, counts as well)."""
        params = context.connection_params if isinstance(context.connection_params, dict) else {}
        token = params.get("Authorization") or params.get("authorization")
        if token:
            await context.sign_in(str(token))
        return await super().on_ws_connect(context)
