// Search page: documents, tasks and agencies with every word typed (diacritics optional, the API folds them), in
// the API's rank (a document or agency named exactly first, then documents, agencies, tasks), with the true count,
// filters kept in the address (a permalink reopens the same search) and further pages loaded by cursor.
import { ApiError, gql } from '../api.js';
import { h } from '../dom.js';
import { KIND, LEVEL, placeOf } from '../labels.js';
import { deadlineBadge, docLabel, docMeta, nodeLink, truncate } from '../node-links.js';
import { SEARCH } from '../queries.js';
import { go, href } from '../router.js';

const num = (n) => n.toLocaleString('vi-VN');

function documentHit(d) {
  return [
    nodeLink(d),
    ' ',
    h('span', { class: 'meta' }, docMeta(d)),
    d.title ? h('div', { class: 'doc-title' }, truncate(d.title, 200)) : null,
  ];
}

function taskHit(t) {
  return [
    nodeLink(t),
    ' ',
    h('span', { class: 'task-title' }, truncate(t.taskTitle, 160)),
    ' ',
    deadlineBadge(t.deadline),
    h(
      'div',
      { class: 'meta' },
      'trong ',
      nodeLink(t.document, docLabel(t.document)),
      ` · ${placeOf(t.document)}`,
    ),
  ];
}

function agencyHit(a) {
  const others = a.variants.filter((v) => v !== a.name).slice(0, 3);
  return [
    nodeLink(a, a.name),
    a.level ? h('span', { class: 'meta' }, ` · ${LEVEL[a.level] ?? a.level}`) : null,
    others.length > 0 ? h('span', { class: 'meta' }, ` · còn viết: ${others.join('; ')}`) : null,
  ];
}

const RENDER = { Document: documentHit, Task: taskHit, Agency: agencyHit };
const KIND_OF = { Document: 'DOCUMENT', Task: 'TASK', Agency: 'AGENCY' };

function hitItem(node) {
  const kind = KIND_OF[node.__typename];
  return h(
    'li',
    { class: `hit kind-${kind.toLowerCase()}` },
    h('span', { class: `kind-tag kind-${kind.toLowerCase()}` }, KIND[kind]),
    ' ',
    RENDER[node.__typename](node),
  );
}

/** The filter of the address: only what the API takes, read from `?kind=&level=&province=&year=&type=`. */
function readParams(params) {
  const kind = params.get('kind') || '';
  const filter = {};
  if (params.get('level')) filter.level = params.get('level');
  if (params.get('province')) filter.province = params.get('province');
  if (params.get('type')) filter.type = params.get('type');
  const year = Number(params.get('year'));
  if (params.get('year') && Number.isInteger(year)) filter.year = year;
  return { kind, filter };
}

function field(label, control) {
  return h('label', { class: 'filter-field' }, h('span', {}, label), control);
}

function filterForm(text, kind, filter) {
  const kindSelect = h(
    'select',
    { name: 'kind' },
    h('option', { value: '' }, 'Mọi loại kết quả'),
    Object.entries(KIND).map(([v, t]) => h('option', { value: v, selected: v === kind }, t)),
  );
  const levelSelect = h(
    'select',
    { name: 'level' },
    h('option', { value: '' }, 'Mọi cấp'),
    Object.entries(LEVEL).map(([v, t]) => h('option', { value: v, selected: v === filter.level }, t)),
  );
  const province = h('input', {
    name: 'province',
    type: 'text',
    value: filter.province ?? '',
    placeholder: 'vd. Quảng Ngãi',
  });
  const year = h('input', { name: 'year', type: 'number', min: 1945, max: 2100, value: filter.year ?? '' });
  const type = h('input', {
    name: 'type',
    type: 'text',
    value: filter.type ?? '',
    placeholder: 'NQ, KH, QĐ…',
    size: 6,
  });
  const form = h(
    'form',
    { class: 'tree-filter search-filter', role: 'search', 'aria-label': 'Lọc kết quả' },
    field('Loại', kindSelect),
    field('Cấp', levelSelect),
    field('Tỉnh', province),
    field('Năm', year),
    field('Loại văn bản', type),
    h('button', { type: 'submit' }, 'Lọc'),
    h('a', { href: href('search', text), class: 'button-link' }, 'Bỏ lọc'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = {};
    for (const [k, v] of new FormData(form)) if (String(v).trim()) params[k] = String(v).trim();
    go(href('search', text, params));
  });
  return form;
}

/** An input error of the filter in Vietnamese (the API's messages are English). */
function filterError(error, filter) {
  if (!(error instanceof ApiError) || error.code !== 'BAD_USER_INPUT') throw error;
  const field = error.extensions.field;
  if (field === 'province') return `Không có tỉnh, thành phố “${filter.province}”.`;
  if (field === 'type') return 'Loại văn bản cần có chữ (NQ, KH, QĐ…).';
  if (field === 'text') return 'Hãy gõ ít nhất một chữ hoặc số.';
  return 'Bộ lọc không hợp lệ.';
}

export async function searchPage(route) {
  const text = route.arg.trim();
  const { kind, filter } = readParams(route.params);
  const variables = {
    text,
    kinds: kind ? [kind] : null,
    filter: Object.keys(filter).length > 0 ? filter : null,
  };
  let first = null;
  let problem = null;
  if (text) {
    try {
      first = (await gql(SEARCH, variables)).searchPage;
    } catch (error) {
      problem = filterError(error, filter);
    }
  }
  const list = h(
    'ol',
    { class: 'hit-list ranked' },
    (first?.edges ?? []).map((e) => hitItem(e.node)),
  );
  const status = h('p', { class: 'meta', role: 'status' });
  const more = h('button', { type: 'button', class: 'more', hidden: true }, '');
  let page = first;
  let shown = first?.edges.length ?? 0;
  const refresh = () => {
    const total = first?.totalCount ?? 0;
    status.textContent =
      problem ??
      (total === 0
        ? 'Không có kết quả. Thử ít từ hơn, bỏ bớt bộ lọc, hoặc một ký hiệu như “36-NQ/TW”.'
        : `${num(total)} kết quả${shown < total ? `, đang hiện ${num(shown)}` : ''}`);
    more.hidden = !page?.pageInfo.hasNextPage;
    more.textContent = `Xem thêm (${num(total - shown)} còn lại)`;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      page = (await gql(SEARCH, { ...variables, after: page.pageInfo.endCursor })).searchPage;
      list.append(...page.edges.map((e) => hitItem(e.node)));
      shown += page.edges.length;
    } finally {
      more.disabled = false;
      refresh();
    }
  });
  refresh();
  return {
    title: `Tìm: ${text}`,
    element: h(
      'div',
      { class: 'page page-search' },
      h('h1', { tabindex: '-1' }, `Kết quả tìm “${text}”`),
      filterForm(text, kind, filter),
      status,
      list,
      more,
    ),
  };
}
