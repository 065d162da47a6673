// Home page: what the viewer is for, and the documents to start from (ingested plans, central resolutions).
import { gql } from '../api.js';
import { h, section } from '../dom.js';
import { docMeta, nodeLink } from '../node-links.js';
import { HOME } from '../queries.js';
import { href } from '../router.js';

function docList(nodes, { coverage = false } = {}) {
  if (nodes.length === 0) return h('p', { class: 'meta' }, 'Chưa có văn bản nào.');
  return h(
    'ul',
    { class: 'doc-list' },
    nodes.map((d) =>
      h(
        'li',
        {},
        nodeLink(d),
        ' ',
        h('span', { class: 'meta' }, docMeta(d)),
        d.title && d.symbol ? h('div', { class: 'doc-title' }, d.title) : null,
        coverage
          ? h('a', { class: 'small-link', href: href('coverage', d.id) }, 'Tỉnh nào đã triển khai?')
          : null,
      ),
    ),
  );
}

export async function homePage() {
  const data = await gql(HOME);
  const fullText = data.fullText.edges.map((e) => e.node);
  const central = data.central.edges.map((e) => e.node);
  return {
    title: 'Trang đầu',
    element: h(
      'div',
      { class: 'page page-home' },
      h('h1', { tabindex: '-1' }, 'Cây văn bản chính sách'),
      h(
        'p',
        { class: 'lead' },
        'Văn bản nào triển khai văn bản nào, ai được giao nhiệm vụ gì và đến khi nào. ',
        'Tìm một văn bản, nhiệm vụ hoặc cơ quan ở ô tìm kiếm phía trên (gõ có dấu hay không dấu đều được).',
      ),
      h(
        'div',
        { class: 'columns' },
        section(`Văn bản trung ương (${data.central.totalCount})`, docList(central, { coverage: true })),
        section(`Văn bản đã nạp toàn văn (${data.fullText.totalCount})`, docList(fullText)),
      ),
    ),
  };
}
