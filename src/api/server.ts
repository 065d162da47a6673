// API server: Apollo Server (schema-first) over node:http — createApiServer for a given store, startServer for
// the main job (store from the environment, PORT, shutdown that closes the store).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { createTextExtractor } from '../io/extract-pool.ts';
import { createStore } from '../store/create-store.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { AnswerCache } from './answer-cache.ts';
import { Catalog, type CatalogOptions } from './catalog.ts';
import { TRUST_NONE, type TrustProxy } from './client-address.ts';
import { type ApiConfig, apiConfigFromEnv, ConfigError } from './config.ts';
import { type ApiContext, type ApiServices, createContext } from './context.ts';
import { formatApiError } from './errors.ts';
import { exportRoutes } from './export/routes.ts';
import { guardPlugin } from './guard-plugin.ts';
import { type CorsPolicy, createRequestHandler, type Route } from './http.ts';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './http-limits.ts';
import { type ApiLimits, DEFAULT_LIMITS, limitsRule } from './limits.ts';
import { type Logger, silentLogger } from './logger.ts';
import { RateLimiter } from './rate-limit.ts';
import { ExtractionMemo } from './references.ts';
import { resolvers } from './resolvers/index.ts';
import { ResponseCache } from './response-cache.ts';
import { buildApiSchema, loadSchemaText } from './schema.ts';
import { FileTextProvider, type TextProvider } from './text-provider.ts';

export interface ApiServerOptions {
  store: GraphStore;
  logger?: Logger;
  /** Bearer token for mutations; null or absent disables them. */
  token?: string | null;
  cors?: CorsPolicy;
  /** Default: on unless `production`. */
  introspection?: boolean;
  /** Masks unexpected errors, drops stack traces and schema hints. */
  production?: boolean;
  limits?: Partial<ApiLimits>;
  /** Default: files under `sourceRoots`, and texts ingested through the API under `textCacheDir`. */
  texts?: TextProvider;
  sourceRoots?: readonly string[];
  textCacheDir?: string | null;
  routes?: readonly Route[];
  catalog?: CatalogOptions;
  /**
   * Store answers and whole query responses reused across requests for this long (0: off). Writes through the
   * API clear both at once; other writers (another process on Neo4j) are seen within about twice this time.
   */
  answerCacheTtlMs?: number;
  http?: Partial<HttpLimits>;
  /** Which proxies' X-Forwarded-For names the client (default: none; the socket's address). */
  trustProxy?: TrustProxy;
}

export interface ApiServer {
  readonly httpServer: Server;
  readonly services: ApiServices;
  /** Adds a route (e.g. `staticRoute('/', viewerDir)`); GraphQL and /healthz keep precedence. */
  mount(route: Route): void;
  listen(port?: number, host?: string): Promise<{ port: number; url: string }>;
  /** Stops accepting requests, lets running ones finish, stops Apollo. The store is the owner's to close. */
  close(): Promise<void>;
}

/** A serial queue: one write at a time through the API. */
function serialWrites(after: () => void) {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work).finally(after);
    tail = run.catch(() => undefined);
    return run;
  };
}

export async function createApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const logger = options.logger ?? silentLogger;
  const production = options.production ?? false;
  const limits: ApiLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const ttl = options.answerCacheTtlMs ?? 0;
  const answers = ttl > 0 ? new AnswerCache(options.store, { ttlMs: ttl }) : null;
  const responses = ttl > 0 ? new ResponseCache({ ttlMs: ttl }) : null;
  const store = answers?.store ?? options.store;
  const catalog = new Catalog(store, { logger, ...options.catalog });
  const extractor = createTextExtractor({ timeoutMs: limits.extractTimeoutMs });
  const services: ApiServices = {
    store,
    logger,
    limits,
    texts:
      options.texts ??
      new FileTextProvider({
        roots: options.sourceRoots ?? [process.cwd()],
        cacheDir: options.textCacheDir ?? null,
      }),
    extractions: new ExtractionMemo(),
    catalog,
    extract: (text, source) => extractor.extract(text, source),
    write: serialWrites(() => {
      answers?.clear();
      responses?.clear();
      catalog.invalidate();
    }),
    rate: limits.ratePointsPerMinute > 0 ? new RateLimiter(limits.ratePointsPerMinute) : null,
  };

  const apollo = new ApolloServer<ApiContext>({
    schema: buildApiSchema(loadSchemaText(), resolvers),
    validationRules: [limitsRule(limits)],
    introspection: options.introspection ?? !production,
    includeStacktraceInErrorResponses: !production,
    hideSchemaDetailsFromClientErrors: production,
    formatError: formatApiError({ mask: production, logger }),
    // Recursive fragment spreads are refused before the limits rule walks them.
    maxRecursiveSelections: true,
    // Apollo's own handler re-sends the signal once Apollo has stopped, killing the process before the store is
    // closed; the owner of the process (the CLI) handles signals and calls close().
    stopOnTerminationSignals: false,
    // The cache-control plugin hooks every field and halves list throughput (PERFORMANCE.md); no cache hints are used.
    plugins: [
      ApolloServerPluginCacheControlDisabled(),
      ...(production ? [ApolloServerPluginLandingPageDisabled()] : []),
      guardPlugin({ limits, token: options.token ?? null }),
    ],
    logger: {
      debug: () => {},
      info: (m) => logger.info(String(m)),
      warn: (m) => logger.warn(String(m)),
      error: (m) => logger.error(String(m)),
    },
  });
  await apollo.start();

  const routes: Route[] = [...(options.routes ?? []), ...exportRoutes(services)];
  const handler = createRequestHandler({
    apollo,
    context: (authorization, request) => createContext(services, authorization, request),
    rate: services.rate,
    limits,
    cors: options.cors ?? null,
    health: () => options.store.health(),
    adapter: options.store.adapter,
    healthDetail: !production,
    routes,
    logger,
    responses,
    trustProxy: options.trustProxy ?? TRUST_NONE,
  });
  const http = { ...DEFAULT_HTTP_LIMITS, ...options.http };
  const httpServer = createServer(
    {
      // A client that sends its headers or its body slowly (a slowloris) is cut off, checked every second.
      headersTimeout: http.headersTimeoutMs,
      requestTimeout: http.requestTimeoutMs,
      connectionsCheckingInterval: 1_000,
    },
    (req, res) => {
      void handler(req, res);
    },
  );
  // Keep-alive sockets outlive a load generator's requests; a timeout bounds idle ones.
  httpServer.keepAliveTimeout = 5_000;
  // Sockets past the cap are closed at once: hundreds of idle clients cannot hold the server's memory.
  httpServer.maxConnections = http.maxConnections;

  let closing: Promise<void> | null = null;
  return {
    httpServer,
    services,
    mount: (route) => {
      routes.push(route);
    },
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const address = httpServer.address() as AddressInfo;
          const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
          resolve({ port: address.port, url: `http://${shown}:${address.port}` });
        });
      }),
    close: () => {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => httpServer.close(() => resolve()));
        httpServer.closeIdleConnections();
        // Requests still running get a moment to finish; then their sockets go too.
        const timer = setTimeout(() => httpServer.closeAllConnections(), 2_000);
        timer.unref();
        if (httpServer.listening) await closed;
        clearTimeout(timer);
        await apollo.stop();
        await extractor.close();
      })();
      return closing;
    },
  };
}

export interface StartServerOptions {
  /** Default: PORT, else 4000. 0 picks a free port. */
  port?: number;
  host?: string;
  env?: Readonly<Record<string, string | undefined>>;
  logger?: Logger;
  /** Extra routes, e.g. the viewer. */
  routes?: readonly Route[];
  /** Already read from `env` (the CLI validates it before any work); read here when absent. */
  config?: ApiConfig;
}

/** A listen error the user can fix (a port in use, a privileged port) as a configuration error. */
export function listenError(error: unknown, host: string, port: number): unknown {
  const code = (error as { code?: string } | null)?.code;
  if (code === 'EADDRINUSE')
    return new ConfigError(
      'PORT',
      `PORT=${port}: ${host}:${port} is in use (another server?); pick a free port`,
    );
  if (code === 'EACCES')
    return new ConfigError(
      'PORT',
      `PORT=${port}: not allowed to listen on ${host}:${port}; pick a port above 1023`,
    );
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND')
    return new ConfigError('HOST', `HOST=${host}: no such address on this machine`);
  return error;
}

export interface RunningServer {
  url: string;
  port: number;
  api: ApiServer;
  store: GraphStore;
  /** Closes the HTTP server, then the store; safe to call more than once (Ctrl-C twice). */
  shutdown(): Promise<void>;
}

/** The main job: the store the environment selects, opened, served on PORT. */
export async function startServer(options: StartServerOptions = {}): Promise<RunningServer> {
  const env = options.env ?? process.env;
  const config = options.config ?? apiConfigFromEnv(env);
  const logger = options.logger ?? silentLogger;
  const store = createStore({ env, writer: 'serve' });
  await store.init();
  let api: ApiServer;
  try {
    api = await createApiServer({
      store,
      logger,
      token: config.token,
      cors: config.cors,
      introspection: config.introspection,
      production: config.production,
      limits: config.limits,
      sourceRoots: config.sourceRoots,
      textCacheDir: config.textCacheDir,
      answerCacheTtlMs: config.answerCacheTtlMs,
      http: config.http,
      trustProxy: config.trustProxy,
      ...(options.routes ? { routes: options.routes } : {}),
    });
  } catch (error) {
    await store.close();
    throw error;
  }
  const wantedPort = options.port ?? config.port;
  const wantedHost = options.host ?? config.host;
  const { port, url } = await api.listen(wantedPort, wantedHost).catch(async (error: unknown) => {
    await api.close();
    await store.close();
    throw listenError(error, wantedHost, wantedPort);
  });
  logger.info('listening', { url, adapter: store.adapter, mutations: config.token !== null });
  // Warm the catalog so the first agency list or task search does not pay for it.
  void api.services.catalog
    .snapshot()
    .catch((error: unknown) => logger.warn('catalog warm-up failed', { error: String(error) }));
  let down: Promise<void> | null = null;
  return {
    url,
    port,
    api,
    store,
    shutdown: () => {
      down ??= (async () => {
        try {
          await api.close();
        } finally {
          await store.close();
          logger.info('stopped');
        }
      })();
      return down;
    },
  };
}
