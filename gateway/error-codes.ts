// Every refusal the gateway itself makes carries extensions.code, like the subgraphs' errors do:
// a variable the gateway's own validation refuses (an unknown enum value, a wrong type) is the
// caller's input; anything else it refuses without a code is a bad request. The error object of
// the gateway's own runtime (a JSON SyntaxError, say) is never passed on.
import { GraphQLError } from 'graphql';

//
// A refusal is told by what the library gives: its own code (the limits, limits.ts; Yoga's
// GRAPHQL_VALIDATION_FAILED for a document that fails validation, a wrong literal included), its HTTP status
// (the JWT plugin's 401). Where it gives neither, by its wording, here and nowhere else, each wording tried
// through the gateway by tests/test_edge.py: graphql-js's refusals of variables (the caller's input), and the
// JWT plugin's refusal of a token it cannot verify (a 400 of its own).
const INPUT = /got invalid value|of required type|must not be null/;
const SIGN_IN = /^Invalid authentication token provided$/;

// An entity the caller may not see comes back null from its subgraph's `_entities`, and the gateway then
// reports every non-null field of it that it cannot fill. The null is the answer (such references are
// nullable for this reason: PlannedActivity.activity, Measure.activities), not a failure, so those reports
// are dropped before errors are masked, where the null stopped at the reference. A subgraph cannot send this error itself: its own non-null checks
// fail inside the subgraph, with the subgraph's message.
const HIDDEN_ENTITY = /^Cannot return null for non-nullable field [_A-Za-z][_0-9A-Za-z]*\.[_A-Za-z][_0-9A-Za-z]*\.$/;

type ErrorLike = GraphQLError | { message?: string; extensions?: Record<string, unknown> };
type ResultLike = { errors?: ErrorLike[] } & Record<string, unknown>;

// What the gateway's transport attaches to a subgraph's failure: the subgraph's address, the request it
// sent, the response it got. Internal, so never passed on.
const INTERNAL = ['originalError', 'request', 'response', 'stacktrace', 'exception'];

function coded(error: ErrorLike): ErrorLike {
  const given = (error?.extensions ?? {}) as Record<string, unknown>;
  const extensions = Object.fromEntries(Object.entries(given).filter(([key]) => !INTERNAL.includes(key)));
  const internal = Object.keys(given).some((key) => INTERNAL.includes(key));
  const wraps = error instanceof GraphQLError && error.originalError;
  const message = String(error?.message ?? '');
  if (extensions.code && !internal && !wraps) return error;
  // The gateway's own code where it gave one; a JavaScript error object never reaches the client.
  const status = (extensions.http as { status?: number } | undefined)?.status;
  const code = extensions.code ?? (status === 401 || SIGN_IN.test(message) ? 'UNAUTHENTICATED'
    : INPUT.test(message) ? 'BAD_USER_INPUT'
      : message === 'Unexpected error.' ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST');
  // A GraphQLError again, so the server still reads (and strips) its HTTP status extension.
  const from = error instanceof GraphQLError ? error : undefined;
  return new GraphQLError(message, {
    nodes: from?.nodes, source: from?.source, positions: from?.positions, path: from?.path,
    extensions: { ...extensions, code },
  });
}

function withCodes(result: ResultLike): ResultLike {
  if (!result || !Array.isArray(result.errors) || result.errors.length === 0) return result;
  return { ...result, errors: result.errors.map(coded) };
}

async function* streamWithCodes(results: AsyncIterable<ResultLike>): AsyncIterable<ResultLike> {
  for await (const result of results) yield withCodes(result);
}

// Whether the null stopped at the entity's own position (path minus its field): a reference that may be
// null. Had it spread further up, something more than a hidden entity is missing, and the error stays.
function nullAtEntity(data: unknown, path: readonly (string | number)[] | undefined): boolean {
  if (!path || path.length < 2) return false;
  let container: any = data;
  for (const key of path.slice(0, -2)) {
    if (container == null) return false;
    container = container[key];
  }
  return container != null && container[path[path.length - 2]] === null;
}

function withoutHiddenEntities(result: ResultLike): ResultLike {
  if (!result || !Array.isArray(result.errors)) return result;
  const errors = result.errors.filter((error) => !(HIDDEN_ENTITY.test(String(error?.message ?? ''))
    && nullAtEntity(result.data, (error as GraphQLError).path)));
  if (errors.length === result.errors.length) return result;
  const { errors: _all, ...rest } = result;
  return errors.length ? { ...rest, errors } : rest;
}

// A refusal thrown while the context is built (the JWT plugin's, for a WebSocket operation) reaches the
// client without passing onResultProcess: it gets its code where it is thrown.
function withCodeInPlace(error: unknown): unknown {
  if (error instanceof GraphQLError && !error.extensions?.code) {
    (error.extensions as Record<string, unknown>).code = (coded(error).extensions as Record<string, unknown>).code;
  }
  return error;
}

function codingThrown(_payload: unknown, wrapped: () => unknown) {
  try {
    const done = wrapped();
    if (done && typeof (done as Promise<unknown>).then === 'function') {
      return (done as Promise<unknown>).catch((error) => { throw withCodeInPlace(error); });
    }
    return done;
  } catch (error) {
    throw withCodeInPlace(error);
  }
}

export const everyErrorHasACode = {
  instrumentation: {
    context: codingThrown, operation: codingThrown, requestParse: codingThrown, execute: codingThrown,
    subscribe: codingThrown,
  },
  onExecute() {
    return {
      onExecuteDone({ result, setResult }: { result: unknown; setResult: (result: any) => void }) {
        if (result && !(result as AsyncIterable<unknown>)[Symbol.asyncIterator]) {
          setResult(withoutHiddenEntities(result as ResultLike));
        }
      },
    };
  },
  onResultProcess({ result, setResult }: { result: unknown; setResult: (result: any) => void }) {
    if (Array.isArray(result)) setResult(result.map(withCodes));
    else if (result && typeof (result as AsyncIterable<ResultLike>)[Symbol.asyncIterator] === 'function') {
      setResult(streamWithCodes(result as AsyncIterable<ResultLike>));
    } else setResult(withCodes(result as ResultLike));
  },
};

// A subgraph that cannot be reached (killed, restarting, its address refusing) or that does not answer in
// time. The gateway's transport reports it as an error wrapping Node's, which masking turns into
// "Unexpected error." before any later hook could tell which subgraph it was; so it is replaced here, around
// the subgraph's executor, where the subgraph's name is known: SERVICE_UNAVAILABLE naming it, retryable,
// when nothing can have happened (the connection was refused, or the operation was a query), and
// OUTCOME_UNKNOWN for a mutation that was sent and got no answer (retry only with the same Idempotency-Key).
const REFUSED = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);
const TRANSPORT = new Set(['SUBREQUEST_HTTP_ERROR', 'GATEWAY_TIMEOUT', 'TIMEOUT_ERROR', 'RESPONSE_VALIDATION_FAILED']);

type Failure = { originalError?: { code?: string; cause?: { code?: string } }; extensions?: Record<string, unknown> };

function causeOf(error: Failure | undefined): string | undefined {
  return error?.originalError?.code ?? error?.originalError?.cause?.code;
}

function transportFailure(error: Failure | undefined): boolean {
  const cause = causeOf(error);
  return (cause !== undefined && (REFUSED.has(cause) || cause.startsWith('E')))
    || TRANSPORT.has(String(error?.extensions?.code ?? ''));
}

function unreachable(service: string, operationType: string | undefined, error: Failure | undefined) {
  const nothingSent = REFUSED.has(causeOf(error) ?? '');
  const unknown = operationType === 'mutation' && !nothingSent;
  return {
    data: null,
    errors: [new GraphQLError(unknown
      ? `${service} did not answer: the change may or may not have been made; retry only with the same Idempotency-Key`
      : `${service} is unavailable; nothing was changed: retry in a moment`, {
      extensions: { code: unknown ? 'OUTCOME_UNKNOWN' : 'SERVICE_UNAVAILABLE', retryable: true, service },
    })],
  };
}

type SubgraphExecute = {
  subgraphName: string;
  executor: (request: any) => any;
  setExecutor: (executor: (request: any) => any) => void;
};

export const unreachableSubgraphs = {
  onSubgraphExecute({ subgraphName, executor, setExecutor }: SubgraphExecute) {
    setExecutor((request: any) => Promise.resolve().then(() => executor(request)).then(
      (result: any) => {
        if (!result || Symbol.asyncIterator in result || !Array.isArray(result.errors)) return result;
        const failure = result.errors.find(transportFailure);
        return failure ? unreachable(subgraphName, request?.operationType, failure) : result;
      },
      (error: Failure) => {
        if (transportFailure(error) || !(error instanceof GraphQLError)) {
          return unreachable(subgraphName, request?.operationType, error);
        }
        throw error;
      },
    ));
  },
};
