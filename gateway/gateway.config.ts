// Hive Gateway runtime configuration; the supergraph comes from compose.mjs.
//
// Every request needs a valid access token from the OpenID Connect issuer (OIDC_ISSUER_URL, audience
// OIDC_AUDIENCE): in the Authorization header, or for a WebSocket in connection_init's `Authorization`.
// The gateway verifies it, then passes it on to the subgraphs (which verify it again and authorize),
// with the shared secret that proves a request came through the gateway (HUB_GATEWAY_SECRET).
import {
  createRemoteJwksSigningKeyProvider,
  defineConfig,
} from '@graphql-hive/gateway';
import { GraphQLError } from 'graphql';
import jwt from 'jsonwebtoken';
import { unifiedGraphHandler } from '@graphql-hive/router-runtime';
import { createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { everyErrorHasACode, unreachableSubgraphs } from './error-codes.ts';
import { demandControl } from './cost.ts';
import { aliasLimit, bodyLimit, depthLimit, LIMITS, tokenLimit } from './limits.ts';
import { gatewayMetrics, serveMetrics } from './metrics.ts';
import { traceparentOf, tracing } from './tracing.ts';
import { trustedDocuments } from './trusted-documents.ts';
import { guardWebSockets, Refused } from './websockets.ts';

const issuer = (process.env.OIDC_ISSUER_URL || 'http://127.0.0.1:4444').replace(/\/$/, '');
const audience = process.env.OIDC_AUDIENCE || 'partnership-hub';
const secret = process.env.HUB_GATEWAY_SECRET || 'dev-gateway-secret';
const production = process.env.HUB_PROFILE === 'production';
if (production && (secret === 'dev-gateway-secret' || /127\.0\.0\.1|localhost|partnership-hub-dev/.test(issuer))) {
  throw new Error('the production profile refuses the development issuer or gateway secret');
}

const corsOrigins = (process.env.GATEWAY_CORS_ORIGINS || '').split(',').map((o) => o.trim()).filter(Boolean);

// The Authorization header read as the subgraphs read it (shared/shared/web/tokens.py): the scheme in any
// case, and exactly two parts; anything else is refused as unauthenticated.
function bearerToken({ request }: { request?: Request }) {
  const header = request?.headers.get('authorization');
  if (header == null) return undefined;
  const parts = header.trim().split(/\s+/);
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'bearer') {
    throw new GraphQLError('the Authorization header must be `Bearer <token>`', {
      extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
    });
  }
  return { prefix: 'Bearer', token: parts[1] };
}

// The issuer's keys, found through its discovery document; an unknown key id is looked up at most once
// a minute, so forged tokens cannot make the gateway hammer the issuer.
let jwks: ((kid?: string) => Promise<unknown>) | undefined;
// A key no token can be verified with: a token naming a key the issuer does not publish is refused as
// unauthenticated (the JWT plugin would treat a missing key as the gateway's own failure).
const noSuchKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey;
async function signingKey(kid?: string) {
  if (!jwks) {
    const discovery = await (await fetch(`${issuer}/.well-known/openid-configuration`)).json();
    jwks = createRemoteJwksSigningKeyProvider({
      jwksUri: discovery.jwks_uri, cache: true, rateLimit: true, jwksRequestsPerMinute: 1,
    }) as (kid?: string) => Promise<unknown>;
  }
  try {
    return keyObject(await jwks(kid));
  } catch (error) {
    if (['SigningKeyNotFoundError', 'JwksRateLimitError'].includes((error as { name?: string })?.name ?? '')) {
      return noSuchKey;
    }
    throw error;
  }
}

// The JWKS provider answers a PEM, which verifying would parse again for every request (six times the
// cost of the signature check): each key is parsed once. The provider still decides, by its own cache,
// which keys are current.
const parsed = new Map<unknown, KeyObject>();
function keyObject(pem: unknown) {
  let key = parsed.get(pem);
  if (!key) {
    key = createPublicKey(pem as string);
    if (parsed.size > 100) parsed.clear();
    parsed.set(pem, key);
  }
  return key;
}

// A WebSocket client sends `Authorization: Bearer <token>` in connection_init's payload.
function fromConnectionInit({ serverContext }: { serverContext?: { connectionParams?: Record<string, unknown> } }) {
  const params = serverContext?.connectionParams;
  const value = params?.Authorization ?? params?.authorization;
  if (typeof value !== 'string') return undefined;
  const [prefix, token] = value.trim().split(/\s+/);
  return token ? { prefix, token } : { prefix: undefined, token: prefix };
}

const algorithms: jwt.Algorithm[] = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512'];

// A WebSocket is opened only with a valid token in connection_init (websockets.ts), checked as the JWT plugin
// checks a request's: the same keys, issuer, audience, clock tolerance and algorithms.
async function admitSocket(payload: Record<string, unknown> | undefined) {
  const value = payload?.Authorization ?? payload?.authorization;
  const parts = typeof value === 'string' ? value.trim().split(/\s+/) : [];
  if (parts.length !== 2 || parts[0].toLowerCase() !== 'bearer') {
    throw new Refused(4401, 'connection_init needs Authorization: Bearer <token>');
  }
  const decoded = jwt.decode(parts[1], { complete: true });
  if (!decoded) throw new Refused(4401, 'the access token is not a JWT');
  const key = await signingKey(decoded.header.kid);
  try {
    jwt.verify(parts[1], key, { issuer, audience, clockTolerance: 60, algorithms });
  } catch {
    throw new Refused(4401, 'the access token is not valid');
  }
}

guardWebSockets({
  admit: admitSocket,
  // GATEWAY_MAX_SUBSCRIPTIONS: operations at once on one WebSocket.
  maxOperations: Number(process.env.GATEWAY_MAX_SUBSCRIPTIONS || 100),
  warn: (message) => console.warn(JSON.stringify({ level: 'warn', msg: message })),
});

const toSubgraphs = [['x-hub-gateway-secret', secret]] as [string, string][];

serveMetrics();

export const gatewayConfig = defineConfig({
  supergraph: process.env.SUPERGRAPH_PATH || './supergraph.graphql',
  // Hive Router's query planner (Rust, as a native addon) and its executor: twice the JavaScript
  // planner's throughput on our queries (docs/design.md, make bench).
  unifiedGraphHandler,
  graphiql: !production && process.env.GATEWAY_GRAPHIQL !== 'false',
  // In production the schema is not introspectable (frontends build from the published SDL), and
  // with GATEWAY_TRUSTED_DOCUMENTS only the operations a frontend's build registered run at all.
  disableIntrospection: production || process.env.GATEWAY_INTROSPECTION === 'false' ? {} : undefined,
  persistedDocuments: trustedDocuments(process.env.GATEWAY_TRUSTED_DOCUMENTS),
  // GraphiQL alone is ~20 MB of script: answer gzip (and deflate) to clients that accept it.
  contentEncoding: true,
  // gatewayMetrics: operation and subgraph latencies and errors, served on the metrics port (metrics.ts).
  // unreachableSubgraphs: a subgraph down or silent is SERVICE_UNAVAILABLE naming it (error-codes.ts).
  plugins: () => [
    bodyLimit, tokenLimit, depthLimit, aliasLimit, demandControl, everyErrorHasACode, unreachableSubgraphs,
    gatewayMetrics,
  ],
  // One span per request, operation and subgraph call, never per field (tracing.ts).
  ...(tracing ? { openTelemetry: { traces: true } } : {}),
  // Operation limits are plugins above (the subgraphs apply the same); no batched requests, and a subgraph
  // that does not answer in time is given up on rather than waited for.
  batching: false,
  blockFieldSuggestions: production,
  // Subscriptions last as long as their callers want: only queries and mutations have a deadline.
  upstreamTimeout: ({ executionRequest }) =>
    executionRequest?.operationType === 'subscription' ? undefined : LIMITS.upstreamMs,
  jwt: {
    signingKeyProviders: [signingKey as never],
    tokenLookupLocations: [
      bearerToken,
      fromConnectionInit,
    ],
    tokenVerification: {
      issuer, audience, clockTolerance: 60,
      algorithms,
    },
    reject: { missingToken: true, invalidToken: true },
    forward: { payload: false, token: false },
  },
  // Browsers may call only from these origins (comma-separated); none when unset (an empty list would let
  // Yoga echo any origin).
  cors: corsOrigins.length ? {
    origin: corsOrigins,
    credentials: true,
    allowedHeaders: ['authorization', 'content-type', 'traceparent', 'x-request-id', 'idempotency-key'],
  } : false,
  // Queries over HTTP, subscriptions over WebSocket (graphql-transport-ws); both carry the secret, and
  // the subgraph's WebSocket signs in with the caller's token, as a browser client would.
  transportEntries: {
    '*.http': {
      // The caller's token, however it came (a header, or a WebSocket's connection_init: a subscription's
      // events are completed from other subgraphs over HTTP, as the caller), and the client's operation name,
      // for the subgraphs' metrics and logs (their operations are unnamed parts).
      headers: [...toSubgraphs, ['authorization', 'Bearer {context.jwt.token.value}'],
        ['x-graphql-operation-name', '{context.params.operationName}']],
      options: {
        subscriptions: {
          kind: 'ws', location: '/graphql', headers: toSubgraphs,
          options: { connectionParams: { Authorization: 'Bearer {context.jwt.token.value}' } },
        },
      },
    },
  },
  // The request id and trace context travel on to every subgraph (when tracing, the OpenTelemetry
  // plugin sets traceparent: the gateway's own span).
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      const headers: Record<string, string> = {};
      // Idempotency-Key: a mutation's retry is recognised by the subgraph that owns the change.
      for (const name of ['x-request-id', 'idempotency-key']) {
        const value = request.headers.get(name);
        if (value) headers[name] = value;
      }
      if (!tracing) headers.traceparent = traceparentOf(request);
      return headers;
    },
  },
});
