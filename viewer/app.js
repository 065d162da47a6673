// Viewer entry: the search form, hash routing to a page per route, loading and error states. Each page is a
// function (route) → { title, element, mounted?, destroy? } in views/.
import { ApiError } from './api.js';
import { h, replace } from './dom.js';
import { describeError, errorFootnote } from './messages.js';
import { go, href, parseHash } from './router.js';
import { agencyPage } from './views/agency.js';
import { ambiguityPage } from './views/ambiguous.js';
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

/** An error as the reader sees it: a Vietnamese title and sentence, the code in small print (messages.js). */
function errorView(error, route) {
  const info = describeError(error, { ref: route?.arg || null });
  return h(
    'div',
    { class: 'panel error', role: 'alert' },
    h('h1', { tabindex: '-1' }, info.title),
    h('p', { class: 'error-text' }, info.text),
    h('p', {}, h('a', { href: '#/' }, 'Về trang đầu')),
    errorFootnote(info),
  );
}

/** The page for an error: an ambiguous reference gets the page that lists its candidates. */
async function errorPage(error, route) {
  let shownError = error;
  if (error instanceof ApiError && error.code === 'AMBIGUOUS') {
    try {
      return await ambiguityPage(route, error);
    } catch (failed) {
      shownError = failed;
    }
  }
  return { title: describeError(shownError).title, element: errorView(shownError, route) };
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
          element: errorView(new ApiError(`no route "${route.name}"`, 'NO_SUCH_PAGE'), route),
        };
  } catch (error) {
    next = await errorPage(error, route);
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
    main.append(errorView(error, route));
  }
}

window.addEventListener('hashchange', render);
render();
