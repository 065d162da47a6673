// Viewer routes: serve the citation-tree viewer (viewer/) and cytoscape's ES module from node_modules, for the
// API server to mount beside /graphql (`viewerRoutes()`). Only files listed when the handler is made can be
// served, so no request path can reach outside them (no '..', no symlink, no encoded slash touches the disk).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, type Stats, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Route } from '../api/http.ts';

/** Mounted by the API server: true when the request was answered here, false to let other routes try. */
export type StaticHandler = (req: IncomingMessage, res: ServerResponse) => boolean;

export interface ViewerRoutesOptions {
  /** The viewer's directory (default: viewer/ of this package). */
  root?: string;
  /** cytoscape's ES module (default: resolved from node_modules). */
  cytoscapeFile?: string;
}

/** URL prefix of the viewer's files; "/" serves its index.html. */
export const VIEWER_PREFIX = '/viewer/';
/** Where the viewer imports cytoscape from (see viewer/tree-graph.js). */
export const CYTOSCAPE_PATH = `${VIEWER_PREFIX}vendor/cytoscape.esm.min.mjs`;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
};

// The page loads scripts, styles and data from this origin only; cytoscape sets style attributes on its canvas
// container, hence 'unsafe-inline' for styles (never for scripts).
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

interface Entry {
  file: string;
  type: string;
}

interface Loaded {
  mtimeMs: number;
  size: number;
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
}

const GZIP_MIN_BYTES = 1024;
const COMPRESSIBLE = /^(text\/|application\/json|image\/svg)/;

function defaultRoot(): string {
  return fileURLToPath(new URL('../../viewer/', import.meta.url));
}

function defaultCytoscape(): string {
  const require = createRequire(import.meta.url);
  // The package's "exports" map lists no package.json; the CommonJS entry sits beside the ES module in dist/.
  return join(dirname(require.resolve('cytoscape')), 'cytoscape.esm.min.mjs');
}

/** Regular files under `dir` with a known content type, by URL path (symlinks and dot files are left out). */
function listFiles(dir: string, urlPrefix: string, into: Map<string, Entry>): void {
  for (const item of readdirSync(dir, { withFileTypes: true })) {
    if (item.name.startsWith('.')) continue;
    const path = join(dir, item.name);
    if (item.isDirectory()) listFiles(path, `${urlPrefix}${item.name}/`, into);
    else if (item.isFile()) {
      const type = CONTENT_TYPES[extname(item.name).toLowerCase()];
      if (type !== undefined) into.set(`${urlPrefix}${item.name}`, { file: path, type });
    }
  }
}

function pathOf(req: IncomingMessage): string | null {
  try {
    // Only the path matters; the base just makes a relative request target parseable.
    return new URL(req.url ?? '/', 'http://viewer.invalid').pathname;
  } catch {
    return null;
  }
}

function accepts(req: IncomingMessage, encoding: string): boolean {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value
    .split(',')
    .map((part) => part.trim().split(';'))
    .some(([name, q]) => name?.trim() === encoding && !/^\s*q=0(\.0*)?\s*$/.test(q ?? ''));
}

function matchesEtag(req: IncomingMessage, etag: string): boolean {
  const header = req.headers['if-none-match'];
  if (header === undefined) return false;
  return header
    .split(',')
    .map((t) => t.trim().replace(/^W\//, ''))
    .some((t) => t === etag || t === '*');
}

/** The viewer's handler: GET/HEAD of "/", "/index.html" and the files under /viewer/; false for anything else. */
export function createViewerHandler(options: ViewerRoutesOptions = {}): StaticHandler {
  const root = options.root ?? defaultRoot();
  const files = new Map<string, Entry>();
  listFiles(root, VIEWER_PREFIX, files);
  const index = files.get(`${VIEWER_PREFIX}index.html`);
  if (index !== undefined) {
    files.set('/', index);
    files.set('/index.html', index);
  }
  const cytoscape = options.cytoscapeFile ?? defaultCytoscape();
  files.set(CYTOSCAPE_PATH, { file: cytoscape, type: CONTENT_TYPES['.mjs'] as string });

  // Contents are re-read when a file changes on disk (editing the viewer needs no restart), else kept in memory.
  const cache = new Map<string, Loaded>();
  const load = (entry: Entry): Loaded | null => {
    let info: Stats;
    try {
      info = statSync(entry.file);
    } catch {
      return null; // removed since start
    }
    if (!info.isFile()) return null;
    const had = cache.get(entry.file);
    if (had !== undefined && had.mtimeMs === info.mtimeMs && had.size === info.size) return had;
    const body = readFileSync(entry.file);
    const compressible = body.length >= GZIP_MIN_BYTES && COMPRESSIBLE.test(entry.type);
    const loaded: Loaded = {
      mtimeMs: info.mtimeMs,
      size: info.size,
      body,
      gzip: compressible ? gzipSync(body) : null,
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
    };
    cache.set(entry.file, loaded);
    return loaded;
  };

  return (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const path = pathOf(req);
    if (path === null) return false;
    const entry = files.get(path);
    if (entry === undefined) {
      // Under our prefix nothing else exists: answer here rather than let the API say something confusing.
      if (!path.startsWith(VIEWER_PREFIX)) return false;
      notFound(req, res);
      return true;
    }
    const loaded = load(entry);
    if (loaded === null) {
      notFound(req, res);
      return true;
    }
    const headers: Record<string, string> = {
      'Content-Type': entry.type,
      // No hashed file names: browsers keep the files but revalidate them (a 304 is cheap), so an upgrade shows at once.
      'Cache-Control': 'no-cache',
      ETag: loaded.etag,
      Vary: 'Accept-Encoding',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
    };
    if (entry.type.startsWith('text/html')) headers['Content-Security-Policy'] = CSP;
    if (matchesEtag(req, loaded.etag)) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    const gzip = loaded.gzip !== null && accepts(req, 'gzip');
    const body = gzip && loaded.gzip !== null ? loaded.gzip : loaded.body;
    if (gzip) headers['Content-Encoding'] = 'gzip';
    headers['Content-Length'] = String(body.length);
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}

function notFound(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
  res.end(req.method === 'HEAD' ? undefined : 'not found\n');
}

/** The viewer as routes of the API server: `createApiServer({ routes: viewerRoutes() })` or `api.mount(...)`. */
export function viewerRoutes(options: ViewerRoutesOptions = {}): Route[] {
  const handler = createViewerHandler(options);
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    if (!handler(req, res)) notFound(req, res);
  };
  return [
    { path: '/', handle },
    { path: '/index.html', handle },
    { path: VIEWER_PREFIX, prefix: true, handle },
  ];
}
