// How big an operation may be at the gateway: the same numbers as every subgraph's
// (shared/shared/graphql/limits.py). Tokens and depth use the graphql-armor plugins Hive Gateway's own
// options would install, given a callback that codes each refusal where it is made (not by its wording);
// the other two plugins add the body size (refused from its Content-Length, before it is read) and aliases.
import { maxDepthPlugin } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, Kind, type ASTVisitor, type ValidationContext } from 'graphql';

export const LIMITS = { depth: 12, tokens: 2000, aliases: 50, bodyBytes: 512 * 1024, upstreamMs: 10_000 };

const refusal = (message: string) => JSON.stringify({
  errors: [{ message, extensions: { code: 'OPERATION_LIMIT_EXCEEDED' } }],
});

export const bodyLimit = {
  onRequest({ request, endResponse, fetchAPI }: {
    request: Request; endResponse: (response: Response) => void; fetchAPI: { Response: typeof Response };
  }) {
    const declared = Number(request.headers.get('content-length') || 0);
    if (declared > LIMITS.bodyBytes) {
      endResponse(new fetchAPI.Response(refusal(`the request body is over ${LIMITS.bodyBytes} bytes`), {
        status: 413, headers: { 'content-type': 'application/json' },
      }));
    }
  },
};

function maxAliases(context: ValidationContext): ASTVisitor {
  let aliases = 0;
  return {
    Field(node) {
      if (node.alias && ++aliases === LIMITS.aliases + 1) {
        context.reportError(new GraphQLError(`more than ${LIMITS.aliases} aliases: the limit is ${LIMITS.aliases}`,
          { extensions: { code: 'OPERATION_LIMIT_EXCEEDED' } }));
      }
    },
    [Kind.DOCUMENT]: {},
  };
}

export const aliasLimit = {
  onValidate({ addValidationRule }: { addValidationRule: (rule: typeof maxAliases) => void }) {
    addValidationRule(maxAliases);
  },
};

// graphql-armor calls onReject with each refusal before it is raised.
function codedAsLimit(_context: unknown, error: GraphQLError) {
  (error.extensions as Record<string, unknown>).code = 'OPERATION_LIMIT_EXCEEDED';
}

export const tokenLimit = maxTokensPlugin({ n: LIMITS.tokens, onReject: [codedAsLimit], propagateOnRejection: true });
export const depthLimit = maxDepthPlugin({ n: LIMITS.depth, onReject: [codedAsLimit], propagateOnRejection: true });
