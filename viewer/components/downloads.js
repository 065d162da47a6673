// Download links for auditors: the tables the server exports at /export/… (Excel with its header row frozen and
// filtered, CSV for any other tool). Plain links: the browser downloads the file the server names.
import { h } from '../dom.js';

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
  const element = h(
    'p',
    { class: 'downloads' },
    h('span', { class: 'download-label' }, `Tải ${label}: `),
    links.flatMap((a, i) => (i === 0 ? [a] : [' · ', a])),
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
