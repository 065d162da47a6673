// API guard plugin: runs after the operation is known and before anything executes — mutations need the bearer
// token; limits are checked with the request's variables and the graph's bounds (costs.ts); the operation's cost
// is taken from the client's rate limit.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApolloServerPlugin } from '@apollo/server';
import { checkBudget } from './budget.ts';
import type { ApiContext } from './context.ts';
import { checkOperation, LimitRefusal, refusalError } from './costs.ts';
import { apiError } from './errors.ts';
import type { ApiLimits } from './limits.ts';

const digest = (s: string) => createHash('sha256').update(s).digest();

/** Constant-time comparison of a presented bearer token with the configured one. */
export function bearerMatches(header: string | null, token: string): boolean {
  const m = header === null ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m?.[1]) return false;
  return timingSafeEqual(digest(m[1]), digest(token));
}

/** Takes `points` from the client's bucket, or refuses the request with RATE_LIMITED. */
function charge(ctx: ApiContext, points: number): void {
  const rate = ctx.services.rate;
  if (rate === null) return;
  const d = rate.take(ctx.client, Math.max(1, points));
  if (!d.ok)
    throw apiError(
      'RATE_LIMITED',
      `too many requests: this operation costs ${Math.max(1, points)} points and ${d.remaining} of your ${rate.pointsPerMinute} points per minute are left; retry in ${d.retryAfterSeconds} s`,
      { retryAfterSeconds: d.retryAfterSeconds, pointsPerMinute: rate.pointsPerMinute },
      { 'retry-after': String(d.retryAfterSeconds) },
    );
}

export function guardPlugin(options: {
  limits: ApiLimits;
  token: string | null;
}): ApolloServerPlugin<ApiContext> {
  return {
    async requestDidStart() {
      let charged = false;
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
            // An authorized write is not cut off by the time budget (it could commit after the answer).
            contextValue.budget.exempt = true;
          }
          let cost: number;
          try {
            ({ cost } = await checkOperation({
              schema,
              document,
              operation,
              variables: request.variables ?? {},
              limits: options.limits,
              ctx: contextValue,
            }));
          } catch (error) {
            // Refused before any work: it pays one point (willSendResponse), like a request that fails to parse.
            throw error instanceof LimitRefusal ? refusalError(error) : error;
          }
          charged = true;
          charge(contextValue, cost);
          checkBudget(contextValue.budget);
        },
        async willSendResponse({ operation, response, contextValue }) {
          // An operation refused before it ran (a limit, a parse or validation error) still takes a point.
          if (!charged) contextValue.services.rate?.take(contextValue.client, 1);
          contextValue.outcome.cacheable =
            operation?.operation === 'query' &&
            response.body.kind === 'single' &&
            (response.body.singleResult.errors?.length ?? 0) === 0;
        },
      };
    },
  };
}
