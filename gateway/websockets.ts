// The one place that reaches into how the Hive Gateway CLI serves WebSockets. The CLI builds its graphql-ws
// server (`useServer(getGraphQLWSOptions(...))`) without an `onConnect` of ours, so a client could open a socket
// with no token, or a forged or expired one, be acknowledged, and be refused only at each subscribe. Its
// server is a `ws` WebSocketServer, and ws hands every new socket to the server's `emit('connection')`: that is
// where this module steps in, before graphql-ws sees the socket (tests/test_live.py fails by name if a release
// serves WebSockets another way):
// - the socket's `connection_init` is checked first, its `Authorization` read as the HTTP header is read
//   (gateway.config.ts): without a valid token (none, forged, expired, for another audience) the socket closes
//   with 4401, graphql-transport-ws's Unauthorized (4403, its Forbidden, is there for a rule that refuses a
//   valid caller; roles are the subgraphs' to judge, per operation);
// - past GATEWAY_MAX_SUBSCRIPTIONS operations at once on one socket, a `subscribe` is answered with an error
//   coded OPERATION_LIMIT_EXCEEDED, and the socket is logged once.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { WebSocketServer } = require('ws') as { WebSocketServer: { prototype: { emit: Emit } } };

type Emit = (this: unknown, event: string | symbol, ...args: unknown[]) => boolean;
type Socket = {
  emit: Emit;
  send: (data: unknown, ...rest: unknown[]) => void;
  close: (code: number, reason: string) => void;
};
// Why a socket's connection_init is refused: 4401 no valid token, 4403 a valid caller refused.
export class Refused extends Error {
  constructor(readonly code: 4401 | 4403, message: string) {
    super(message);
  }
}
export type WebSocketRules = {
  // Resolves when the connection_init payload's token may open a socket; rejects with a Refused otherwise.
  admit: (payload: Record<string, unknown> | undefined) => Promise<void>;
  maxOperations: number;
  warn: (message: string) => void;
};

function parsed(data: unknown): { type?: string; id?: string; payload?: Record<string, unknown> } | undefined {
  try {
    const message = JSON.parse(String(data));
    return message && typeof message === 'object' ? message : undefined;
  } catch {
    return undefined;
  }
}

function guard(socket: Socket, rules: WebSocketRules) {
  const receive = socket.emit;
  const send = socket.send;
  let stage: 'new' | 'checking' | 'open' = 'new';
  const held: unknown[][] = [];
  const running = new Set<string>();
  let warned = false;

  // Operations the server ended (complete, error) no longer count against the socket's limit.
  socket.send = function (data: unknown, ...rest: unknown[]) {
    const message = parsed(data);
    if (message?.id && (message.type === 'complete' || message.type === 'error')) running.delete(message.id);
    return send.call(this, data, ...rest);
  };

  function open(args: unknown[]): boolean {
    const message = parsed(args[0]);
    if (message?.type === 'complete' && message.id) running.delete(message.id);
    if (message?.type === 'subscribe' && message.id && !running.has(message.id)) {
      if (running.size >= rules.maxOperations) {
        if (!warned) {
          warned = true;
          rules.warn(`a WebSocket asked for more than ${rules.maxOperations} operations at once; refusing the rest`);
        }
        send.call(socket, JSON.stringify({
          id: message.id,
          type: 'error',
          payload: [{
            message: `at most ${rules.maxOperations} operations at once on one WebSocket: complete one first`,
            extensions: { code: 'OPERATION_LIMIT_EXCEEDED', limit: rules.maxOperations },
          }],
        }));
        return true;
      }
      running.add(message.id);
    }
    return receive.call(socket, 'message', ...args);
  }

  socket.emit = function (event: string | symbol, ...args: unknown[]) {
    if (event !== 'message') return receive.call(this, event, ...args);
    if (stage === 'open') return open(args);
    if (stage === 'checking') {
      held.push(args);
      return true;
    }
    const message = parsed(args[0]);
    // Anything but connection_init first is graphql-ws's to refuse, by its protocol.
    if (message?.type !== 'connection_init') return receive.call(this, event, ...args);
    stage = 'checking';
    rules.admit(message.payload).then(
      () => {
        stage = 'open';
        receive.call(socket, 'message', ...args);
        for (const later of held.splice(0)) open(later);
      },
      (error: unknown) => {
        const refused = error instanceof Refused ? error : new Refused(4401, 'Unauthorized');
        socket.close(refused.code, refused.message.slice(0, 120));
      },
    );
    return true;
  };
}

export function guardWebSockets(rules: WebSocketRules) {
  const emit = WebSocketServer.prototype.emit as Emit & { guarded?: boolean };
  if (emit.guarded) return;
  const guarded: Emit & { guarded?: boolean } = function (this: unknown, event, ...args) {
    if (event === 'connection' && args[0]) guard(args[0] as Socket, rules);
    return emit.call(this, event, ...args);
  };
  guarded.guarded = true;
  WebSocketServer.prototype.emit = guarded;
}
