// Document text: the original text with every citation highlighted and linked to the cited document's page.
// Mention offsets come from the API (Document.references[].mentions, UTF-16 offsets, which are JavaScript's own
// string offsets, so slicing needs no conversion).
import { h } from '../dom.js';
import { DOC_TYPE, EDGE } from '../labels.js';
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

/** The text as a <pre> with <a class="cite"> around each mention. */
export function renderDocText(text, references) {
  const pre = h('pre', { class: 'doc-text', tabindex: '0' });
  let at = 0;
  for (const span of mentionSpans(references, text.length)) {
    if (span.start > at) pre.append(text.slice(at, span.start));
    const ref = references[span.refIndex];
    const implementsIt = ref.relations.some((r) => r.type === 'IMPLEMENTS');
    pre.append(
      h(
        'a',
        {
          href: refHref(ref),
          class: `cite${ref.target ? '' : ' unresolved'}${implementsIt ? ' implements' : ''}`,
          title: refTitle(ref),
          dataset: { ref: span.refIndex, start: span.start },
        },
        text.slice(span.start, span.end),
      ),
    );
    at = span.end;
  }
  if (at < text.length) pre.append(text.slice(at));
  return pre;
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
