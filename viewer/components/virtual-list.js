// Virtual list: only the rows in view (plus a margin) exist in the DOM, whatever the list's length. Rows have one
// fixed height, so the row under a scroll position is a division; the list scrolls inside its own box.
import { h } from '../dom.js';

const DEFAULT_VIEW = 640; // px assumed for the box before it is laid out
/** Rows rendered at most when printing (the whole list as it is open, within reason). */
export const PRINT_MAX_ROWS = 5000;

// Printing shows every row, not the window in view: lists re-render when the print media starts or stops
// (the print dialog, page.pdf(), emulated print media), synchronously, before the page is laid out for paper.
const printMedia = typeof window !== 'undefined' && window.matchMedia ? window.matchMedia('print') : null;
let printRequested = false;
const printing = () => printRequested || (printMedia?.matches ?? false);
const liveLists = new Set();
function rerenderAll() {
  for (const list of liveLists) {
    // A list of a page left behind: forgotten once it has been shown and is no longer in the document.
    if (list.shown && !list.element.isConnected) liveLists.delete(list);
    else list.render();
  }
}
if (typeof window !== 'undefined') {
  printMedia?.addEventListener('change', rerenderAll);
  window.addEventListener('beforeprint', () => {
    printRequested = true;
    rerenderAll();
  });
  window.addEventListener('afterprint', () => {
    printRequested = false;
    rerenderAll();
  });
}

/**
 * { element, setRows(rows), refresh(), scrollToIndex(i), rendered() } — `rows` are objects with a unique `key`;
 * `renderRow(row, index)` makes a row's element, kept (and so its focus) while the row stays in view and its
 * `version` is unchanged. `tag` is the rows' container (ul for lists).
 */
export function virtualList({
  rowHeight,
  renderRow,
  className = '',
  tag = 'ul',
  overscan = 12,
  label = null,
}) {
  let rows = [];
  const cache = new Map(); // key → { version, el }
  const inner = h(tag, { class: 'vlist-rows', 'aria-label': label });
  const spacer = h('div', { class: 'vlist-spacer' }, inner);
  const element = h('div', { class: `vlist ${className}`.trim() }, spacer);
  let frame = 0;

  const elementOf = (row, index) => {
    const cached = cache.get(row.key);
    if (cached && cached.version === row.version) return cached.el;
    const el = renderRow(row, index);
    el.style.height = `${rowHeight}px`;
    cache.set(row.key, { version: row.version, el });
    return el;
  };

  const render = () => {
    frame = 0;
    if (element.isConnected) live.shown = true;
    const all = printing();
    const view = element.clientHeight || DEFAULT_VIEW;
    const first = all ? 0 : Math.max(0, Math.floor(element.scrollTop / rowHeight) - overscan);
    const last = all
      ? Math.min(rows.length, PRINT_MAX_ROWS)
      : Math.min(rows.length, Math.ceil((element.scrollTop + view) / rowHeight) + overscan);
    element.classList.toggle('printing', all);
    spacer.style.height = all ? '' : `${rows.length * rowHeight}px`;
    inner.style.transform = all ? '' : `translateY(${first * rowHeight}px)`;
    const wanted = [];
    for (let i = first; i < last; i++) {
      const el = elementOf(rows[i], i);
      el.dataset.row = String(i);
      // On paper a row takes the height its whole text needs.
      el.style.height = all ? '' : `${rowHeight}px`;
      wanted.push(el);
    }
    // Elements already in place are left alone (a focused button keeps its focus).
    for (const [i, el] of wanted.entries()) {
      const at = inner.children[i];
      if (at !== el) inner.insertBefore(el, at ?? null);
    }
    while (inner.children.length > wanted.length) inner.lastElementChild?.remove();
    // Rows far out of view are forgotten so the cache stays the size of a window, not of the list.
    if (cache.size > 4 * (last - first) + 200) {
      const keep = new Set(rows.slice(first, last).map((r) => r.key));
      for (const key of cache.keys()) if (!keep.has(key)) cache.delete(key);
    }
  };

  const schedule = () => {
    frame ||= requestAnimationFrame(render);
  };
  const live = { element, render, shown: false };
  liveLists.add(live);
  element.addEventListener('scroll', schedule, { passive: true });
  // Layout changes (a narrow window, the box shown for the first time) change what is in view.
  if (typeof ResizeObserver === 'function') new ResizeObserver(schedule).observe(element);

  return {
    element,
    setRows(next) {
      rows = next;
      if (frame) cancelAnimationFrame(frame);
      render();
    },
    refresh: schedule,
    /** Scrolls so row `index` is in view (at the top when it was not). */
    scrollToIndex(index) {
      const top = index * rowHeight;
      const view = element.clientHeight || DEFAULT_VIEW;
      if (top < element.scrollTop || top + rowHeight > element.scrollTop + view) element.scrollTop = top;
      render();
    },
    rendered: () => inner.children.length,
    get rows() {
      return rows;
    },
  };
}

/**
 * A list of `items`: a plain <ul> when short, a virtual one past `threshold` items (every row one line high).
 */
export function longList(items, renderItem, { className = '', threshold = 150, rowHeight = 30, label } = {}) {
  if (items.length <= threshold)
    return h('ul', { class: className, 'aria-label': label }, items.map(renderItem));
  const list = virtualList({
    rowHeight,
    className: `long-list ${className}-box`,
    label,
    renderRow: (row) => {
      const li = renderItem(row.item, row.index);
      li.classList.add('vlist-row');
      return li;
    },
  });
  list.element.querySelector('.vlist-rows')?.classList.add(...className.split(' ').filter(Boolean));
  list.setRows(items.map((item, index) => ({ key: index, version: 0, item, index })));
  return list.element;
}
