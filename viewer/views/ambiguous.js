// Ambiguity page: a reference that names several documents (the API's AMBIGUOUS error, with the candidates' ids)
// shows each candidate with what tells them apart — symbol, issuer, date, level and place, subject, source files —
// and links to it on the page that was asked for.
import { gql } from '../api.js';
import { facts, h } from '../dom.js';
import { BRANCH, DOC_TYPE, formatDate, LEVEL, placeOf, STATUS } from '../labels.js';
import { describeError, errorFootnote } from '../messages.js';
import { docLabel } from '../node-links.js';
import { CANDIDATE } from '../queries.js';
import { href } from '../router.js';

/** Candidates described at most (a bare number can match many documents); the rest are listed by id. */
const MAX_DESCRIBED = 30;

/** Pages whose reference can be ambiguous, and keep their own address for the chosen candidate. */
const SAME_PAGE = new Set(['document', 'coverage']);

async function describe(id) {
  try {
    return { id, doc: (await gql(CANDIDATE, { ref: id })).document };
  } catch {
    return { id, doc: null };
  }
}

function candidateItem({ id, doc }, route) {
  const page = SAME_PAGE.has(route.name) ? route.name : 'document';
  const target = href(page, id, route.params.toString() ? route.params : undefined);
  if (!doc) {
    return h(
      'li',
      { class: 'candidate' },
      h('a', { href: target, class: 'node-link kind-document' }, id),
      h('span', { class: 'meta' }, ' (không tải được thông tin văn bản này)'),
    );
  }
  const date = doc.date ? formatDate(doc.date) : doc.dateText || 'không ghi ngày';
  return h(
    'li',
    { class: 'candidate', dataset: { id } },
    h(
      'h2',
      {},
      h('a', { href: target, class: 'node-link kind-document', title: doc.name }, docLabel(doc)),
      h('span', { class: 'meta' }, ` · ${DOC_TYPE[doc.type] ?? 'Văn bản'} · ${date}`),
    ),
    facts([
      ['Cơ quan ban hành', doc.issuerName],
      ['Ngày ban hành', date],
      ['Cấp', doc.level ? `${LEVEL[doc.level]}${doc.level !== 'CENTRAL' ? ` · ${placeOf(doc)}` : ''}` : null],
      ['Khối', BRANCH[doc.branch]],
      ['Trích yếu', doc.subject ?? doc.title],
      ['Tình trạng', STATUS[doc.status]],
      // A document known only by citation has no file of its own: the files that cite it tell where it was seen.
      [doc.status === 'CITED_ONLY' ? 'Được nhắc trong tệp' : 'Tệp nguồn', doc.sources.join(', ')],
    ]),
    h('p', { class: 'meta candidate-id' }, 'Mã: ', h('code', {}, id)),
  );
}

/** { title, element } for `error` (AMBIGUOUS) raised by the page of `route`. */
export async function ambiguityPage(route, error) {
  const ids = [...new Set((error.extensions.candidates ?? []).map(String))];
  const described = await Promise.all(ids.slice(0, MAX_DESCRIBED).map(describe));
  const rest = ids.slice(MAX_DESCRIBED).map((id) => ({ id, doc: null }));
  const info = describeError(error, { ref: route.arg });
  const element = h(
    'div',
    { class: 'page page-ambiguity' },
    h('p', { class: 'kicker' }, 'Cần chọn văn bản'),
    h('h1', { tabindex: '-1' }, info.title),
    h('p', { class: 'lead' }, info.text),
    h(
      'p',
      { class: 'meta', role: 'status' },
      `${ids.length} văn bản khớp “${route.arg}”. Nhấn vào số, ký hiệu để mở văn bản đó.`,
    ),
    h(
      'ol',
      { class: 'candidates' },
      [...described, ...rest].map((c) => candidateItem(c, route)),
    ),
    errorFootnote(info),
  );
  return { title: info.title, element };
}
