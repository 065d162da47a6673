// GraphQL client: the viewer talks to the public API at /graphql only (it is the reference frontend).

/**
 * An error of a request: `code` is the API's `extensions.code`, or NETWORK (no answer), HTTP_ERROR (an answer
 * that is not GraphQL), UNKNOWN; `message` is the API's (English) text — viewer/messages.js says it in Vietnamese.
 */
export class ApiError extends Error {
  constructor(message, code, extensions = {}, status = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.extensions = extensions;
    this.status = status;
  }
}

/** The operation's data; the first error (with its `extensions.code`) is thrown as an ApiError. */
export async function gql(query, variables = {}) {
  let response;
  try {
    response = await fetch('/graphql', {
      method: 'POST',
      // A JSON body also satisfies Apollo's CSRF prevention (no simple-request form posts).
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new ApiError(error.message, 'NETWORK');
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Not JSON (a proxy error page): reported by status below.
  }
  const first = body?.errors?.[0];
  if (first)
    throw new ApiError(
      first.message,
      first.extensions?.code ?? 'UNKNOWN',
      first.extensions ?? {},
      response.ok ? null : response.status,
    );
  if (!response.ok || !body?.data)
    throw new ApiError(`HTTP ${response.status}`, 'HTTP_ERROR', {}, response.status);
  return body.data;
}

/** Every node of a connection, page after page (`pick(data)` returns the connection); at most `maxPages`. */
export async function gqlAll(query, variables, pick, maxPages = 20) {
  const nodes = [];
  let after = null;
  let total = 0;
  let extra = null;
  for (let page = 0; page < maxPages; page++) {
    const data = await gql(query, { ...variables, after });
    const conn = pick(data);
    if (!conn) break;
    extra ??= { data, conn };
    total = conn.totalCount;
    nodes.push(...conn.edges.map((e) => e.node));
    if (!conn.pageInfo.hasNextPage) break;
    after = conn.pageInfo.endCursor;
  }
  return { nodes, totalCount: total, first: extra };
}
