// API errors: the closed set of codes clients see, StoreError → code mapping, and masking of everything else.
import { HeaderMap } from '@apollo/server';
import { unwrapResolverError } from '@apollo/server/errors';
import { isStoreError, type StoreError } from '../store/graph-store.ts';
import { GraphQLError, type GraphQLFormattedError } from './graphql.ts';
import type { Logger } from './logger.ts';

/** Codes this API raises itself (Apollo adds GRAPHQL_PARSE_FAILED, GRAPHQL_VALIDATION_FAILED, BAD_REQUEST ...). */
export const API_CODES = [
  'NOT_FOUND',
  'AMBIGUOUS',
  'BAD_USER_INPUT',
  'NOT_A_DOCUMENT',
  'DEPTH_LIMIT_EXCEEDED',
  'COST_LIMIT_EXCEEDED',
  'PAGE_SIZE_LIMIT_EXCEEDED',
  'EXPENSIVE_FIELDS_LIMIT_EXCEEDED',
  'QUERY_TOO_LARGE',
  'PAYLOAD_TOO_LARGE',
  'UNAUTHENTICATED',
  'MUTATIONS_DISABLED',
  'WRITE_FAILED',
  'SERVICE_UNAVAILABLE',
  'RATE_LIMITED',
  'REQUEST_TIMEOUT',
  'EXTRACTION_TIMEOUT',
] as const;
export type ApiCode = (typeof API_CODES)[number];

/** Apollo's own codes for a request it refuses; they reach clients as they are. */
export const APOLLO_CODES = [
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
] as const;

/** Codes whose message is safe to show as is; anything else is masked in production. */
const PUBLIC_CODES = new Set<string>([...API_CODES, ...APOLLO_CODES]);

/**
 * HTTP statuses of the errors that refuse a whole request before execution (limits, authorization, sizes). Errors
 * in a field during execution leave the status at 200: other fields of the same answer may have data.
 */
export const HTTP_STATUS: Readonly<Partial<Record<ApiCode, number>>> = {
  DEPTH_LIMIT_EXCEEDED: 400,
  COST_LIMIT_EXCEEDED: 400,
  PAGE_SIZE_LIMIT_EXCEEDED: 400,
  EXPENSIVE_FIELDS_LIMIT_EXCEEDED: 400,
  QUERY_TOO_LARGE: 413,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHENTICATED: 401,
  MUTATIONS_DISABLED: 403,
  RATE_LIMITED: 429,
  REQUEST_TIMEOUT: 503,
};

export function apiError(
  code: ApiCode,
  message: string,
  extensions: Record<string, unknown> = {},
  headers: Readonly<Record<string, string>> = {},
): GraphQLError {
  const status = HTTP_STATUS[code];
  const head = Object.keys(headers).length > 0 ? { headers: new HeaderMap(Object.entries(headers)) } : {};
  return new GraphQLError(message, {
    extensions: { ...extensions, code, ...(status === undefined ? {} : { http: { status, ...head } }) },
  });
}

/** The body of an error answered outside GraphQL execution (HTTP layer), shaped like a GraphQL response. */
export function errorBody(code: ApiCode, message: string, extensions: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ errors: [{ message, extensions: { ...extensions, code } }] })}\n`;
}

/** A store error as clients see it: known codes keep their message and data, the others are masked. */
function fromStoreError(error: StoreError, base: GraphQLFormattedError): GraphQLFormattedError | null {
  const keep = (code: ApiCode, extra: Record<string, unknown> = {}) => ({
    ...base,
    message: error.message,
    extensions: { code, ...extra },
  });
  switch (error.code) {
    case 'NOT_FOUND':
      return keep('NOT_FOUND');
    case 'AMBIGUOUS': {
      const candidates = error.details.candidates;
      return keep('AMBIGUOUS', { candidates: Array.isArray(candidates) ? candidates.map(String) : [] });
    }
    case 'INVALID_ARGUMENT': {
      const extra: Record<string, unknown> = {};
      if (Array.isArray(error.details.issues)) {
        extra.issues = error.details.issues;
        // The argument at fault, for clients that mark a form field.
        const path = (error.details.issues[0] as { path?: unknown } | undefined)?.path;
        if (typeof path === 'string' && path !== '') extra.field = path;
      }
      if (typeof error.details.position === 'number') extra.position = error.details.position;
      return keep('BAD_USER_INPUT', extra);
    }
    case 'UNAVAILABLE':
      return {
        ...base,
        message: 'the graph store is unavailable',
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    case 'WRITE_FAILED':
      return {
        ...base,
        message: 'the write failed; nothing was stored',
        extensions: { code: 'WRITE_FAILED' },
      };
    default:
      return null;
  }
}

export interface ErrorFormatting {
  /** Production: no stack traces, unknown errors replaced by a generic INTERNAL_SERVER_ERROR. */
  mask: boolean;
  logger: Logger;
}

/** Apollo's `formatError`: maps store errors to codes, keeps known codes, masks and logs the rest. */
export function formatApiError({ mask, logger }: ErrorFormatting) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base: GraphQLFormattedError = {
      message: formatted.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
    };
    if (isStoreError(original)) {
      const mapped = fromStoreError(original, base);
      if (mapped !== null) {
        // The caller's mistakes are answers; a store that is down or failed to write is worth a log line.
        if (original.code === 'UNAVAILABLE' || original.code === 'WRITE_FAILED')
          logger.warn('store error', { code: original.code, message: original.message });
        return mask ? mapped : withStack(mapped, formatted);
      }
    }
    // A limit broken in validation: Apollo files it as GRAPHQL_VALIDATION_FAILED; the rule's own code is kept.
    const inner = original instanceof GraphQLError ? original.originalError : undefined;
    const innerCode = inner instanceof GraphQLError ? inner.extensions.code : undefined;
    if (typeof innerCode === 'string' && (API_CODES as readonly string[]).includes(innerCode)) {
      const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
      const own = inner instanceof GraphQLError ? inner.extensions : {};
      const { http: _innerHttp, ...ownExtensions } = own;
      return { ...base, extensions: { ...extensions, ...ownExtensions, code: innerCode } };
    }
    const code = formatted.extensions?.code;
    if (typeof code === 'string' && PUBLIC_CODES.has(code)) {
      if (!mask) return formatted;
      const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions };
    }
    logger.error('unexpected error', {
      message: original instanceof Error ? original.message : String(original),
      stack: original instanceof Error ? original.stack : undefined,
      path: formatted.path,
    });
    if (!mask) return formatted;
    return { ...base, message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}

function withStack(mapped: GraphQLFormattedError, formatted: GraphQLFormattedError): GraphQLFormattedError {
  const stack = formatted.extensions?.stacktrace;
  return stack === undefined
    ? mapped
    : { ...mapped, extensions: { ...mapped.extensions, stacktrace: stack } };
}
