// Download links for auditors: the tables the server exports at /export/… (Excel with its header row frozen and
// filtered, CSV for any other tool). A click fetches the file first: a refusal (429 when downloads come too fast,
// 503 when the server is busy, 404 for a document gone) is said on the page in Vietnamese, never saved as a file
// holding the server's JSON. The href stays, so a link opened in a new tab or copied still works.
import { ApiError } from '../api.js';
import { h } from '../dom.js';
import { describeError } from '../messages.js';

const FORMATS = [
  ['xlsx', 'Excel (.xlsx)'],
  ['csv', 'CSV'],
];

/** /export/<what>.<format>?<params>, empty parameters left out. */
export function exportHref(what, format, params) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params))
    if (value !== null && value !== undefined && value !== '') query.set(name, value);
  const q = query.toString();
  return `/export/${what}.${format}${q ? `?${q}` : ''}`;
}

/**
 * "Tải <label>: Excel (.xlsx) · CSV". `update(params)` re-points the links (the agency page's date changes
 * which mandates are overdue).
 */
export function downloadLinks(label, what, params) {
  const links = FORMATS.map(([format, text]) =>
    h(
      'a',
      {
        class: 'download-link',
        href: exportHref(what, format, params),
        download: '',
        dataset: { export: what, format },
      },
      text,
    ),
  );
  const status = h('span', { class: 'download-status', role: 'status' });
  for (const a of links) a.addEventListener('click', (event) => save(event, a, status));
  const element = h(
    'p',
    { class: 'downloads' },
    h('span', { class: 'download-label' }, `Tải ${label}: `),
    links.flatMap((a, i) => (i === 0 ? [a] : [' · ', a])),
    status,
  );
  return {
    element,
    update(next) {
      links.forEach((a, i) => {
        a.href = exportHref(what, FORMATS[i][0], next);
      });
    },
  };
}

/** Fetches the link's file and saves it under the name the server gives; a refusal is shown beside the links. */
async function save(event, link, status) {
  // Modified clicks (new tab, save-as) keep the browser's own handling.
  if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  status.textContent = '';
  status.classList.remove('error');
  link.setAttribute('aria-busy', 'true');
  try {
    const response = await fetch(link.href);
    if (!response.ok) throw await refusal(response);
    const blob = await response.blob();
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName(response.headers.get('content-disposition')) ?? '';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (error) {
    status.classList.add('error');
    status.textContent = ` — Chưa tải được: ${describeError(error).text}`;
  } finally {
    link.removeAttribute('aria-busy');
  }
}

/** The server's {code, message} refusal as an ApiError (a body that is not JSON keeps the HTTP status only). */
async function refusal(response) {
  const body = await response.json().catch(() => null);
  const code = typeof body?.code === 'string' ? body.code : 'HTTP_ERROR';
  return new ApiError(body?.message ?? `HTTP ${response.status}`, code, body ?? {}, response.status);
}

/** The file name of a Content-Disposition header: the UTF-8 form when given, else the plain one. */
function fileName(header) {
  if (!header) return null;
  const utf8 = /filename\*=UTF-8''([^;]+)/i.exec(header);
  if (utf8) return decodeURIComponent(utf8[1]);
  return /filename="([^"]*)"/i.exec(header)?.[1] ?? null;
}
