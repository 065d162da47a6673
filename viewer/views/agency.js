// Agency page: its mandates (task, role, deadline, the chain that gave each), with the overdue ones marked as of
// a date the user picks. "Overdue" is the API's definition (filter overdueOn), asked for separately so changing
// the date refetches only the ids.
import { gql, gqlAll } from '../api.js';
import { renderPath } from '../components/chain.js';
import { downloadLinks } from '../components/downloads.js';
import { printButton } from '../components/print-button.js';
import { facts, h, replace, section } from '../dom.js';
import { formatDate, LEVEL, ROLE, today } from '../labels.js';
import { deadlineBadge, docLabel, nodeLink, truncate } from '../node-links.js';
import { AGENCY, AGENCY_MANDATES, AGENCY_OVERDUE } from '../queries.js';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

async function overdueOn(id, on) {
  const ids = new Set();
  const invalid = new Set();
  let after = null;
  for (let page = 0; page < 20; page++) {
    const { mandates } = await gql(AGENCY_OVERDUE, { id, on, after });
    for (const e of mandates.edges) ids.add(e.node.id);
    for (const m of mandates.invalidDeadlines) invalid.add(m.id);
    if (!mandates.pageInfo.hasNextPage) break;
    after = mandates.pageInfo.endCursor;
  }
  return { ids, invalid };
}

function statusCell(m, overdue) {
  if (overdue.invalid.has(m.id))
    return h('span', { class: 'badge invalid' }, 'Ngày không hợp lệ, không so được');
  if (overdue.ids.has(m.id))
    return h('span', { class: 'badge overdue' }, `Quá hạn (hạn ${formatDate(m.deadline?.dueBy)})`);
  return h('span', { class: 'meta' }, m.deadline?.dueBy ? `Hạn ${formatDate(m.deadline.dueBy)}` : '—');
}

function mandateRow(m, overdue) {
  const late = overdue.ids.has(m.id);
  return h(
    'tr',
    { class: late ? 'overdue' : '', dataset: { mandateId: m.id } },
    h(
      'td',
      { 'data-label': 'Nhiệm vụ' },
      nodeLink(m.task),
      ' ',
      h('span', { class: 'task-title' }, truncate(m.task.title, 120)),
    ),
    h('td', { 'data-label': 'Văn bản' }, nodeLink(m.document, docLabel(m.document))),
    h(
      'td',
      { 'data-label': 'Vai trò' },
      h('span', { class: `rel rel-${m.role.toLowerCase()}` }, ROLE[m.role]),
    ),
    h('td', { 'data-label': 'Thời hạn' }, deadlineBadge(m.deadline) ?? '—'),
    h('td', { 'data-label': 'Tình trạng' }, statusCell(m, overdue)),
    h(
      'td',
      { 'data-label': 'Chuỗi giao' },
      m.chain.length === 0
        ? h('span', { class: 'meta' }, '—')
        : m.chain.map((p) => renderPath(p, { skipStart: true })),
    ),
  );
}

export async function agencyPage(route) {
  const id = route.arg;
  const requested = route.params.get('on');
  let on = requested && ISO_DAY.test(requested) ? requested : today();
  const [agencyData, all, overdue] = await Promise.all([
    gql(AGENCY, { id }),
    gqlAll(AGENCY_MANDATES, { id }, (d) => d.mandates),
    overdueOn(id, on),
  ]);
  const agency = agencyData.agency;
  const mandates = all.nodes;

  const summary = h('p', { class: 'summary', role: 'status' });
  const tbody = h('tbody');
  const onlyLate = h('input', { type: 'checkbox', id: 'only-overdue' });
  const draw = (state) => {
    const rows = mandates.filter((m) => !onlyLate.checked || state.ids.has(m.id));
    replace(
      tbody,
      rows.map((m) => mandateRow(m, state)),
    );
    const late = mandates.filter((m) => state.ids.has(m.id)).length;
    const invalid = mandates.filter((m) => state.invalid.has(m.id)).length;
    replace(
      summary,
      `${mandates.length} nhiệm vụ · `,
      h('strong', { class: late > 0 ? 'overdue-text' : '' }, `${late} quá hạn`),
      ` tính đến ngày ${formatDate(on)}`,
      invalid > 0 ? ` · ${invalid} có ngày không hợp lệ` : '',
      all.totalCount > mandates.length ? ` · đang hiện ${mandates.length}/${all.totalCount}` : '',
    );
  };
  let current = overdue;
  // The same mandates as a file, overdue judged on the date picked here.
  const downloads = downloadLinks('bảng nhiệm vụ', 'mandates', { agency: id, asOf: on });
  const dateInput = h('input', {
    type: 'date',
    id: 'as-of',
    value: on,
    onchange: async () => {
      if (!ISO_DAY.test(dateInput.value)) return;
      on = dateInput.value;
      // Kept in the address (without a new history entry or a page reload), so the view can be shared.
      history.replaceState(null, '', `#/agency/${encodeURIComponent(id)}?on=${on}`);
      downloads.update({ agency: id, asOf: on });
      current = await overdueOn(id, on);
      draw(current);
    },
  });
  onlyLate.addEventListener('change', () => draw(current));
  draw(current);

  const element = h(
    'article',
    { class: 'page page-agency' },
    h(
      'p',
      { class: 'kicker' },
      ['Cơ quan', agency.jurisdiction, agency.level ? LEVEL[agency.level] : null].filter(Boolean).join(' · '),
    ),
    h('h1', { tabindex: '-1' }, agency.name),
    h('nav', { class: 'page-actions inline', 'aria-label': 'Thao tác' }, printButton()),
    facts([
      ['Địa bàn', agency.jurisdiction],
      ['Cấp', LEVEL[agency.level]],
      [
        'Cách viết trong văn bản',
        agency.variants.length > 0
          ? h(
              'ul',
              { class: 'inline-list' },
              agency.variants.map((v) => h('li', {}, v)),
            )
          : null,
      ],
    ]),
    section(
      'Nhiệm vụ được giao',
      h(
        'div',
        { class: 'toolbar' },
        h('label', { for: 'as-of' }, 'Tính quá hạn đến ngày '),
        dateInput,
        h('label', { class: 'check' }, onlyLate, ' Chỉ hiện nhiệm vụ quá hạn'),
      ),
      summary,
      mandates.length === 0 ? null : downloads.element,
      mandates.length === 0
        ? h('p', { class: 'meta' }, 'Cơ quan này chưa được giao nhiệm vụ nào trong đồ thị.')
        : h(
            'table',
            { class: 'mandates' },
            h(
              'colgroup',
              {},
              ['task', 'doc', 'role', 'deadline', 'status', 'chain'].map((c) =>
                h('col', { class: `c-${c}` }),
              ),
            ),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['Nhiệm vụ', 'Văn bản', 'Vai trò', 'Thời hạn', 'Tình trạng', 'Chuỗi giao nhiệm vụ'].map((t) =>
                  h('th', { scope: 'col' }, t),
                ),
              ),
            ),
            tbody,
          ),
    ),
  );
  return { title: agency.name, element };
}
