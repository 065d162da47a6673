// Document page: header facts, the chain up to the root resolutions, the lineage tree down, the text with every
// citation linked, what cites the document, and its validity hints (amended, replaced, repealed, guided by).
import { gql } from '../api.js';
import { renderChains } from '../components/chain.js';
import { renderDocText, renderReferenceList } from '../components/doc-text.js';
import { downloadLinks } from '../components/downloads.js';
import { printButton } from '../components/print-button.js';
import { TREE_PARAMS, treePanel } from '../components/tree-panel.js';
import { supersededNotice, validitySection } from '../components/validity.js';
import { longList } from '../components/virtual-list.js';
import { facts, h, section } from '../dom.js';
import {
  BASIS,
  BRANCH,
  DOC_TYPE,
  EDGE,
  formatDate,
  LEVEL,
  METHOD,
  placeOf,
  STATUS,
  today,
} from '../labels.js';
import { docLabel, nodeLink } from '../node-links.js';
import { CHAIN, DOCUMENT } from '../queries.js';
import { href, replaceParams } from '../router.js';

function dateFact(doc) {
  if (!doc.dateValid) return h('span', { class: 'badge invalid' }, `${doc.dateText} (ngày không hợp lệ)`);
  if (!doc.date) return doc.dateText || 'không ghi ngày';
  return formatDate(doc.date);
}

function headerFacts(doc) {
  return facts([
    ['Số, ký hiệu', doc.symbol ?? '(không số)'],
    ['Loại văn bản', DOC_TYPE[doc.type]],
    ['Cơ quan ban hành', doc.issuerName],
    ['Cấp', doc.level ? `${LEVEL[doc.level]}${doc.level !== 'CENTRAL' ? ` · ${placeOf(doc)}` : ''}` : null],
    ['Khối', BRANCH[doc.branch]],
    ['Ngày ban hành', dateFact(doc)],
    ['Trích yếu', doc.subject && doc.subject !== doc.title ? doc.subject : null],
    ['Ban hành kèm', doc.promulgates],
    ['Người ký', doc.signer],
    ['Tình trạng', STATUS[doc.status]],
    ['Số nhiệm vụ', doc.tasks.length > 0 ? String(doc.tasks.length) : null],
    ['Tệp nguồn', doc.sources.join(', ')],
  ]);
}

/** The citations of the document grouped by citing node (a document, or a task of one): one row each. */
export function groupCitations(citedBy) {
  const groups = new Map();
  for (const { edge, node } of citedBy) {
    const group = groups.get(node.id) ?? { node, edges: [] };
    group.edges.push(edge);
    groups.set(node.id, group);
  }
  return [...groups.values()];
}

const relationLabel = (edge) => (edge.type === 'CITES' && edge.basis ? BASIS[edge.basis] : EDGE[edge.type]);

/** One assertion: relation, how it was found, where it is stated (the file and offsets, linked to the text). */
function provenanceItem(edge) {
  const p = edge.provenance;
  return h(
    'li',
    { class: 'prov-item' },
    h('span', { class: 'prov-rel' }, relationLabel(edge)),
    ` · ${METHOD[p.method] ?? p.method} · `,
    h('a', { href: href('document', p.assertedBy), title: `Văn bản nêu: ${p.assertedBy}` }, p.source),
    h('span', { class: 'prov-span' }, ` ký tự ${p.evidence.start}–${p.evidence.end}`),
  );
}

function citedByList(citedBy) {
  if (citedBy.length === 0)
    return h('p', { class: 'meta' }, 'Chưa có văn bản nào trong đồ thị dẫn chiếu văn bản này.');
  return longList(
    groupCitations(citedBy),
    ({ node, edges }) => {
      const relations = [...new Set(edges.map((e) => `${e.type}:${e.basis ?? ''}`))].map((key) =>
        edges.find((e) => `${e.type}:${e.basis ?? ''}` === key),
      );
      return h(
        'li',
        { class: 'cited-by', dataset: { nodeId: node.id } },
        relations.map((e) => [
          h('span', { class: `rel rel-${e.type.toLowerCase()}` }, relationLabel(e)),
          ' ',
        ]),
        nodeLink(node),
        node.kind === 'TASK' && node.document
          ? h('span', { class: 'meta' }, ' trong ', nodeLink(node.document))
          : null,
        h(
          'ul',
          { class: 'provenance', 'aria-label': `Căn cứ của ${edges.length} khẳng định` },
          edges.map(provenanceItem),
        ),
      );
    },
    { className: 'hit-list cited-by-list', label: 'Văn bản dẫn chiếu văn bản này' },
  );
}

function textSection(doc) {
  if (doc.text === null) {
    return section(
      'Toàn văn',
      h(
        'p',
        { class: 'meta' },
        doc.status === 'CITED_ONLY'
          ? 'Văn bản này chỉ được biết qua trích dẫn; chưa có toàn văn.'
          : 'Không đọc được toàn văn (tệp nguồn đã đổi hoặc bị chuyển đi).',
      ),
    );
  }
  const text = renderDocText(doc.text, doc.references);
  const cited = doc.references.reduce((n, r) => n + r.mentions.length, 0);
  return section(
    'Toàn văn',
    h('p', { class: 'meta' }, `${cited} chỗ trích dẫn được tô sáng, mỗi chỗ dẫn tới văn bản được nhắc đến.`),
    h(
      'div',
      { class: 'text-layout' },
      h('div', { class: 'text-wrap' }, text),
      h(
        'aside',
        { class: 'refs', 'aria-label': 'Văn bản được dẫn chiếu' },
        h('h3', {}, `Văn bản được dẫn chiếu (${doc.references.length})`),
        renderReferenceList(doc.references, text),
      ),
    ),
  );
}

export async function documentPage(route) {
  const ref = route.arg;
  // The tree's filter and what is open live in the address: reloading or sharing it reopens the same view.
  const tree = treePanel(ref, {
    state: route.params,
    onState: (params) => replaceParams(TREE_PARAMS, params),
  });
  const [docData, chainData] = await Promise.all([gql(DOCUMENT, { ref }), gql(CHAIN, { ref }), tree.ready]);
  const doc = docData.document;
  const below = tree.model.size();
  const isRoot = chainData.chain.every((p) => p.nodes.length <= 1);
  const element = h(
    'article',
    { class: 'page page-document' },
    h('p', { class: 'kicker' }, [DOC_TYPE[doc.type], placeOf(doc)].filter(Boolean).join(' · ')),
    h('h1', { tabindex: '-1' }, docLabel(doc)),
    doc.title ? h('p', { class: 'subtitle' }, doc.title) : null,
    supersededNotice(doc.validity),
    h(
      'div',
      { class: 'header-grid' },
      headerFacts(doc),
      h(
        'nav',
        { class: 'page-actions', 'aria-label': 'Xem thêm' },
        h('a', { class: 'button-link', href: href('coverage', doc.id) }, 'Tỉnh nào đã triển khai?'),
        ' ',
        h('a', { class: 'button-link', href: href('timeliness', doc.id) }, 'Ai triển khai đúng hạn?'),
        printButton(),
        downloadLinks('cây triển khai', 'lineage', { ref: doc.id }).element,
        downloadLinks('nhiệm vụ giao dưới văn bản này', 'mandates', { ref: doc.id, asOf: today() }).element,
      ),
    ),
    validitySection(doc.validity),
    // A root resolution has no chain up: one line says so instead of an empty panel.
    isRoot
      ? h('p', { class: 'root-note' }, 'Văn bản gốc: không triển khai văn bản nào khác trong đồ thị.')
      : section('Chuỗi lên văn bản gốc', renderChains(chainData.chain)),
    section(
      'Cây triển khai',
      h(
        'p',
        { class: 'meta' },
        below > 0
          ? `${below.toLocaleString('vi-VN')} mục (văn bản, nhiệm vụ, cơ quan) dưới văn bản này, trực tiếp hoặc gián tiếp. `
          : 'Chưa có văn bản nào triển khai văn bản này trong đồ thị. ',
        'Nhấn ▸ / ▾ để mở hoặc thu gọn, nhấn vào một mục để mở trang của nó; lọc theo tỉnh, cấp, loại hoặc chữ để chỉ thấy các nhánh dẫn tới mục khớp.',
      ),
      tree.element,
    ),
    textSection(doc),
    section(`Được dẫn chiếu bởi (${groupCitations(doc.citedBy).length})`, citedByList(doc.citedBy)),
  );
  return { title: docLabel(doc), element, mounted: tree.mounted, destroy: tree.destroy };
}
