// API static files: a route serving a directory (the viewer) — GET/HEAD only, no path may leave the directory.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { Route } from './http.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Serves `root` under the URL prefix `path` ("/" for the site root; a directory answers with its index.html). */
export function staticRoute(path: string, root: string): Route {
  const base = resolve(root);
  const prefix = path.endsWith('/') ? path : `${path}/`;
  const notFound = (res: ServerResponse) => {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  };
  return {
    path: prefix,
    prefix: true,
    async handle(req: IncomingMessage, res: ServerResponse, pathname: string) {
      let rel: string;
      try {
        rel = decodeURIComponent(pathname.slice(prefix.length));
      } catch {
        notFound(res);
        return;
      }
      if (rel.includes('\0')) return notFound(res);
      let file = resolve(base, `.${sep}${rel}`);
      try {
        let info = await stat(file);
        if (info.isDirectory()) {
          file = join(file, 'index.html');
          info = await stat(file);
        }
        const real = await realpath(file);
        const realBase = await realpath(base);
        if (!info.isFile() || !(real === realBase || real.startsWith(`${realBase}${sep}`)))
          return notFound(res);
        res.writeHead(200, {
          'content-type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
          'content-length': String(info.size),
          'x-content-type-options': 'nosniff',
        });
        if (req.method === 'HEAD') res.end();
        else createReadStream(real).pipe(res);
      } catch {
        notFound(res);
      }
    },
  };
}
