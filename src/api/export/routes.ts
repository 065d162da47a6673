// API download routes: GET /export/{mandates,lineage,coverage,timeliness}.{csv,xlsx,json}?ref=…&agency=…&jurisdiction=…
// &level=…&asOf=… — the tables of the CLI's `export`, as attachments. Parameters are read from the query string
// and passed as values (never built into a query); a bad one is 400 {code, message, field}, an unknown
// reference 404. Downloads obey the client's rate limit (429 RATE_LIMITED, Retry-After) and the request's time
// budget (503 REQUEST_TIMEOUT before any of the file is sent), as GraphQL requests do.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { TABLE_FORMATS, type TableFormat } from '../../query/table-export.ts';
import type { ApiServices } from '../context.ts';
import type { Route } from '../http.ts';
import { issueLimitsOf } from '../timeliness.ts';
import type { ExportSource } from './common.ts';
import {
  chargeDownload,
  DOWNLOAD_POINTS,
  type DownloadRefusal,
  timeoutRefusal,
  withinBudget,
} from './download-limits.ts';
import {
  type ExportFailure,
  type ExportParams,
  exportFailure,
  exportTables,
  NO_EXPORT_PARAMS,
  TABLE_WHATS,
  type TableWhat,
} from './run.ts';

export const EXPORT_PREFIX = '/export/';

const PARAMS: Readonly<Record<string, keyof ExportParams>> = {
  ref: 'ref',
  agency: 'agency',
  jurisdiction: 'jurisdiction',
  level: 'level',
  province: 'province',
  era: 'era',
  asOf: 'asOf',
};

function sendFailure(res: ServerResponse, f: ExportFailure): void {
  const { status, ...body } = f;
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(`${JSON.stringify(body)}\n`);
}

/** A refusal of the limits, in the same shape: {code, message, …} with its headers (Retry-After). */
function sendRefusal(res: ServerResponse, r: DownloadRefusal): void {
  res.writeHead(r.status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...r.headers,
  });
  res.end(`${JSON.stringify({ code: r.code, message: r.message, ...r.extra })}\n`);
}

/** `filename` for old clients (ASCII), `filename*` (RFC 6266 / 5987) for the rest. */
function disposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function parse(
  req: IncomingMessage,
  pathname: string,
): { what: TableWhat; format: TableFormat; params: ExportParams } | ExportFailure {
  const m = /^\/export\/([a-z]+)\.([a-z]+)$/.exec(pathname);
  const what = m?.[1] as TableWhat | undefined;
  const format = m?.[2] as TableFormat | undefined;
  if (
    what === undefined ||
    format === undefined ||
    !TABLE_WHATS.includes(what) ||
    !TABLE_FORMATS.includes(format)
  )
    return {
      status: 404,
      code: 'NOT_FOUND',
      message: `nothing at ${pathname}: downloads are ${EXPORT_PREFIX}{${TABLE_WHATS.join(',')}}.{${TABLE_FORMATS.join(',')}}`,
    };
  const params: ExportParams = { ...NO_EXPORT_PARAMS };
  const url = req.url ?? '';
  const q = url.indexOf('?');
  for (const [name, value] of new URLSearchParams(q === -1 ? '' : url.slice(q + 1))) {
    const key = PARAMS[name];
    if (key === undefined)
      return { status: 400, code: 'BAD_USER_INPUT', message: `unknown parameter "${name}"`, field: name };
    if (params[key] !== null)
      return {
        status: 400,
        code: 'BAD_USER_INPUT',
        message: `parameter "${name}" is given twice`,
        field: name,
      };
    params[key] = value;
  }
  return { what, format, params };
}

export function exportRoutes(services: ApiServices): Route[] {
  const source: ExportSource = {
    store: services.store,
    allMandates: async () => (await services.catalog.snapshot()).mandates,
    maxLineageDepth: services.limits.maxLineageDepth,
    issueLimitsOf: (doc) => issueLimitsOf(services, doc),
  };
  return [
    {
      path: EXPORT_PREFIX,
      prefix: true,
      handle: async (req, res, pathname, { client }) => {
        const asked = parse(req, pathname);
        // Under the client's rate limit like any GraphQL request: a refused one takes a point, a download its price.
        const refused = chargeDownload(services.rate, client, 'status' in asked ? 1 : DOWNLOAD_POINTS);
        if (refused !== null) {
          sendRefusal(res, refused);
          return;
        }
        if ('status' in asked) {
          sendFailure(res, asked);
          return;
        }
        let file: Awaited<ReturnType<typeof exportTables>>['file'];
        try {
          const done = await withinBudget(services.limits, (budget) =>
            exportTables({ ...source, budget }, asked.what, asked.format, asked.params),
          );
          if (done === 'timeout') {
            services.logger.warn('download timed out', { client, path: pathname });
            sendRefusal(res, timeoutRefusal(services.limits));
            return;
          }
          ({ file } = done);
        } catch (error) {
          const failure = exportFailure(error);
          if (failure === null) throw error;
          sendFailure(res, failure);
          return;
        }
        const body = typeof file.body === 'string' ? Buffer.from(file.body, 'utf8') : file.body;
        res.writeHead(200, {
          'content-type': file.contentType,
          'content-length': String(body.length),
          'content-disposition': disposition(file.fileName),
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        });
        res.end(req.method === 'HEAD' ? undefined : body);
      },
    },
  ];
}
