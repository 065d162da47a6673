// Search page: documents, tasks and agencies whose text has every word typed (diacritics optional, the API
// folds them), grouped by kind.
import { gql } from '../api.js';
import { h, section } from '../dom.js';
import { placeOf } from '../labels.js';
import { deadlineBadge, docLabel, docMeta, nodeLink, truncate } from '../node-links.js';
import { SEARCH } from '../queries.js';

function documentHit(d) {
  return h(
    'li',
    {},
    nodeLink(d),
    ' ',
    h('span', { class: 'meta' }, docMeta(d)),
    d.title ? h('div', { class: 'doc-title' }, truncate(d.title, 200)) : null,
  );
}

function taskHit(t) {
  return h(
    'li',
    {},
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
  );
}

function agencyHit(a) {
  return h(
    'li',
    {},
    nodeLink(a, a.name),
    a.variants.length > 1
      ? h(
          'span',
          { class: 'meta' },
          ` · còn viết: ${a.variants
            .filter((v) => v !== a.name)
            .slice(0, 3)
            .join('; ')}`,
        )
      : null,
  );
}

export async function searchPage(route) {
  const text = route.arg.trim();
  const hits = text ? (await gql(SEARCH, { text })).search : [];
  const docs = hits.filter((x) => x.__typename === 'Document');
  const tasks = hits.filter((x) => x.__typename === 'Task');
  const agencies = hits.filter((x) => x.__typename === 'Agency');
  const groups = [
    ['Văn bản', docs, documentHit],
    ['Nhiệm vụ', tasks, taskHit],
    ['Cơ quan', agencies, agencyHit],
  ].filter(([, list]) => list.length > 0);
  return {
    title: `Tìm: ${text}`,
    element: h(
      'div',
      { class: 'page page-search' },
      h('h1', { tabindex: '-1' }, `Kết quả tìm “${text}”`),
      h(
        'p',
        { class: 'meta', role: 'status' },
        hits.length === 0
          ? 'Không có kết quả. Thử ít từ hơn hoặc một ký hiệu như “36-NQ/TW”.'
          : `${hits.length} kết quả`,
      ),
      groups.map(([title, list, render]) =>
        section(`${title} (${list.length})`, h('ul', { class: 'hit-list' }, list.map(render))),
      ),
    ),
  };
}
