// API configuration: the environment variables the server job reads, validated once at start-up.
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { resolveStoreTarget } from '../store/create-store.ts';
import type { CorsPolicy } from './http.ts';
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
}

type Env = Readonly<Record<string, string | undefined>>;

const Port = z.coerce.number().int().min(0).max(65_535);
const Positive = z.coerce.number().int().positive();
const Flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

function read<T>(env: Env, name: string, schema: z.ZodType<T>, fallback: T): T {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const parsed = schema.safeParse(raw);
  if (!parsed.success)
    throw new Error(`${name}=${JSON.stringify(raw)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

export function apiConfigFromEnv(env: Env, cwd: string = process.cwd()): ApiConfig {
  const production = env.NODE_ENV === 'production';
  const token = env.POLICY_GRAPH_TOKEN?.trim() || null;
  if (token !== null && token.length < 16)
    throw new Error('POLICY_GRAPH_TOKEN must be at least 16 characters (or unset to disable mutations)');
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
  const target = resolveStoreTarget(env);
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
      extractTimeoutMs: read(
        env,
        'POLICY_GRAPH_EXTRACT_TIMEOUT_MS',
        Positive,
        DEFAULT_LIMITS.extractTimeoutMs,
      ),
    },
    textCacheDir,
    sourceRoots,
    answerCacheTtlMs: read(env, 'API_CACHE_TTL_MS', z.coerce.number().int().min(0), 1_000),
  };
}
