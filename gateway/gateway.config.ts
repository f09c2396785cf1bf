// Hive Gateway runtime configuration; the supergraph comes from compose.mjs.
import { defineConfig } from '@graphql-hive/gateway';
import { everyErrorHasACode } from './error-codes.ts';

export const gatewayConfig = defineConfig({
  supergraph: process.env.SUPERGRAPH_PATH || './supergraph.graphql',
  graphiql: process.env.GATEWAY_GRAPHIQL !== 'false',
  // GraphiQL alone is ~20 MB of script: answer gzip (and deflate) to clients that accept it.
  contentEncoding: true,
  plugins: () => [everyErrorHasACode],
  // Subscriptions reach the subgraphs over WebSocket (graphql-transport-ws); queries over HTTP.
  transportEntries: {
    '*.http': {
      options: {
        subscriptions: { kind: 'ws', location: '/graphql' },
      },
    },
  },
  // The caller's identity and trace context travel on to every subgraph.
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const headers: Record<string, string> = {};
      for (const name of ['authorization', 'traceparent', 'x-request-id']) {
        const value = request.headers.get(name);
        if (value) headers[name] = value;
      }
      return headers;
    },
  },
});
