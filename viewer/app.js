// Viewer entry: the search form, hash routing to a page per route, loading and error states. Each page is a
// function (route) → { title, element, mounted?, destroy? } in views/.
import { ApiError } from './api.js';
import { h, replace } from './dom.js';
import { go, href, parseHash } from './router.js';
import { agencyPage } from './views/agency.js';
import { coveragePage } from './views/coverage.js';
import { documentPage } from './views/document.js';
import { homePage } from './views/home.js';
import { searchPage } from './views/search.js';
import { taskPage } from './views/task.js';
import { timelinessPage } from './views/timeliness.js';

const PAGES = {
  home: homePage,
  search: searchPage,
  document: documentPage,
  task: taskPage,
  agency: agencyPage,
  coverage: coveragePage,
  timeliness: timelinessPage,
};

const main = document.getElementById('main');
const status = document.getElementById('status');
const searchForm = document.getElementById('search-form');
const searchInput = document.getElementById('search-input');

let shown = null;
let sequence = 0;

// The skip link must not change the hash (that is the router's): it moves focus instead.
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = searchInput.value.trim();
  if (text) go(href('search', text));
});

function errorView(error) {
  if (error instanceof ApiError && error.code === 'AMBIGUOUS') {
    const candidates = error.extensions.candidates ?? [];
    return h(
      'div',
      { class: 'panel' },
      h('h1', { tabindex: '-1' }, 'Ký hiệu này ứng với nhiều văn bản'),
      h('p', {}, 'Chọn một văn bản:'),
      h(
        'ul',
        {},
        candidates.map((id) => h('li', {}, h('a', { href: href('document', id) }, id))),
      ),
    );
  }
  const notFound = error instanceof ApiError && error.code === 'NOT_FOUND';
  const badInput = error instanceof ApiError && error.code === 'BAD_USER_INPUT';
  return h(
    'div',
    { class: 'panel error', role: 'alert' },
    h(
      'h1',
      { tabindex: '-1' },
      notFound ? 'Không tìm thấy' : badInput ? 'Tham chiếu không hợp lệ' : 'Đã có lỗi',
    ),
    h('p', {}, error.message),
    h('p', {}, h('a', { href: '#/' }, 'Về trang đầu')),
  );
}

async function render() {
  const token = ++sequence;
  const route = parseHash(location.hash);
  const page = PAGES[route.name];
  if (route.name === 'search') searchInput.value = route.arg;
  status.textContent = 'Đang tải…';
  main.setAttribute('aria-busy', 'true');
  let next;
  try {
    next = page
      ? await page(route)
      : {
          title: 'Không có trang này',
          element: errorView(new ApiError(`Không có trang "${route.name}".`, 'NOT_FOUND')),
        };
  } catch (error) {
    next = { title: 'Lỗi', element: errorView(error) };
  }
  // A later navigation won the race: drop this page.
  if (token !== sequence) {
    next.destroy?.();
    return;
  }
  shown?.destroy?.();
  shown = next;
  replace(main, next.element);
  document.title = `${next.title} · policy-graph`;
  main.setAttribute('aria-busy', 'false');
  status.textContent = '';
  window.scrollTo(0, 0);
  // Move focus to the new page's heading, so keyboard and screen-reader users land on it.
  main.querySelector('h1')?.focus({ preventScroll: true });
  try {
    await next.mounted?.();
  } catch (error) {
    main.append(errorView(error));
  }
}

window.addEventListener('hashchange', render);
render();
