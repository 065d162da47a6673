// Validity hints on a document page: what the document states it amends, replaces, repeals or guides, and what
// other documents state they do to it, each linked, with the clause that states it (on hover, and expandable),
// and a notice at the top of a document stated to be replaced or repealed.
import { h, section } from '../dom.js';
import { METHOD, VALIDITY } from '../labels.js';
import { nodeLink } from '../node-links.js';
import { href } from '../router.js';

const ORDER = ['AMENDS', 'REPLACES', 'REPEALS', 'GUIDES'];

/** The hints of one direction grouped by relation, in ORDER. */
function byRelation(hints, direction) {
  return ORDER.map((relation) => ({
    relation,
    hints: hints.filter((x) => x.direction === direction && x.relation === relation),
  })).filter((g) => g.hints.length > 0);
}

/** The clause as printed, else where it is (file and offsets): the same facts the other provenance shows. */
function evidence(hint) {
  const p = hint.provenance;
  return h(
    'details',
    { class: 'validity-evidence' },
    h('summary', {}, 'Căn cứ'),
    hint.evidenceText ? h('blockquote', { class: 'evidence-text' }, hint.evidenceText) : null,
    h(
      'p',
      { class: 'prov-item' },
      `${METHOD[p.method] ?? p.method} · `,
      h('a', { href: href('document', p.assertedBy), title: `Văn bản nêu: ${p.assertedBy}` }, p.source),
      h('span', { class: 'prov-span' }, ` ký tự ${p.evidence.start}–${p.evidence.end}`),
    ),
  );
}

function hintItem(hint) {
  const link = nodeLink(hint.document);
  if (hint.evidenceText) link.title = hint.evidenceText.replace(/\s+/g, ' ').trim();
  return h(
    'li',
    { class: 'validity-item', dataset: { relation: hint.relation, direction: hint.direction } },
    link,
    evidence(hint),
  );
}

/** The "Hiệu lực" section; null when the graph states nothing about the document's force. */
export function validitySection(hints) {
  if (hints.length === 0) return null;
  const groups = [...byRelation(hints, 'IN'), ...byRelation(hints, 'OUT')];
  const direction = (g) => (g.hints[0].direction === 'IN' ? 'IN' : 'OUT');
  return section(
    'Hiệu lực',
    h(
      'p',
      { class: 'meta' },
      'Theo lời văn của các văn bản trong đồ thị (sửa đổi, bổ sung, thay thế, bãi bỏ, hướng dẫn thi hành). Nhấn “Căn cứ” để xem câu chữ nêu điều đó.',
    ),
    h(
      'dl',
      { class: 'validity' },
      groups.map((g) => [
        h(
          'dt',
          { class: `validity-rel validity-${direction(g).toLowerCase()}` },
          VALIDITY[direction(g)][g.relation],
        ),
        h('dd', {}, h('ul', { class: 'validity-list' }, g.hints.map(hintItem))),
      ]),
    ),
  );
}

/** "Văn bản này đã được thay thế bởi …" / "… đã bị bãi bỏ bởi …" (toàn bộ hay một phần, as stated); null otherwise. */
export function supersededNotice(hints) {
  const replaced = hints.filter((x) => x.direction === 'IN' && x.relation === 'REPLACES');
  const repealed = hints.filter((x) => x.direction === 'IN' && x.relation === 'REPEALS');
  if (replaced.length === 0 && repealed.length === 0) return null;
  const links = (list) =>
    list.flatMap((x, i) => [i > 0 ? (i === list.length - 1 ? ' và ' : ', ') : null, nodeLink(x.document)]);
  return h(
    'div',
    { class: 'validity-notice', role: 'note' },
    replaced.length > 0 ? h('p', {}, 'Văn bản này đã được thay thế bởi ', links(replaced), '.') : null,
    repealed.length > 0
      ? h('p', {}, 'Văn bản này đã bị bãi bỏ (toàn bộ hoặc một phần) bởi ', links(repealed), '.')
      : null,
  );
}
