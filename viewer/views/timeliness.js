// Timeliness page: for a central document and a level, how promptly each unit issued its implementing documents —
// the lag in days from the central date, the time the central text gave (when it states one), who is late or
// silent — as a sortable table and a grid of the units coloured by status, and the table as a download. Settings
// live in the address.
import { gql } from '../api.js';
import { downloadLinks } from '../components/downloads.js';
import { printButton } from '../components/print-button.js';
import { h, section } from '../dom.js';
import { formatDate, today } from '../labels.js';
import { docLabel, docMeta, nodeLink } from '../node-links.js';
import { TIMELINESS } from '../queries.js';
import { go, href } from '../router.js';

export const STATUS = {
  ON_TIME: 'Đúng hạn',
  LATE: 'Chậm',
  ISSUED: 'Đã ban hành',
  UNDATED: 'Đã ban hành, không rõ ngày',
  SILENT_OVERDUE: 'Chưa ban hành, quá hạn',
  SILENT: 'Chưa ban hành',
};
/** Worst first: the order a sort by status gives. */
const STATUS_RANK = { SILENT_OVERDUE: 0, LATE: 1, SILENT: 2, UNDATED: 3, ISSUED: 4, ON_TIME: 5 };

const COLUMNS = [
  ['unit', 'Đơn vị', (u) => u.unit],
  ['status', 'Tình trạng', (u) => STATUS_RANK[u.status]],
  ['first', 'Văn bản đầu tiên', (u) => u.first?.symbol ?? u.first?.name ?? ''],
  ['date', 'Ngày', (u) => u.first?.date ?? ''],
  ['lag', 'Độ trễ (ngày)', (u) => u.lagDays],
  ['late', 'Quá hạn (ngày)', (u) => u.daysLate],
];

function compare(a, b) {
  if (a === b) return 0;
  if (a === null || a === undefined || a === '') return 1;
  if (b === null || b === undefined || b === '') return -1;
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b), 'vi');
}

function controls(ref, params) {
  const level = params.get('level') ?? 'PROVINCE';
  const levelSelect = h(
    'select',
    { id: 'tl-level', name: 'level' },
    [
      ['PROVINCE', 'Cấp tỉnh'],
      ['DISTRICT', 'Cấp huyện'],
    ].map(([v, t]) => h('option', { value: v, selected: v === level }, t)),
  );
  const province = h('input', {
    id: 'tl-province',
    type: 'text',
    value: params.get('province') ?? '',
    placeholder: 'cho cấp huyện',
  });
  const asOf = h('input', { id: 'tl-asof', type: 'date', value: params.get('asOf') ?? today() });
  const form = h(
    'form',
    { class: 'toolbar timeliness-controls' },
    h('label', { for: 'tl-level' }, 'Cấp '),
    levelSelect,
    h('label', { for: 'tl-province' }, 'Tỉnh '),
    province,
    h('label', { for: 'tl-asof' }, 'Tính đến ngày '),
    asOf,
    h('button', { type: 'submit' }, 'Xem'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = { level: levelSelect.value };
    if (province.value.trim()) next.province = province.value.trim();
    if (asOf.value) next.asOf = asOf.value;
    go(href('timeliness', ref, next));
  });
  return form;
}

function limitsText(t) {
  if (t.limits.length === 0)
    return h(
      'p',
      { class: 'summary' },
      'Văn bản không nêu thời hạn ban hành văn bản triển khai: chỉ tính độ trễ.',
    );
  return h(
    'div',
    { class: 'summary' },
    h('p', {}, 'Thời hạn văn bản giao: ', h('strong', {}, t.dueBy ? formatDate(t.dueBy) : 'không tính được')),
    h(
      'ul',
      { class: 'limits' },
      t.limits.map((l) =>
        h(
          'li',
          {},
          h('q', {}, l.text),
          l.dueBy ? h('span', { class: 'meta' }, ` → hạn ${formatDate(l.dueBy)}`) : null,
        ),
      ),
    ),
  );
}

function table(units) {
  let key = 'status';
  let ascending = true;
  const body = h('tbody');
  const heads = COLUMNS.map(([k, label]) => {
    const button = h('button', { type: 'button', class: 'sort' }, label);
    const th = h('th', { scope: 'col', 'aria-sort': 'none', dataset: { key: k } }, button);
    button.addEventListener('click', () => {
      ascending = key === k ? !ascending : true;
      key = k;
      render();
    });
    return th;
  });
  const render = () => {
    const pick = COLUMNS.find(([k]) => k === key)[2];
    const rows = [...units].sort(
      (a, b) => (ascending ? 1 : -1) * compare(pick(a), pick(b)) || compare(a.unit, b.unit),
    );
    for (const th of heads)
      th.setAttribute(
        'aria-sort',
        th.dataset.key === key ? (ascending ? 'ascending' : 'descending') : 'none',
      );
    body.replaceChildren(
      ...rows.map((u) =>
        h(
          'tr',
          { class: `status-${u.status.toLowerCase()}`, dataset: { unit: u.unit, status: u.status } },
          h('th', { scope: 'row' }, u.unit),
          h('td', {}, h('span', { class: `status-tag status-${u.status.toLowerCase()}` }, STATUS[u.status])),
          h(
            'td',
            {},
            u.first ? nodeLink(u.first, docLabel(u.first)) : '—',
            u.documents.length > 1 ? h('span', { class: 'meta' }, ` (+${u.documents.length - 1})`) : null,
          ),
          h('td', {}, u.first?.date ? formatDate(u.first.date) : '—'),
          h('td', { class: 'num' }, u.lagDays ?? '—'),
          h('td', { class: 'num' }, u.daysLate ?? '—'),
        ),
      ),
    );
  };
  render();
  return h('table', { class: 'timeliness-table' }, h('thead', {}, h('tr', {}, heads)), body);
}

function grid(units) {
  return h(
    'ul',
    { class: 'unit-grid', 'aria-label': 'Lưới đơn vị theo tình trạng' },
    units.map((u) =>
      h(
        'li',
        {
          class: `unit-cell status-${u.status.toLowerCase()}`,
          title: `${u.unit}: ${STATUS[u.status]}${u.lagDays !== null ? `, trễ ${u.lagDays} ngày` : ''}`,
          dataset: { unit: u.unit, status: u.status },
        },
        u.first ? h('a', { href: href('document', u.first.id) }, u.unit) : u.unit,
      ),
    ),
  );
}

export async function timelinessPage(route) {
  const ref = route.arg;
  const p = route.params;
  const vars = { ref, level: p.get('level') ?? 'PROVINCE', asOf: p.get('asOf') ?? today() };
  if (p.get('era')) vars.era = p.get('era');
  if (p.get('province')) vars.province = p.get('province');
  const { document: doc, timeliness: t } = await gql(TIMELINESS, vars);
  const c = t.counts;
  return {
    title: `Tiến độ triển khai ${docLabel(doc)}`,
    element: h(
      'article',
      { class: 'page page-timeliness' },
      h('p', { class: 'kicker' }, 'Tiến độ · ', nodeLink(doc), ` · ${docMeta(doc)}`),
      h('h1', { tabindex: '-1' }, `Ai triển khai ${docLabel(doc)} đúng hạn?`),
      controls(doc.id, p),
      printButton(),
      // The filters shown (level, province, era, the day asked about) go with the download: the same table.
      downloadLinks('bảng tiến độ', 'timeliness', { ...vars, ref: doc.id }).element,
      limitsText(t),
      h(
        'p',
        { class: 'summary counts', role: 'status' },
        `${c.onTime} đúng hạn · ${c.late} chậm · ${c.issued + c.undated} đã ban hành chưa xét hạn · ${c.silentOverdue} chưa ban hành, quá hạn · ${c.silent} chưa ban hành`,
        t.medianLagDays !== null ? ` · độ trễ trung vị ${t.medianLagDays} ngày` : '',
        ` (tính đến ${formatDate(t.asOf)})`,
      ),
      section('Lưới đơn vị', grid(t.units)),
      section('Bảng chi tiết (bấm tiêu đề cột để sắp xếp)', table(t.units)),
    ),
  };
}
