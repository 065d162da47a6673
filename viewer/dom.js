// DOM helpers: elements are built from data with text nodes only (never innerHTML), so text from documents
// cannot inject markup.

/**
 * h('a', { href: '#/x', class: 'link', onclick: fn }, 'text', child, [more]) — attributes starting with "on"
 * become listeners; null, undefined and false children are skipped; arrays are flattened.
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') el.addEventListener(name.slice(2), value);
    else if (name === 'class') el.className = value;
    else if (name === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const child of children.flat(Number.POSITIVE_INFINITY)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** Replaces every child of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  return append(el, children);
}

/** A section with a heading (id for aria-labelledby, so screen readers announce the section by its title). */
let sectionCount = 0;
export function section(title, ...children) {
  const id = `section-${++sectionCount}`;
  return h('section', { class: 'panel', 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/**
 * A definition list of [term, value] pairs as a grid of label-over-value cells (a long value takes a full row);
 * pairs with an empty value are left out.
 */
export function facts(pairs) {
  const dl = h('dl', { class: 'facts' });
  for (const [term, value] of pairs) {
    if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
      continue;
    const long = (typeof value === 'string' ? value : (value.textContent ?? '')).length > 60;
    dl.append(h('div', { class: long ? 'fact wide' : 'fact' }, h('dt', {}, term), h('dd', {}, value)));
  }
  return dl;
}
