// Query: graph answers as people and tools read them — every node with a display name, lineage trees
// (down) and chains (up) as plain JSON and as indented text. Shared by the CLI and the API.
import type { ChainUp, GraphEdge, GraphNode, Lineage } from '../model/graph.ts';

/** One line naming a node: "57-CTr/TU (2023-04-28) Ban Thường vụ Tỉnh ủy Kon Tum", "III.6.h Lĩnh vực ...". */
export function nodeName(n: GraphNode): string {
  if (n.kind === 'DOCUMENT') {
    const label = n.symbol ?? n.title ?? n.id;
    const when = n.dateValue ? ` (${n.dateValue})` : '';
    const by = n.issuerName ? ` ${n.issuerName}` : '';
    return `${label}${when}${by}`;
  }
  if (n.kind === 'TASK') return `${n.key} ${n.title}`;
  return n.jurisdiction ? `${n.name} (${n.jurisdiction})` : n.name;
}

export const nodeView = (n: GraphNode) => ({ ...n, name: nodeName(n) });

export function lineageJson(l: Lineage) {
  return {
    direction: 'DOWN' as const,
    root: nodeView(l.root),
    depth: l.depth,
    nodes: l.nodes.map(nodeView),
    edges: l.edges,
  };
}

export function chainJson(c: ChainUp) {
  const nodes = new Map<string, GraphNode>();
  const edges = new Map<string, GraphEdge>();
  for (const p of c.paths) {
    for (const n of p.nodes) nodes.set(n.id, n);
    for (const s of p.steps) for (const e of s.edges) edges.set(e.id, e);
  }
  return {
    direction: 'UP' as const,
    root: nodeView(c.start),
    roots: c.roots.map((r) => r.id),
    paths: c.paths.map((p) => p.nodes.map((n) => n.id)),
    nodes: [...nodes.values()].map(nodeView),
    edges: [...edges.values()],
  };
}

/** Tags of a tree line in this order: "[lead+coordinator]". */
const NOTE_ORDER = ['implements', 'lead', 'coordinator'];

/**
 * The lineage down as an indented tree: implementing documents and tasks under what they implement, each task's
 * agencies with every role they hold in it.
 */
export function lineageTree(l: Lineage): string {
  const byId = new Map(l.nodes.map((n) => [n.id, n as GraphNode]));
  byId.set(l.root.id, l.root);
  const children = new Map<string, Array<{ id: string; notes: string[] }>>();
  // One line per child; a child reached by several edges (an agency that leads one part of a task and
  // coordinates another) keeps every note.
  const add = (parent: string, id: string, note?: string) => {
    const list = children.get(parent) ?? [];
    const had = list.find((c) => c.id === id);
    if (had === undefined) list.push({ id, notes: note === undefined ? [] : [note] });
    else if (note !== undefined && !had.notes.includes(note)) had.notes.push(note);
    children.set(parent, list);
  };
  for (const e of l.edges) {
    if (e.type === 'IMPLEMENTS') add(e.to, e.from, 'implements');
    else if (e.type === 'HAS_TASK') add(e.from, e.to);
    else if (e.type === 'PART_OF') add(e.to, e.from);
    else if (e.type === 'ASSIGNS') add(e.from, e.to, e.role === 'LEAD' ? 'lead' : 'coordinator');
  }
  const noteOf = (notes: readonly string[]) =>
    [...notes].sort((a, b) => NOTE_ORDER.indexOf(a) - NOTE_ORDER.indexOf(b)).join('+');
  const lines: string[] = [];
  const seen = new Set<string>();
  const walk = (id: string, indent: string, note: string) => {
    const n = byId.get(id);
    if (!n) return;
    const deadline = n.kind === 'TASK' && n.deadlineText ? ` — ${n.deadlineText}` : '';
    const tag = note ? `[${note}] ` : '';
    // A task reached through its own IMPLEMENTS is shown with the document that holds it.
    const holder =
      n.kind === 'TASK' && note.split('+').includes('implements') ? byId.get(n.documentId) : undefined;
    const of = holder ? ` — in ${nodeName(holder)}` : '';
    lines.push(`${indent}${tag}${nodeName(n)}${of}${deadline}`);
    if (seen.has(id)) return;
    seen.add(id);
    // Sub-tasks are shown under their parent task, not again under the document.
    const kids = (children.get(id) ?? []).filter((c) => !(n.kind === 'DOCUMENT' && isSubtask(c.id, l.edges)));
    for (const c of kids) walk(c.id, `${indent}  `, noteOf(c.notes));
  };
  walk(l.root.id, '', '');
  return `${lines.join('\n')}\n`;
}

function isSubtask(id: string, edges: readonly GraphEdge[]): boolean {
  return edges.some((e) => e.type === 'PART_OF' && e.from === id);
}

/** The chain up as one line per path: start → … → root. */
export function chainText(c: ChainUp): string {
  if (c.paths.length === 0) return `${nodeName(c.start)}: implements nothing known\n`;
  return `${c.paths.map((p) => p.nodes.map(nodeName).join('\n  → ')).join('\n\n')}\n`;
}
