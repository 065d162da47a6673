// Node names and links: how a document, task or agency is named in lists, chains and the graph.
import { h } from './dom.js';
import { DOC_TYPE, formatDate, formatDeadline, LEVEL, placeOf } from './labels.js';
import { kindOfId, nodeHref } from './router.js';

export function truncate(text, max) {
  if (!text) return '';
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** "36-NQ/TW"; a plan without a number "Kế hoạch không số · Ia H'Drai"; a named reference by its title. */
export function docLabel(doc) {
  if (doc.symbol) return doc.symbol;
  const type = DOC_TYPE[doc.type] ?? 'Văn bản';
  if (doc.status === 'FULL_TEXT' || !doc.title) {
    const place = placeOf(doc);
    return place ? `${type} không số · ${place}` : `${type} không số`;
  }
  return truncate(doc.title, 60);
}

/** An agency's name without the "(Kon Tum)" the API appends, when its jurisdiction is shown elsewhere. */
export function agencyShortName(agency) {
  const suffix = agency.jurisdiction ? ` (${agency.jurisdiction})` : '';
  return suffix && agency.name.endsWith(suffix) ? agency.name.slice(0, -suffix.length) : agency.name;
}

/** The short label of any node (graph nodes, chain steps). */
export function nodeLabel(node) {
  const kind = node.kind ?? kindOfId(node.id);
  if (kind === 'DOCUMENT') return docLabel(node);
  if (kind === 'TASK') return node.label ?? node.key ?? node.name;
  return agencyShortName(node);
}

/** A link to the node's page, named by its short label, with its full name (when known) as a tooltip. */
export function nodeLink(node, text = nodeLabel(node), attrs = {}) {
  const kind = node.kind ?? kindOfId(node.id);
  return h(
    'a',
    {
      href: nodeHref(node),
      title: node.name ?? null,
      class: `node-link kind-${kind.toLowerCase()}`,
      ...attrs,
    },
    text,
  );
}

/** One line about a document: type, place (with level), date. */
export function docMeta(doc) {
  const parts = [];
  if (doc.type) parts.push(DOC_TYPE[doc.type] ?? doc.type);
  const place = placeOf(doc);
  if (place)
    parts.push(doc.level && doc.level !== 'CENTRAL' ? `${place} (${LEVEL[doc.level].toLowerCase()})` : place);
  if (doc.date) parts.push(formatDate(doc.date));
  return parts.join(' · ');
}

/** A small badge for a deadline, marked when the printed date is impossible. */
export function deadlineBadge(deadline) {
  if (!deadline) return null;
  return h(
    'span',
    {
      class: `badge deadline${deadline.valid ? '' : ' invalid'}`,
      title: deadline.text ? `Ghi trong văn bản: ${deadline.text}` : null,
    },
    formatDeadline(deadline),
  );
}
