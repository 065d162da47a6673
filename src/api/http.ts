// API HTTP layer: node:http routing — GET /healthz (store health), /graphql through Apollo's
// executeHTTPGraphQLRequest, mounted routes (the viewer), CORS, and size caps checked before Apollo sees a byte.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ApolloServer, HeaderMap, type HTTPGraphQLResponse } from '@apollo/server';
import type { StoreHealth } from '../model/graph.ts';
import { requestBudget, timeoutMessage } from './budget.ts';
import { clientAddress, TRUST_NONE, type TrustProxy } from './client-address.ts';
import type { ApiContext, RequestInfo } from './context.ts';
import { type ApiCode, errorBody } from './errors.ts';
import type { ApiLimits } from './limits.ts';
import type { Logger } from './logger.ts';
import type { RateLimiter } from './rate-limit.ts';
import type { ResponseCache, Ticket } from './response-cache.ts';

/** A handler for a path (exact) or a path prefix ("/viewer/"); GraphQL and /healthz take precedence. */
export interface Route {
  path: string;
  prefix?: boolean;
  /** Default GET and HEAD. */
  methods?: readonly string[];
  handle(
    req: IncomingMessage,
    res: ServerResponse,
    pathname: string,
    request: { client: string },
  ): void | Promise<void>;
}

/** null: no CORS headers (same-origin only); '*': any origin; else the allowed origins. */
export type CorsPolicy = null | '*' | readonly string[];

export interface HttpHandlerOptions {
  apollo: ApolloServer<ApiContext>;
  context(authorization: string | null, request: RequestInfo): ApiContext;
  limits: ApiLimits;
  /** Cost points per client (remote address); null: no rate limit. /healthz never takes from it. */
  rate?: RateLimiter | null;
  cors: CorsPolicy;
  health(): Promise<StoreHealth>;
  /** The store's adapter, reported when its health check times out. */
  adapter: StoreHealth['adapter'];
  /** Include the store's detail (paths, versions) in /healthz. */
  healthDetail: boolean;
  routes: Route[];
  logger: Logger;
  /** Serialized answers of identical query requests (null: every request executes). */
  responses: ResponseCache | null;
  /** Which proxies' X-Forwarded-For names the client (the rate limit's key); default none. */
  trustProxy?: TrustProxy;
}

export const GRAPHQL_PATH = '/graphql';
export const HEALTH_PATH = '/healthz';
const HEALTH_TIMEOUT_MS = 3_000;
/** Beyond this many bytes an oversize body is not even drained: the connection is closed. */
const DRAIN_FACTOR = 16;

function corsHeaders(policy: CorsPolicy, origin: string | undefined): Record<string, string> {
  if (policy === null || origin === undefined) return {};
  if (policy !== '*' && !policy.includes(origin)) return {};
  return { 'access-control-allow-origin': policy === '*' ? '*' : origin, vary: 'Origin' };
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(body);
}

function sendError(
  res: ServerResponse,
  status: number,
  code: ApiCode | 'BAD_REQUEST' | 'NOT_FOUND',
  message: string,
  headers: Record<string, string> = {},
  extensions: Record<string, unknown> = {},
) {
  const body =
    code === 'BAD_REQUEST'
      ? `${JSON.stringify({ errors: [{ message, extensions: { code } }] })}\n`
      : errorBody(code, message, extensions);
  sendJson(res, status, body, headers);
}

type Body = { kind: 'ok'; bytes: Buffer } | { kind: 'too-large'; closed: boolean };

/** The request body up to `max` bytes; a larger one is drained (not kept) so the client still reads the 413. */
function readBody(req: IncomingMessage, max: number): Promise<Body> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > max * DRAIN_FACTOR) {
      resolve({ kind: 'too-large', closed: true });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = Number.isFinite(declared) && declared > max;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) tooLarge = true;
      if (size > max * DRAIN_FACTOR) {
        req.destroy();
        resolve({ kind: 'too-large', closed: true });
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(tooLarge ? { kind: 'too-large', closed: false } : { kind: 'ok', bytes: Buffer.concat(chunks) }),
    );
    req.on('error', reject);
  });
}

function headerMap(req: IncomingMessage): HeaderMap {
  const headers = new HeaderMap();
  for (const [key, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    headers.set(key, Array.isArray(value) ? value.join(', ') : value);
  }
  return headers;
}

async function writeApolloResponse(
  res: ServerResponse,
  response: HTTPGraphQLResponse,
  extra: Record<string, string>,
) {
  const headers: Record<string, string> = { ...extra };
  for (const [key, value] of response.headers) headers[key] = value;
  res.writeHead(response.status ?? 200, headers);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
    return;
  }
  for await (const chunk of response.body.asyncIterator) res.write(chunk);
  res.end();
}

function findRoute(routes: readonly Route[], pathname: string, method: string): Route | null {
  let best: Route | null = null;
  for (const r of routes) {
    if (!(r.methods ?? ['GET', 'HEAD']).includes(method)) continue;
    const hit = r.prefix ? pathname.startsWith(r.path) : pathname === r.path;
    if (hit && (best === null || r.path.length > best.path.length)) best = r;
  }
  return best;
}

export function createRequestHandler(o: HttpHandlerOptions) {
  const trust = o.trustProxy ?? TRUST_NONE;
  const graphql = async (
    req: IncomingMessage,
    res: ServerResponse,
    search: string,
    cors: Record<string, string>,
    client: string,
  ) => {
    let body: unknown;
    let ticket: Ticket | null = null;
    // A client with an empty bucket is refused before its request is read or parsed.
    const allowed = o.rate?.check(client, 1);
    if (allowed && !allowed.ok) {
      req.resume();
      sendError(
        res,
        429,
        'RATE_LIMITED',
        `too many requests: ${o.rate?.pointsPerMinute} points per minute are spent; retry in ${allowed.retryAfterSeconds} s`,
        { ...cors, 'retry-after': String(allowed.retryAfterSeconds) },
        { retryAfterSeconds: allowed.retryAfterSeconds },
      );
      return;
    }
    const budget = requestBudget(o.limits.maxRequestMs);
    if (req.method === 'POST') {
      const read = await readBody(req, o.limits.maxBodyBytes);
      if (read.kind === 'too-large') {
        sendError(
          res,
          413,
          'PAYLOAD_TOO_LARGE',
          `the request body is over ${o.limits.maxBodyBytes} bytes; nothing was done`,
          {
            ...cors,
            ...(read.closed ? { connection: 'close' } : {}),
          },
        );
        return;
      }
      const type = req.headers['content-type'] ?? '';
      if (type.toLowerCase().includes('application/json')) {
        const raw = read.bytes.toString('utf8');
        // The same JSON body as an answered query: its answer, without parsing or executing anything. Accept is
        // part of the key because Apollo picks the response's content type from it.
        const cached = o.responses?.lookup(`${req.headers.accept ?? ''}\n${raw}`);
        if (cached?.kind === 'hit') {
          o.rate?.take(client, 1);
          res.writeHead(cached.value.status, { ...cached.value.headers, ...cors });
          res.end(cached.value.body);
          return;
        }
        if (cached?.kind === 'miss') ticket = cached.ticket;
        try {
          body = JSON.parse(raw);
        } catch {
          if (ticket) o.responses?.abandon(ticket);
          sendError(res, 400, 'BAD_REQUEST', 'the request body is not valid JSON', cors);
          return;
        }
      }
    }
    const query =
      req.method === 'GET'
        ? new URLSearchParams(search).get('query')
        : body !== null && typeof body === 'object' && 'query' in body
          ? (body as { query: unknown }).query
          : null;
    if (typeof query === 'string' && query.length > o.limits.maxQueryChars) {
      if (ticket) o.responses?.abandon(ticket);
      sendError(
        res,
        413,
        'QUERY_TOO_LARGE',
        `the query text is ${query.length} characters, over ${o.limits.maxQueryChars}; pass long values (a document text) as variables`,
        cors,
      );
      return;
    }
    const authorization = req.headers.authorization ?? null;
    let context: ApiContext | null = null;
    const running = o.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers: headerMap(req), search, body },
      context: async () => {
        context = o.context(authorization, { client, budget });
        return context;
      },
    });
    // Past its time budget the request is answered REQUEST_TIMEOUT at once; its resolvers stop at their next
    // slice boundary (they see `budget.expired`), and whatever they still produce is dropped.
    let timer: NodeJS.Timeout | undefined;
    const timedOut =
      budget.deadline === Number.POSITIVE_INFINITY
        ? null
        : new Promise<'timeout'>((resolve) => {
            timer = setTimeout(() => resolve('timeout'), budget.deadline - Date.now());
          });
    const first = await (timedOut === null ? running : Promise.race([running, timedOut])).finally(() =>
      clearTimeout(timer),
    );
    // A mutation is exempt (budget.exempt): it is waited for.
    const response = first === 'timeout' && budget.exempt ? await running : first;
    if (response === 'timeout') {
      budget.expired = true;
      running.catch(() => undefined);
      if (ticket) o.responses?.abandon(ticket);
      o.logger.warn('request timed out', { client, maxRequestMs: o.limits.maxRequestMs });
      sendError(res, 503, 'REQUEST_TIMEOUT', timeoutMessage(o.limits.maxRequestMs), cors, {
        maxRequestMs: o.limits.maxRequestMs,
      });
      return;
    }
    if (ticket) {
      const status = response.status ?? 200;
      if (
        (context as ApiContext | null)?.outcome.cacheable &&
        status === 200 &&
        response.body.kind === 'complete'
      )
        o.responses?.store(ticket, status, Object.fromEntries(response.headers), response.body.string);
      else o.responses?.abandon(ticket);
    }
    await writeApolloResponse(res, response, cors);
  };

  const health = async (res: ServerResponse, cors: Record<string, string>) => {
    // A store that hangs is as unavailable as one that fails.
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<StoreHealth>((resolve) => {
      timer = setTimeout(
        () => resolve({ ok: false, adapter: o.adapter, detail: 'health check timed out' }),
        HEALTH_TIMEOUT_MS,
      );
    });
    const h = await Promise.race([o.health(), timeout]).finally(() => clearTimeout(timer));
    const body = {
      // degraded: reads answer, writes would fail (or not be durable); a monitor must see it as unhealthy.
      status: h.ok ? 'ok' : h.degraded !== undefined ? 'degraded' : 'unavailable',
      adapter: h.adapter,
      ...(o.healthDetail ? { detail: h.detail } : {}),
    };
    sendJson(res, h.ok ? 200 : 503, `${JSON.stringify(body)}\n`, cors);
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const pathname = q === -1 ? url : url.slice(0, q);
    const search = q === -1 ? '' : url.slice(q);
    const method = req.method ?? 'GET';
    const cors = corsHeaders(o.cors, req.headers.origin);
    try {
      if (method === 'OPTIONS') {
        res.writeHead(204, {
          ...cors,
          ...(Object.keys(cors).length > 0
            ? {
                'access-control-allow-methods': 'GET, POST, OPTIONS',
                'access-control-allow-headers':
                  'content-type, authorization, apollo-require-preflight, x-apollo-operation-name',
                'access-control-max-age': '600',
              }
            : {}),
          allow: 'GET, POST, OPTIONS',
        });
        res.end();
        return;
      }
      if (pathname === GRAPHQL_PATH) {
        if (method !== 'GET' && method !== 'POST') {
          sendError(res, 405, 'BAD_REQUEST', `${method} is not allowed on ${GRAPHQL_PATH}`, {
            ...cors,
            allow: 'GET, POST',
          });
          return;
        }
        await graphql(req, res, search, cors, clientAddress(req, trust));
        return;
      }
      if (pathname === HEALTH_PATH && (method === 'GET' || method === 'HEAD')) {
        await health(res, cors);
        return;
      }
      const route = findRoute(o.routes, pathname, method);
      if (route !== null) {
        await route.handle(req, res, pathname, { client: clientAddress(req, trust) });
        return;
      }
      sendError(res, 404, 'NOT_FOUND', `nothing at ${pathname}`, cors);
    } catch (error) {
      o.logger.error('request failed', {
        path: pathname,
        error: error instanceof Error ? error.message : String(error),
      });
      if (!res.headersSent)
        sendJson(
          res,
          500,
          `${JSON.stringify({ errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] })}\n`,
          cors,
        );
      else res.destroy();
    }
  };
}
