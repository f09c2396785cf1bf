"""An OTLP/HTTP trace receiver for tests: what the services and the gateway export, kept as plain spans."""

from __future__ import annotations

import gzip
import json
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass(frozen=True)
class ReceivedSpan:
    service: str
    name: str
    trace_id: str
    span_id: str
    parent_id: str


class OtlpReceiver:
    """Listens on 127.0.0.1:`port` (POST /v1/traces, protobuf or JSON) until closed."""

    def __init__(self, port: int) -> None:
        self.port = port
        self.spans: list[ReceivedSpan] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - the http.server's name
                body = self._body()
                if self.headers.get("content-encoding") == "gzip":
                    body = gzip.decompress(body)
                receiver._receive(body, self.headers.get("content-type", ""))
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.end_headers()
                self.wfile.write(b"{}")

            def log_message(self, *_: Any) -> None:
                pass

            def _body(self) -> bytes:
                if self.headers.get("transfer-encoding", "").lower() != "chunked":
                    return self.rfile.read(int(self.headers.get("content-length", 0)))
                chunks = []
                while size := int(self.rfile.readline().split(b";")[0].strip() or b"0", 16):
                    chunks.append(self.rfile.read(size))
                    self.rfile.readline()
                self.rfile.readline()
                return b"".join(chunks)

        self._server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _receive(self, body: bytes, content_type: str) -> None:
        if "json" in content_type:
            self.spans += _from_json(json.loads(body))
        else:
            self.spans += _from_protobuf(body)


def _from_json(request: dict[str, Any]) -> list[ReceivedSpan]:
    spans = []
    for resource in request.get("resourceSpans", []):
        attributes = {
            a["key"]: a["value"].get("stringValue") for a in resource.get("resource", {}).get("attributes", [])
        }
        for scope in resource.get("scopeSpans", []):
            spans += [
                ReceivedSpan(
                    str(attributes.get("service.name")),
                    span["name"],
                    span["traceId"],
                    span["spanId"],
                    span.get("parentSpanId") or "",
                )
                for span in scope.get("spans", [])
            ]
    return spans


def _from_protobuf(body: bytes) -> list[ReceivedSpan]:
    from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

    request = ExportTraceServiceRequest()
    request.ParseFromString(body)
    spans = []
    for resource in request.resource_spans:
        attributes = {a.key: a.value.string_value for a in resource.resource.attributes}
        for scope in resource.scope_spans:
            spans += [
                ReceivedSpan(
                    attributes.get("service.name", ""),
                    span.name,
                    span.trace_id.hex(),
                    span.span_id.hex(),
                    span.parent_span_id.hex(),
                )
                for span in scope.spans
            ]
    return spans
