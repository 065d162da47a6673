// Viewer static routes: only the viewer's files and cytoscape's module are served, with the right content
// types and revalidation headers; no request path reaches any other file.
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CYTOSCAPE_PATH, createViewerHandler, viewerRoutes } from '../../src/viewer/static-routes.ts';
import { REPO_ROOT } from './server-fixture.ts';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

let server: Server;
let port = 0;
const dirs: string[] = [];

/** A raw request: the path goes out exactly as written (no client-side normalisation of '..'). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  const handler = createViewerHandler();
  server = createServer((req, res) => {
    if (!handler(req, res)) {
      res.writeHead(418);
      res.end('not mine');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('viewer files', () => {
  it.each([
    // path, content type
    ['/', 'text/html; charset=utf-8'],
    ['/index.html', 'text/html; charset=utf-8'],
    ['/viewer/app.js', 'text/javascript; charset=utf-8'],
    ['/viewer/components/tree-graph.js', 'text/javascript; charset=utf-8'],
    ['/viewer/style.css', 'text/css; charset=utf-8'],
    ['/viewer/favicon.svg', 'image/svg+xml'],
    [CYTOSCAPE_PATH, 'text/javascript; charset=utf-8'],
  ])('GET %s is %s, revalidated by ETag, never sniffed', async (path, type) => {
    const a = await get(path);
    expect(a.status).toBe(200);
    expect(a.headers['content-type']).toBe(type);
    expect(a.headers['cache-control']).toBe('no-cache');
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    const etag = String(a.headers.etag);
    expect(etag).toMatch(/^"[\w-]+"$/);
    const again = await get(path, { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it('serves the page with a content security policy that allows only this origin', async () => {
    const a = await get('/');
    expect(String(a.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(a.body.toString('utf8')).toContain('<script type="module" src="/viewer/app.js">');
  });

  it('serves cytoscape from node_modules, gzipped when the client accepts it', async () => {
    const plain = await get(CYTOSCAPE_PATH);
    const file = readFileSync(join(REPO_ROOT, 'node_modules/cytoscape/dist/cytoscape.esm.min.mjs'));
    expect(plain.body.equals(file)).toBe(true);
    const zipped = await get(CYTOSCAPE_PATH, { 'Accept-Encoding': 'gzip, deflate' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Accept-Encoding');
    expect(gunzipSync(zipped.body).equals(file)).toBe(true);
    expect(zipped.body.length).toBeLessThan(file.length / 2);
  });

  it('answers HEAD with headers only', async () => {
    const a = await get('/viewer/app.js', {}, 'HEAD');
    expect(a.status).toBe(200);
    expect(Number(a.headers['content-length'])).toBeGreaterThan(0);
    expect(a.body.length).toBe(0);
  });

  it('leaves other methods and paths to the server', async () => {
    expect((await get('/viewer/app.js', {}, 'POST')).status).toBe(418);
    expect((await get('/graphql')).status).toBe(418);
    expect((await get('/healthz')).status).toBe(418);
  });
});

describe('nothing outside the viewer', () => {
  it.each([
    '/viewer/../package.json',
    '/viewer/%2e%2e/package.json',
    '/viewer/%2E%2E%2Fpackage.json',
    '/viewer/..%2fpackage.json',
    '/viewer/vendor/../../package.json',
    '/viewer/..%5c..%5cpackage.json',
    '/viewer/%00app.js',
    '/viewer//etc/passwd',
    '/viewer/vendor/cytoscape.cjs.js',
    '/viewer/nope.js',
    '/viewer/',
  ])('%s is not found', async (path) => {
    const a = await get(path);
    // Either a 404 from us, or (a path the URL parser moved out of /viewer/) not ours at all.
    expect([404, 418]).toContain(a.status);
    expect(a.body.toString('utf8')).not.toContain('"name": "policy-graph"');
    expect(a.body.toString('utf8')).not.toContain('root:');
  });

  it('serves no symlink and no dot file, even inside the viewer directory', async () => {
    const root = mkdtempSync(join(tmpdir(), 'pg-static-'));
    dirs.push(root);
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
    writeFileSync(join(root, '.secret.js'), 'secret');
    symlinkSync(join(REPO_ROOT, 'package.json'), join(root, 'linked.json'));
    const handler = createViewerHandler({ root });
    const local = createServer((req, res) => {
      if (!handler(req, res)) {
        res.writeHead(418);
        res.end();
      }
    });
    await new Promise<void>((resolve) => local.listen(0, '127.0.0.1', resolve));
    const saved = port;
    port = (local.address() as AddressInfo).port;
    try {
      expect((await get('/')).status).toBe(200);
      expect((await get('/viewer/linked.json')).status).toBe(404);
      expect((await get('/viewer/.secret.js')).status).toBe(404);
    } finally {
      port = saved;
      await new Promise((resolve) => local.close(resolve));
    }
  });

  it('mounts as routes of the API server: "/", "/index.html" and the /viewer/ prefix', () => {
    expect(viewerRoutes().map((r) => [r.path, r.prefix ?? false])).toEqual([
      ['/', false],
      ['/index.html', false],
      ['/viewer/', true],
    ]);
  });
});
