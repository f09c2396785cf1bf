// The gateway's Prometheus metrics, served on a port of their own (GATEWAY_METRICS_PORT, 9400 unless set;
// 0 turns them off): the GraphQL port faces clients, this one only the cluster's monitoring, so a
// NetworkPolicy can admit the monitoring namespace to it alone.
import { createServer } from 'node:http';
import { register } from 'prom-client';

export const METRICS_PORT = Number(process.env.GATEWAY_METRICS_PORT ?? 9400);

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
