// Coverage page: which provinces (or the districts of one province) have a document implementing a directive,
// directly or through other documents, and which have none.
import { gql } from '../api.js';
import { downloadLinks } from '../components/downloads.js';
import { printButton } from '../components/print-button.js';
import { h, section } from '../dom.js';
import { docLabel, docMeta, nodeLink } from '../node-links.js';
import { COVERAGE } from '../queries.js';
import { go, href } from '../router.js';

const LEVELS = [
  ['PROVINCE', 'Cấp tỉnh'],
  ['DISTRICT', 'Cấp huyện'],
];
const ERAS = [
  ['', 'Theo ngày của văn bản'],
  ['PRE_2025', '63 tỉnh, thành (trước 2025)'],
  ['POST_2025', '34 tỉnh, thành (sau sáp nhập 2025)'],
];

function controls(ref, params) {
  const level = params.get('level') ?? 'PROVINCE';
  const form = h('form', { class: 'toolbar coverage-controls' });
  const levelSelect = h(
    'select',
    { id: 'cov-level', name: 'level' },
    LEVELS.map(([v, t]) => h('option', { value: v, selected: v === level }, t)),
  );
  const eraSelect = h(
    'select',
    { id: 'cov-era', name: 'era' },
    ERAS.map(([v, t]) => h('option', { value: v, selected: v === (params.get('era') ?? '') }, t)),
  );
  const province = h('input', {
    id: 'cov-province',
    name: 'province',
    type: 'text',
    value: params.get('province') ?? '',
    placeholder: 'ví dụ: Kon Tum',
  });
  form.append(
    h('label', { for: 'cov-level' }, 'Cấp '),
    levelSelect,
    h('label', { for: 'cov-era' }, 'Danh mục '),
    eraSelect,
    h('label', { for: 'cov-province' }, 'Tỉnh (cho cấp huyện) '),
    province,
    h('button', { type: 'submit' }, 'Xem'),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = { level: levelSelect.value };
    if (eraSelect.value) next.era = eraSelect.value;
    if (province.value.trim()) next.province = province.value.trim();
    go(href('coverage', ref, next));
  });
  return form;
}

export async function coveragePage(route) {
  const ref = route.arg;
  const p = route.params;
  const vars = { ref, level: p.get('level') ?? 'PROVINCE' };
  if (p.get('era')) vars.era = p.get('era');
  if (p.get('province')) vars.province = p.get('province');
  const { document: doc, coverage } = await gql(COVERAGE, vars);
  const unitWord = coverage.level === 'DISTRICT' ? 'huyện' : 'tỉnh, thành';
  const share = coverage.unitCount > 0 ? Math.round((100 * coverage.covered.length) / coverage.unitCount) : 0;
  const element = h(
    'article',
    { class: 'page page-coverage' },
    h('p', { class: 'kicker' }, 'Độ bao phủ · ', nodeLink(doc), ` · ${docMeta(doc)}`),
    h('h1', { tabindex: '-1' }, `Ai đã triển khai ${docLabel(doc)}?`),
    h('nav', { class: 'page-actions inline', 'aria-label': 'Thao tác' }, printButton()),
    controls(doc.id, p),
    h(
      'p',
      { class: 'summary' },
      h('strong', {}, `${coverage.covered.length}/${coverage.unitCount}`),
      ` ${unitWord} có văn bản triển khai (${share}%).`,
    ),
    h(
      'div',
      { class: 'meter', role: 'img', 'aria-label': `${share}% đã triển khai` },
      h('span', { style: `width:${share}%` }),
    ),
    downloadLinks('bảng độ bao phủ', 'coverage', { ...vars, ref: doc.id }).element,
    h(
      'div',
      { class: 'columns' },
      section(
        `Đã triển khai (${coverage.covered.length})`,
        coverage.covered.length === 0
          ? h('p', { class: 'meta' }, 'Chưa có.')
          : h(
              'ul',
              { class: 'covered' },
              coverage.covered.map((u) =>
                h(
                  'li',
                  {},
                  h('strong', {}, u.unit),
                  ': ',
                  u.documents.map((d, i) => [i > 0 ? ', ' : '', nodeLink(d)]),
                ),
              ),
            ),
      ),
      section(
        `Chưa có văn bản triển khai (${coverage.uncovered.length})`,
        h(
          'ul',
          { class: 'chips' },
          coverage.uncovered.map((u) => h('li', {}, u)),
        ),
      ),
    ),
    coverage.outside.length > 0
      ? section(
          'Ngoài danh mục đơn vị',
          h(
            'p',
            { class: 'meta' },
            'Văn bản triển khai có địa bàn không khớp danh mục (khác thời kỳ, lỗi chính tả, thiếu trong danh mục).',
          ),
          h(
            'ul',
            {},
            coverage.outside.map((o) =>
              h(
                'li',
                {},
                `${o.jurisdiction ?? '(không rõ)'}: `,
                o.documents.map((d, i) => [i > 0 ? ', ' : '', nodeLink(d)]),
              ),
            ),
          ),
        )
      : null,
  );
  return { title: `Độ bao phủ ${docLabel(doc)}`, element };
}
