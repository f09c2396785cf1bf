"""The providers' part of Query: one provider, and providers by cursor pages."""

from __future__ import annotations

from typing import Annotated

import strawberry

from menu.providers.repository import ProviderRepository
from menu.providers.schema.inputs import ProviderCode, ProviderFilter, ProviderOrderBy
from menu.types import Provider
from shared.graphql.arguments import After, First
from shared.graphql.pagination import Connection, PageRequest, connection


@strawberry.type(description="Reading providers")
class ProvidersQuery:
    @strawberry.field(description="One provider by code; null if there is none")
    async def provider(self, info: strawberry.Info, code: ProviderCode) -> Provider | None:
        return await info.context.loaders.provider_by_code.load(code.strip().upper())

    @strawberry.field(description="Providers by cursor pages, by code unless `orderBy` says otherwise")
    async def providers(
        self,
        info: strawberry.Info,
        filter: Annotated[
            ProviderFilter | None, strawberry.argument(description="Which providers; all when omitted")
        ] = None,
        order_by: Annotated[
            ProviderOrderBy | None, strawberry.argument(description="The order; by code when omitted")
        ] = None,
        first: First = None,
        after: After = None,
    ) -> Connection[Provider]:
        criteria = (filter or ProviderFilter()).criteria()
        order = (order_by or ProviderOrderBy()).ordering()
        page = PageRequest.of(first, after, f"providers.{order.field.value}")
        repository = ProviderRepository(info.context.session, info.context.actor)
        rows = await repository.page(criteria, order, page)
        return connection(rows, page, order.sort.cursor, lambda: repository.count(criteria))
