// API HTTP layer: the bounds of the node:http server itself, against slow and idle clients.

/** The HTTP server's own bounds (API_MAX_CONNECTIONS, API_HEADERS_TIMEOUT_MS, API_REQUEST_TIMEOUT_MS). */
export interface HttpLimits {
  /** Open sockets at most; more are closed as they arrive. */
  maxConnections: number;
  /** Time for a request's headers to arrive. */
  headersTimeoutMs: number;
  /** Time for a whole request (headers and body) to arrive. */
  requestTimeoutMs: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = {
  maxConnections: 256,
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
};
