// API configuration: the environment variables the server job reads, validated once at start-up.
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { isStoreError, resolveStoreTarget, type StoreTarget } from '../store/create-store.ts';
import { parseTrustProxy, TRUST_NONE, type TrustProxy } from './client-address.ts';
import type { CorsPolicy } from './http.ts';
import { DEFAULT_HTTP_LIMITS, type HttpLimits } from './http-limits.ts';
import { type ApiLimits, DEFAULT_LIMITS } from './limits.ts';

export interface ApiConfig {
  port: number;
  host: string;
  /** POLICY_GRAPH_TOKEN; null disables mutations. */
  token: string | null;
  cors: CorsPolicy;
  introspection: boolean;
  /** NODE_ENV=production: errors masked, no stack traces, no schema hints in errors. */
  production: boolean;
  limits: ApiLimits;
  /** Where texts ingested through the API are kept (beside the embedded store; ./data/api-texts with Neo4j). */
  textCacheDir: string;
  /** Directories that documents' source paths are read from. */
  sourceRoots: string[];
  /** Reuse of store answers across requests (0 disables); writes through the API clear it at once. */
  answerCacheTtlMs: number;
  http: HttpLimits;
  /** TRUST_PROXY: which proxies' X-Forwarded-For names the client (off: the socket's address). */
  trustProxy: TrustProxy;
}

type Env = Readonly<Record<string, string | undefined>>;

/** A setting the program cannot start with: reported as one line naming the variable, exit 2, before any work. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  /** The environment variable at fault. */
  readonly variable: string;
  constructor(variable: string, message: string) {
    super(message);
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

export function isConfigError(error: unknown): error is ConfigError {
  return error instanceof ConfigError;
}

// A schema's description is what the message says was expected (zod's own wording names types, not settings).
const Port = z.coerce.number().int().min(0).max(65_535).describe('a port number from 0 to 65535');
const Positive = z.coerce.number().int().positive().describe('a whole number above 0');
const Flag = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1')
  .describe('true or false (or 1 or 0)');
const NonNegative = z.coerce.number().int().min(0).describe('a whole number, 0 or more');
/** 0 switches the limit off. */
const Count = z.coerce.number().int().min(0).describe('a whole number, 0 or more (0 switches it off)');

function read<T>(env: Env, name: string, schema: z.ZodType<T>, fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new ConfigError(
      name,
      `${name}=${JSON.stringify(raw)}: expected ${schema.description ?? parsed.error.issues[0]?.message ?? 'a valid value'}`,
    );
  return parsed.data;
}

/** TRUST_PROXY, off when unset; see client-address.ts for why it is never on unless asked for. */
function trustProxy(env: Env): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (raw === undefined || raw === '') return TRUST_NONE;
  const parsed = parseTrustProxy(raw);
  if (parsed === null)
    throw new ConfigError(
      'TRUST_PROXY',
      `TRUST_PROXY=${JSON.stringify(raw)}: expected the number of proxies in front of the server (1, 2 …; 0 or off: none) or their IP addresses, comma-separated`,
    );
  return parsed;
}

/** The store's settings, their errors as configuration errors. */
function storeTarget(env: Env): StoreTarget {
  try {
    return resolveStoreTarget(env);
  } catch (error) {
    if (isStoreError(error, 'INVALID_ARGUMENT'))
      throw new ConfigError(String(error.details.variable ?? 'POLICY_GRAPH_STORE'), error.message);
    throw error;
  }
}

export function apiConfigFromEnv(env: Env, cwd: string = process.cwd()): ApiConfig {
  const production = env.NODE_ENV === 'production';
  const token = env.POLICY_GRAPH_TOKEN?.trim() || null;
  if (token !== null && token.length < 16)
    throw new ConfigError(
      'POLICY_GRAPH_TOKEN',
      `POLICY_GRAPH_TOKEN has ${token.length} characters: it must have at least 16 (or be unset, which disables mutations)`,
    );
  const corsRaw = env.CORS_ORIGIN?.trim() ?? '';
  const cors: CorsPolicy =
    corsRaw === ''
      ? null
      : corsRaw === '*'
        ? '*'
        : corsRaw
            .split(',')
            .map((o) => o.trim())
            .filter((o) => o !== '');
  const target = storeTarget(env);
  const textCacheDir =
    env.POLICY_GRAPH_TEXTS?.trim() ||
    (target.kind === 'embedded'
      ? join(resolve(cwd, target.directory), 'api-texts')
      : resolve(cwd, 'data/api-texts'));
  const sourceRoots = (env.POLICY_GRAPH_SOURCES?.trim() || cwd)
    .split(':')
    .filter((r) => r !== '')
    .map((r) => resolve(cwd, r));
  return {
    port: read(env, 'PORT', Port, 4000),
    host: env.HOST?.trim() || '127.0.0.1',
    token,
    cors,
    introspection: read(env, 'GRAPHQL_INTROSPECTION', Flag, !production),
    production,
    limits: {
      maxDepth: read(env, 'API_MAX_DEPTH', Positive, DEFAULT_LIMITS.maxDepth),
      maxCost: read(env, 'API_MAX_COST', Positive, DEFAULT_LIMITS.maxCost),
      maxPageSize: read(env, 'API_MAX_PAGE_SIZE', Positive, DEFAULT_LIMITS.maxPageSize),
      maxLineageDepth: Math.min(
        32,
        read(env, 'API_MAX_LINEAGE_DEPTH', Positive, DEFAULT_LIMITS.maxLineageDepth),
      ),
      maxQueryChars: read(env, 'API_MAX_QUERY_CHARS', Positive, DEFAULT_LIMITS.maxQueryChars),
      maxBodyBytes: read(env, 'API_MAX_BODY_BYTES', Positive, DEFAULT_LIMITS.maxBodyBytes),
      maxExpensiveFields: read(env, 'API_MAX_EXPENSIVE_FIELDS', Positive, DEFAULT_LIMITS.maxExpensiveFields),
      maxRequestMs: read(env, 'API_MAX_REQUEST_MS', Count, DEFAULT_LIMITS.maxRequestMs),
      ratePointsPerMinute: read(env, 'API_RATE_POINTS_PER_MIN', Count, DEFAULT_LIMITS.ratePointsPerMinute),
      extractTimeoutMs: read(
        env,
        'POLICY_GRAPH_EXTRACT_TIMEOUT_MS',
        Positive,
        DEFAULT_LIMITS.extractTimeoutMs,
      ),
    },
    textCacheDir,
    sourceRoots,
    answerCacheTtlMs: read(env, 'API_CACHE_TTL_MS', NonNegative, 1_000),
    http: {
      maxConnections: read(env, 'API_MAX_CONNECTIONS', Positive, DEFAULT_HTTP_LIMITS.maxConnections),
      headersTimeoutMs: read(env, 'API_HEADERS_TIMEOUT_MS', Positive, DEFAULT_HTTP_LIMITS.headersTimeoutMs),
      requestTimeoutMs: read(env, 'API_REQUEST_TIMEOUT_MS', Positive, DEFAULT_HTTP_LIMITS.requestTimeoutMs),
    },
    trustProxy: trustProxy(env),
  };
}
