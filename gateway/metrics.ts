// The gateway's Prometheus metrics: each operation's latency by name and type, its errors by code, and each
// subgraph call's latency and failures. A plugin of our own with two hooks: Hive's Prometheus plugin, even
// reduced to these, cost a fifth of the gateway's throughput on the dashboard query (make bench).
//
// Served on a port of their own (GATEWAY_METRICS_PORT, 9400 unless set; 0 turns them off): the GraphQL port
// faces clients, this one only the cluster's monitoring, so a NetworkPolicy can admit it alone.
import { createServer } from 'node:http';
import { Counter, Histogram, register } from 'prom-client';

export const METRICS_PORT = Number(process.env.GATEWAY_METRICS_PORT ?? 9400);

const operationSeconds = new Histogram({
  name: 'graphql_gateway_operation_seconds', help: 'GraphQL operations through the gateway, by name and type',
  labelNames: ['operation', 'type'],
});
const operationErrors = new Counter({
  name: 'graphql_gateway_operation_errors_total', help: 'Errors in the gateway\'s answers, by code',
  labelNames: ['operation', 'type', 'code'],
});
const subgraphSeconds = new Histogram({
  name: 'graphql_gateway_subgraph_seconds', help: 'Calls to each subgraph', labelNames: ['subgraph'],
});
const subgraphFailures = new Counter({
  name: 'graphql_gateway_subgraph_failures_total', help: 'Subgraph calls that failed', labelNames: ['subgraph'],
});

// Operation names are the client's choice: the first KEPT are labels, any further one is `other`.
const KEPT = 200;
const names = new Set<string>();
function operationLabel(name: string | undefined) {
  if (!name) return 'anonymous';
  if (names.has(name)) return name;
  if (names.size < KEPT && name.length <= 100) {
    names.add(name);
    return name;
  }
  return 'other';
}

type Args = { operationName?: string | null; document: { definitions: readonly { kind: string; operation?: string; name?: { value: string } }[] } };

function described(args: Args) {
  const operations = args.document.definitions.filter((d) => d.kind === 'OperationDefinition');
  const chosen = operations.find((d) => d.name?.value === args.operationName) ?? operations[0];
  return { operation: operationLabel(args.operationName ?? chosen?.name?.value), type: chosen?.operation ?? 'unknown' };
}

export const gatewayMetrics = {
  onExecute({ args }: { args: Args }) {
    const started = performance.now();
    const labels = described(args);
    return {
      onExecuteDone({ result }: { result: unknown }) {
        operationSeconds.observe(labels, (performance.now() - started) / 1000);
        const errors = (result as { errors?: { extensions?: { code?: unknown } }[] } | undefined)?.errors;
        for (const error of errors ?? []) {
          operationErrors.inc({ ...labels, code: String(error?.extensions?.code ?? 'INTERNAL_SERVER_ERROR') });
        }
      },
    };
  },
  onSubgraphExecute({ subgraphName }: { subgraphName: string }) {
    const started = performance.now();
    return ({ result }: { result: unknown }) => {
      subgraphSeconds.observe({ subgraph: subgraphName }, (performance.now() - started) / 1000);
      if (result instanceof Error) subgraphFailures.inc({ subgraph: subgraphName });
    };
  },
};

export function serveMetrics(port = METRICS_PORT) {
  if (!port) return;
  const server = createServer(async (request, response) => {
    if (request.method !== 'GET' || (request.url ?? '').split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = await register.metrics();
      response.writeHead(200, { 'content-type': register.contentType }).end(body);
    } catch {
      response.writeHead(500).end();
    }
  });
  // Metrics never stop the gateway: a port already taken is reported, and GraphQL goes on.
  server.on('error', (error) => console.error(`metrics not served on port ${port}: ${error.message}`));
  server.listen(port, process.env.GATEWAY_METRICS_HOST || '0.0.0.0');
  server.unref(); // never what keeps the gateway running
}
