// Tree model: a lineage tree loaded lazily, one entry's children at a time (the API's `subtree`), with an
// expanded state shared by the list and the drawing, so both always show the same nodes. Nothing here touches
// the DOM: the source (tree-source.js) fetches, the list and the drawing read `rows()` and `visibleItems()`.

/** Children asked for per request (the API's page size); the rest behind a "Xem thêm" row. */
export const PAGE_SIZE = 100;
/** Past this many entries "Mở rộng tất cả" opens only what is already loaded. */
export const EXPAND_ALL_LIMIT = 500;
/** Rows opened at first, level by level, while a whole next level still fits. */
const DEFAULT_VISIBLE = 120;
/** On a tree larger than this, tasks whose children are all agencies start closed (the row names the leads). */
const AGENCY_ROWS_THRESHOLD = 24;
/** Requests at most per "Mở rộng tất cả" (each a level's worth of pages). */
const MAX_EXPAND_REQUESTS = 60;
/** Node ids kept in the address per list (opened, closed): enough for a view someone built by hand, and short. */
export const MAX_STATE_IDS = 20;

export const isAgency = (item) => item.node.kind === 'AGENCY';

let keyCount = 0;

function makeItem(entry, parent) {
  return {
    key: `t${++keyCount}`,
    entry,
    node: entry.node,
    depth: entry.depth,
    parent,
    /** null until loaded. */
    children: null,
    total: entry.childCount,
    cursor: null,
    hasMore: false,
    expanded: false,
    /** Opened by the view's base (the first levels, "Mở rộng tất cả"), not by the user: see viewState(). */
    auto: false,
    loading: null,
    error: null,
  };
}

function applyPage(item, conn) {
  item.children ??= [];
  for (const edge of conn.edges) item.children.push(makeItem(edge.node, item));
  item.total = conn.totalCount;
  item.cursor = conn.pageInfo.endCursor;
  item.hasMore = conn.pageInfo.hasNextPage;
  item.error = null;
}

export class LazyTree {
  /**
   * `source` = { pages([{ parent, first, after }], filter) → [TreeEntryConnection] } (parent null: the root
   * entry alone);
   * `filter` = null or a TreeFilter.
   */
  constructor(source, filter = null) {
    this.source = source;
    this.filter = filter;
    this.root = null;
    this.generation = 0;
    this.requests = 0;
    this.inflight = 0;
    this.listeners = new Set();
    /** How the view was opened before the user's own toggles: 'default' (first levels), 'all' or 'none'. */
    this.base = 'default';
    /** Resolves when the first levels are open (openLevels after a load). */
    this.opening = Promise.resolve();
  }

  onChange(fn) {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  changed() {
    for (const fn of this.listeners) fn();
  }

  /**
   * The root entry and its first page of children; resolves once they are shown, while as many further levels
   * as fit the default size keep loading (`busy()` says when all is done). A later call (a new filter) wins over
   * one still loading: the earlier one's answer is dropped, and it resolves false.
   */
  async load() {
    const generation = ++this.generation;
    // On a reload (a new filter) the root's id is known: the root and its children come in one request.
    const known = this.root?.node.id ?? null;
    const requests = [{ parent: null, first: 1, after: null }];
    if (known) requests.push({ parent: known, first: PAGE_SIZE, after: null });
    this.inflight++;
    let top;
    let children;
    try {
      [top, children] = await this.source.pages(requests, this.filter);
    } finally {
      this.inflight--;
    }
    if (generation !== this.generation) return false;
    const entry = top?.edges[0]?.node ?? null;
    const root = entry ? makeItem(entry, null) : null;
    if (root) {
      root.expanded = true;
      if (children && root.node.id === known) applyPage(root, children);
      else if (this.hasChildren(root)) await this.loadMany([root]);
    }
    if (generation !== this.generation) return false;
    this.root = root;
    this.base = 'default';
    this.changed();
    if (root) this.opening = this.openLevels().then(() => this.changed());
    return true;
  }

  /** Whether a request is in flight. */
  busy() {
    return this.inflight > 0;
  }

  /** Reloads the tree under another filter (null: none). */
  setFilter(filter) {
    this.filter = filter;
    return this.load();
  }

  /** Whether the entry has children to show (under a filter: children leading to a match). */
  hasChildren(item) {
    if (item.children) return item.children.length > 0 || item.hasMore;
    if (item.entry.repeated) return false;
    if (this.filter && item.entry.descendantMatches !== null && item.entry.descendantMatches !== undefined)
      return item.entry.descendantMatches > 0;
    return item.entry.childCount > 0;
  }

  /** Matches under the root (the root itself included), or null without a filter. */
  matchCount() {
    if (!this.filter || !this.root) return null;
    return (this.root.entry.descendantMatches ?? 0) + (this.root.entry.matches ? 1 : 0);
  }

  /** Entries in the whole tree below the root (as the API counts them, unfiltered). */
  size() {
    return this.root ? this.root.entry.descendantCount : 0;
  }

  /** Entries to ask for in the item's next page. */
  pageFor(item) {
    const left = item.children ? item.total - item.children.length : item.entry.childCount;
    return Math.min(PAGE_SIZE, Math.max(1, left));
  }

  /** The next page of an entry's children (the first when none is loaded). */
  loadMore(item) {
    return this.loadMany([item]);
  }

  /** The next page of children of each of `items`, in as few requests as the cost limit allows. */
  loadMany(items) {
    const busy = items.filter((i) => i.loading).map((i) => i.loading);
    const todo = items.filter((i) => !i.loading && (i.children === null || i.hasMore));
    if (todo.length === 0) return Promise.all(busy);
    const filter = this.filter;
    const loading = (async () => {
      this.inflight++;
      try {
        this.requests++;
        const pages = await this.source.pages(
          todo.map((i) => ({ parent: i.node.id, first: this.pageFor(i), after: i.cursor })),
          filter,
        );
        todo.forEach((item, k) => {
          applyPage(item, pages[k]);
        });
      } catch (error) {
        // Kept whole: the list says it in Vietnamese from its code (messages.js).
        for (const item of todo) item.error = error;
      } finally {
        this.inflight--;
        for (const item of todo) item.loading = null;
      }
    })();
    for (const item of todo) item.loading = loading;
    return Promise.all([loading, ...busy]);
  }

  /** Opens or closes an entry, loading its first page of children if needed. */
  async toggle(item) {
    item.toggled = true;
    if (item.expanded) {
      item.expanded = false;
      this.changed();
      return;
    }
    item.expanded = true;
    if (item.children === null) {
      const loading = this.loadMore(item);
      this.changed(); // a "loading" row meanwhile
      await loading;
    }
    this.changed();
  }

  async showMore(item) {
    const loading = this.loadMore(item);
    this.changed();
    await loading;
    this.changed();
  }

  /**
   * Opens level after level below the root while the whole next level fits in DEFAULT_VISIBLE rows; tasks whose
   * children are all agencies are loaded (for their leads) but left closed on a large tree.
   */
  async openLevels(budget = DEFAULT_VISIBLE) {
    const root = this.root;
    const small = this.size() + 1 <= AGENCY_ROWS_THRESHOLD;
    let shown = 1 + (root.children?.length ?? 0);
    let frontier = [root];
    while (root === this.root) {
      const next = frontier.flatMap((i) => i.children ?? []).filter((i) => this.hasChildren(i));
      if (next.length === 0) return;
      const adding = next.reduce((n, i) => n + Math.min(i.entry.childCount, PAGE_SIZE), 0);
      if (shown + adding > budget) return;
      // Documents open at once (their rows show they are loading); tasks once it is known what is under them.
      for (const i of next)
        if (i.node.kind !== 'TASK') {
          i.expanded = true;
          i.auto = true;
        }
      this.changed();
      await this.loadMany(next);
      if (root !== this.root) return;
      for (const i of next) {
        const agenciesOnly = i.node.kind === 'TASK' && (i.children ?? []).every(isAgency);
        if (i.node.kind === 'TASK' && !i.toggled && (!agenciesOnly || small)) {
          i.expanded = true;
          i.auto = true;
        }
        if (i.expanded) shown += i.children?.length ?? 0;
      }
      this.changed();
      frontier = next.filter((i) => i.expanded);
    }
  }

  /**
   * Opens everything when the tree (or, filtered, its matches) has at most EXPAND_ALL_LIMIT entries, loading what
   * is missing; a larger tree only opens what is already loaded (nothing is fetched). Returns { complete, size }.
   */
  async expandAll() {
    if (!this.root) return { complete: true, size: 0 };
    const size = this.filter ? (this.matchCount() ?? 0) : this.size();
    this.base = 'all';
    if (size > EXPAND_ALL_LIMIT) {
      for (const item of this.loadedItems())
        if (item.children && item.children.length > 0) {
          item.expanded = true;
          item.auto = true;
        }
      this.changed();
      return { complete: false, size };
    }
    const start = this.requests;
    let frontier = [this.root];
    while (frontier.length > 0 && this.requests - start < MAX_EXPAND_REQUESTS) {
      for (;;) {
        const missing = frontier.filter((i) => (i.children === null || i.hasMore) && !i.error);
        if (missing.length === 0 || this.requests - start >= MAX_EXPAND_REQUESTS) break;
        await this.loadMany(missing);
      }
      for (const item of frontier) {
        item.expanded = true;
        item.auto = true;
      }
      frontier = frontier.flatMap((i) => i.children ?? []).filter((i) => this.hasChildren(i));
    }
    this.changed();
    return { complete: frontier.length === 0, size };
  }

  collapseAll() {
    this.base = 'none';
    for (const item of this.loadedItems()) {
      if (item.depth >= 1) item.expanded = false;
      item.auto = item.depth === 0;
    }
    this.changed();
  }

  /**
   * What the user changed, for the address: { base, open, shut } — the base ('default', 'all', 'none'), then the
   * node ids of shown entries opened beyond it and of those closed under it, in tree order (ancestors first),
   * at most `max` of each. restore() of it on the same tree reopens the same view.
   */
  viewState(max = MAX_STATE_IDS) {
    const open = [];
    const shut = [];
    const walk = (item) => {
      for (const c of item.children ?? []) {
        if (c.expanded && !c.auto && open.length < max) open.push(c.node.id);
        if (!c.expanded && c.auto && this.hasChildren(c) && shut.length < max) shut.push(c.node.id);
        if (c.expanded) walk(c);
      }
    };
    if (this.root) walk(this.root);
    return { base: this.base, open, shut };
  }

  /** Applies a viewState() once the first levels are open: the base, then each open id (loading it), each shut id. */
  async restore({ base = 'default', open = [], shut = [] } = {}) {
    // Nothing to change: the page need not wait for the first levels.
    if (base === 'default' && open.length === 0 && shut.length === 0) return;
    await this.opening;
    if (!this.root) return;
    if (base === 'all') await this.expandAll();
    else if (base === 'none') this.collapseAll();
    const find = (id) => this.loadedItems().find((i) => i.node.id === id && !i.entry.repeated) ?? null;
    for (const id of open) {
      const item = find(id);
      if (!item || item.expanded || !this.hasChildren(item)) continue;
      item.toggled = true;
      item.expanded = true;
      if (item.children === null) await this.loadMore(item);
    }
    for (const id of shut) {
      const item = find(id);
      if (!item?.expanded) continue;
      item.toggled = true;
      item.expanded = false;
    }
    this.changed();
  }

  /** Every loaded item, in pre-order. */
  loadedItems() {
    const out = [];
    const walk = (item) => {
      out.push(item);
      for (const c of item.children ?? []) walk(c);
    };
    if (this.root) walk(this.root);
    return out;
  }

  /** Items under no closed one, in pre-order. */
  visibleItems() {
    return this.rows()
      .filter((r) => r.type === 'item')
      .map((r) => r.item);
  }

  /**
   * The list's rows in order: { type: 'item', item } for each visible entry, then under an open entry
   * { type: 'loading' | 'error' | 'more', item } for children being fetched, failed or not fetched yet.
   */
  rows() {
    const rows = [];
    const walk = (item) => {
      rows.push({ type: 'item', item });
      if (!item.expanded) return;
      for (const c of item.children ?? []) walk(c);
      if (item.error) rows.push({ type: 'error', item });
      else if (item.loading) rows.push({ type: 'loading', item });
      else if (item.hasMore) rows.push({ type: 'more', item });
    };
    if (this.root) walk(this.root);
    return rows;
  }
}

/** The path of items from the root to `item` (for expanding down to a node). */
export function ancestors(item) {
  const out = [];
  for (let p = item.parent; p !== null; p = p.parent) out.push(p);
  return out;
}
