// Tracing (OpenTelemetry) when the standard variables name a collector: OTEL_EXPORTER_OTLP_ENDPOINT (or
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT), unless OTEL_SDK_DISABLED=true. Spans go over OTLP/HTTP; the gateway's
// spans are children of the client's `traceparent`, and each subgraph request carries the gateway's.
//
// Off, trace context still travels: every subgraph request of one client request carries the same
// `traceparent`, the client's or one made for the request, so the subgraphs' logs and events share it.
import { randomBytes } from 'node:crypto';

const endpoint = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || process.env.OTEL_EXPORTER_OTLP_ENDPOINT;
export const tracing = Boolean(endpoint) && process.env.OTEL_SDK_DISABLED?.toLowerCase() !== 'true';

// Loaded only when tracing: merely importing the OpenTelemetry setup cost a quarter of the gateway's
// throughput on the dashboard query (make bench), tracing or not.
if (tracing) {
  const { openTelemetrySetup } = await import('@graphql-hive/plugin-opentelemetry/setup');
  const { AsyncLocalStorageContextManager } = await import('@opentelemetry/context-async-hooks');
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
  openTelemetrySetup({
    contextManager: new AsyncLocalStorageContextManager(),
    resource: { serviceName: process.env.OTEL_SERVICE_NAME || 'gateway' },
    traces: { exporter: new OTLPTraceExporter() }, // reads the OTEL_EXPORTER_OTLP_* variables
  });
}

const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;
const made = new WeakMap<Request, string>();

// What a subgraph request carries when tracing is off: the client's traceparent, or one per client request.
export function traceparentOf(request: Request): string {
  const given = request.headers.get('traceparent');
  if (given && TRACEPARENT.test(given)) return given;
  let value = made.get(request);
  if (!value) {
    value = `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-01`;
    made.set(request, value);
  }
  return value;
}
