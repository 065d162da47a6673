// "In trang": prints the page as it is shown (style.css's print rules leave out the search, toolbars, filters and
// the drawing, and show a virtual list's rows whole: see virtual-list.js).
import { h } from '../dom.js';

export function printButton() {
  return h('button', { type: 'button', class: 'print-button', onclick: () => window.print() }, 'In trang');
}
