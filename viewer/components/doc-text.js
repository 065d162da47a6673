// Document text: the original text rendered from its Markdown, with every citation highlighted and linked to the
// cited document's page. Mention offsets come from the API (Document.references[].mentions, UTF-16 offsets, which
// are JavaScript's own string offsets, so slicing needs no conversion).
import { h } from '../dom.js';
import { DOC_TYPE, EDGE } from '../labels.js';
import { parseBlocks } from '../markdown.js';
import { href, nodeHref } from '../router.js';
import { longList } from './virtual-list.js';

/** Mentions of every reference, sorted, overlaps dropped (the earlier, then longer, one wins). */
export function mentionSpans(references, textLength) {
  const spans = [];
  for (const [refIndex, ref] of references.entries()) {
    for (const m of ref.mentions) {
      if (m.start >= 0 && m.end <= textLength && m.start < m.end)
        spans.push({ start: m.start, end: m.end, refIndex });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept = [];
  let last = 0;
  for (const s of spans) {
    if (s.start < last) continue;
    kept.push(s);
    last = s.end;
  }
  return kept;
}

function refTitle(ref) {
  const kinds = [...new Set(ref.relations.map((r) => EDGE[r.type] ?? r.type))];
  const target = ref.target ? ref.target.name : 'chưa xác định được văn bản trong đồ thị';
  return kinds.length > 0 ? `${kinds.join(', ')}: ${target}` : target;
}

function refHref(ref) {
  if (ref.target) return nodeHref({ ...ref.target, kind: 'DOCUMENT' });
  // Not tied to a stored document: searching for it is the most useful thing a link can do.
  return href('search', ref.symbol ?? ref.name ?? '');
}

/**
 * Wraps the mentions that fall in text[start, end) in links, appending plain text and <a class="cite"> pieces to
 * `parent`. `cursor` walks the sorted spans once over the whole document (pieces come in source order); a
 * mention cut by a marker (**, a table cell's edge) becomes several links to the same reference.
 */
function appendWithMentions(parent, text, start, end, ctx) {
  const { spans, references } = ctx;
  while (ctx.cursor < spans.length && spans[ctx.cursor].end <= start) ctx.cursor++;
  let at = start;
  for (let k = ctx.cursor; k < spans.length && spans[k].start < end; k++) {
    const span = spans[k];
    const s = Math.max(at, span.start);
    const e = Math.min(end, span.end);
    if (e <= s) continue;
    if (s > at) parent.append(text.slice(at, s));
    const ref = references[span.refIndex];
    const implementsIt = ref.relations.some((r) => r.type === 'IMPLEMENTS');
    parent.append(
      h(
        'a',
        {
          href: refHref(ref),
          class: `cite${ref.target ? '' : ' unresolved'}${implementsIt ? ' implements' : ''}`,
          title: refTitle(ref),
          // The mention's start on its first piece only: one jump target per mention.
          dataset: s === span.start ? { ref: span.refIndex, start: span.start } : { ref: span.refIndex },
        },
        text.slice(s, e),
      ),
    );
    at = e;
  }
  if (at < end) parent.append(text.slice(at, end));
}

function appendInlines(parent, inlines, text, ctx) {
  for (const node of inlines) {
    if (node.type === 'text') appendWithMentions(parent, text, node.start, node.end, ctx);
    else if (node.type === 'break') parent.append(h('br'));
    else {
      const el = h(node.type === 'strong' ? 'strong' : 'em');
      appendInlines(el, node.children, text, ctx);
      parent.append(el);
    }
  }
  return parent;
}

/** Bullet items of one list as nested <ul>s by depth. */
function listElement(block, text, ctx) {
  const root = h('ul', { class: 'md-list' });
  const stack = [{ depth: 0, ul: root, last: null }];
  for (const item of block.items) {
    while (stack.length > 1 && item.depth < stack[stack.length - 1].depth) stack.pop();
    let level = stack[stack.length - 1];
    if (item.depth > level.depth && level.last) {
      const ul = h('ul', { class: 'md-list' });
      level.last.append(ul);
      level = { depth: item.depth, ul, last: null };
      stack.push(level);
    }
    const li = appendInlines(h('li', { class: 'md-item' }), item.inlines, text, ctx);
    level.ul.append(li);
    level.last = li;
  }
  return root;
}

function tableElement(block, text, ctx) {
  const cell = (tag, c) =>
    appendInlines(
      h(tag, { class: c.align ? `align-${c.align}` : null, scope: tag === 'th' ? 'col' : null }),
      c.inlines,
      text,
      ctx,
    );
  return h(
    'div',
    { class: 'md-table-wrap' },
    h(
      'table',
      { class: 'md-table' },
      block.head
        ? h(
            'thead',
            {},
            h(
              'tr',
              {},
              block.head.map((c) => cell('th', c)),
            ),
          )
        : null,
      h(
        'tbody',
        {},
        block.rows.map((row) =>
          h(
            'tr',
            {},
            row.map((c) => cell('td', c)),
          ),
        ),
      ),
    ),
  );
}

/**
 * The text rendered from its Markdown (markdown.js: headings, paragraphs, lists, tables, bold and italic) as DOM
 * built element by element, with <a class="cite"> around each mention: mention offsets point into the original
 * text, and every rendered piece of text keeps its offsets, so markers removed never shift a citation.
 * Headings start at h3 (the page has its h1 and the section's h2).
 */
export function renderDocText(text, references) {
  const root = h('div', { class: 'doc-text', tabindex: '0' });
  const ctx = { spans: mentionSpans(references, text.length), references, cursor: 0 };
  for (const block of parseBlocks(text)) {
    if (block.type === 'heading')
      root.append(
        appendInlines(
          h(`h${Math.min(6, block.level + 2)}`, { class: 'md-heading' }),
          block.inlines,
          text,
          ctx,
        ),
      );
    else if (block.type === 'paragraph') root.append(appendInlines(h('p'), block.inlines, text, ctx));
    else if (block.type === 'list') root.append(listElement(block, text, ctx));
    else if (block.type === 'table') root.append(tableElement(block, text, ctx));
    else if (block.type === 'rule') root.append(h('hr'));
  }
  return root;
}

/** The reference list beside the text: each cited document once, with its relation and a jump to its mentions. */
export function renderReferenceList(references, textEl) {
  const jump = (refIndex) => {
    const marks = textEl ? [...textEl.querySelectorAll(`a.cite[data-ref="${refIndex}"]`)] : [];
    for (const el of textEl?.querySelectorAll('a.cite.flash') ?? []) el.classList.remove('flash');
    for (const el of marks) el.classList.add('flash');
    marks[0]?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };
  const item = (ref, i) => {
    const label = ref.target?.symbol ?? ref.symbol ?? ref.name ?? ref.target?.name ?? '?';
    const kinds = [...new Set(ref.relations.map((r) => EDGE[r.type] ?? r.type))];
    return h(
      'li',
      { class: ref.target ? '' : 'unresolved' },
      h('a', { href: refHref(ref), title: ref.target?.name ?? 'chưa xác định' }, label),
      ' ',
      h(
        'span',
        { class: 'meta' },
        [DOC_TYPE[ref.type ?? ref.target?.type] ?? '', ...kinds].filter(Boolean).join(' · '),
      ),
      ref.mentions.length > 0
        ? h(
            'button',
            {
              type: 'button',
              class: 'link-button',
              onclick: () => jump(i),
              'aria-label': `Xem ${ref.mentions.length} chỗ nhắc đến ${label} trong văn bản`,
            },
            `${ref.mentions.length} chỗ ↓`,
          )
        : h('span', { class: 'meta' }, ' (không có vị trí trong văn bản)'),
    );
  };
  return longList(references, item, { className: 'ref-list', label: 'Văn bản được dẫn chiếu' });
}
