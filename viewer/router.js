// Hash routing: #/document/<id>?province=…&open=<id>,<id> (the tree's view), #/task/<id>,
// #/agency/<id>?on=YYYY-MM-DD, #/search/<text>, #/coverage/<ref>?level=PROVINCE. Ids hold '/', '#', '?' and '@', so the part after the route name is one
// URI-encoded component; a hand-typed "#/document/36-NQ/TW" (unencoded) works too.

const NODE_ROUTE = { DOCUMENT: 'document', TASK: 'task', AGENCY: 'agency' };

/** { name, arg, params } of a hash ("" and "#/" are the home page). */
export function parseHash(hash) {
  const raw = hash.replace(/^#\/?/, '');
  const q = raw.indexOf('?');
  const path = q < 0 ? raw : raw.slice(0, q);
  const params = new URLSearchParams(q < 0 ? '' : raw.slice(q + 1));
  const slash = path.indexOf('/');
  const name = slash < 0 ? path : path.slice(0, slash);
  let arg = slash < 0 ? '' : path.slice(slash + 1);
  try {
    arg = decodeURIComponent(arg);
  } catch {
    // A malformed escape: keep it as typed rather than fail the page.
  }
  return { name: name || 'home', arg, params };
}

export function href(name, arg, params) {
  const query = params ? new URLSearchParams(params).toString() : '';
  return `#/${name}/${encodeURIComponent(arg)}${query ? `?${query}` : ''}`;
}

/** The page of a node, from its id (ids carry their kind: "doc:…", "doc:…#key", "agency:…"). */
export function nodeHref(node) {
  const kind = node.kind ?? kindOfId(node.id);
  return href(NODE_ROUTE[kind] ?? 'document', node.id);
}

export function kindOfId(id) {
  if (id.startsWith('agency:')) return 'AGENCY';
  return id.includes('#') ? 'TASK' : 'DOCUMENT';
}

export function go(hash) {
  if (location.hash === hash) window.dispatchEvent(new HashChangeEvent('hashchange'));
  else location.hash = hash;
}

/**
 * Rewrites the params named by `keys` in the current address to those of `params` (absent ones removed), the
 * others kept, without a navigation: no hashchange, no history entry (a view's state, for reloading and sharing).
 */
export function replaceParams(keys, params) {
  const { name, arg, params: current } = parseHash(location.hash);
  const next = new URLSearchParams(current);
  for (const key of keys) {
    const value = params.get(key);
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const target = href(name, arg, next);
  if (target !== location.hash) history.replaceState(history.state, '', target);
}
