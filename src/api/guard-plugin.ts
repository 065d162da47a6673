// API guard plugin: runs after the operation is known and before anything executes — mutations need the bearer
// token, and limits are re-checked with the request's variables (the validation rule saw only literals).
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import type { ApiContext } from './context.ts';
import { apiError } from './errors.ts';
import { type ApiLimits, checkWithVariables } from './limits.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of a presented bearer token with the configured one. */
export function bearerMatches(header: string | null, token: string): boolean {
  const m = header === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m?.[1]) return false;
  return timingSafeEqual(digest(m[1]), digest(token));
}

export function guardPlugin(options: {
  limits: ApiLimits;
  token: string | null;
}): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, contextValue, document, schema, request }) {
          if (operation === undefined) return; // no such operation: execution reports it
          if (operation.operation === 'mutation') {
            if (options.token === null)
              throw apiError(
                'MUTATIONS_DISABLED',
                'mutations are disabled: the server has no POLICY_GRAPH_TOKEN configured',
              );
            if (contextValue.authorization === null)
              throw apiError('UNAUTHENTICATED', 'mutations need an Authorization: Bearer <token> header');
            if (!bearerMatches(contextValue.authorization, options.token))
              throw apiError('UNAUTHENTICATED', 'the bearer token is not valid');
          }
          checkWithVariables(schema, document, operation, request.variables ?? {}, options.limits);
        },
        async willSendResponse({ operation, response, contextValue }) {
          contextValue.outcome.cacheable =
            operation?.operation === 'query' &&
            response.body.kind === 'single' &&
            (response.body.singleResult.errors?.length ?? 0) === 0;
        },
      };
    },
  };
}
