// Query: the whole graph as GraphML for graph tools. Every node and edge has a `label` (Gephi takes the attribute
// named label as the label; yEd shows the y:NodeLabel / y:EdgeLabel of its graphics keys), TinkerPop's labelV /
// labelE (the node kind, the edge type), and each property as a typed <key> (d0, d1, … as yEd and NetworkX write
// them): days as strings, counts and offsets as int, flags as boolean, confidence as double.
import type { GraphEdge, GraphExport, GraphNode } from '../model/graph.ts';
import { edgeToRecord } from '../store/records.ts';

type KeyType = 'string' | 'int' | 'double' | 'boolean';

/** Properties whose GraphML type is not string; lists are written as JSON text. */
const TYPES: Readonly<Record<string, KeyType>> = {
  year: 'int',
  dateValid: 'boolean',
  deadlineValid: 'boolean',
  evidenceStart: 'int',
  evidenceEnd: 'int',
  confidence: 'double',
};

/** Left out: the folded search words the stores index (derived, not a fact). */
const SKIP = new Set(['id', 'kind', 'searchText']);

const LABEL_V: Record<GraphNode['kind'], string> = { DOCUMENT: 'Document', TASK: 'Task', AGENCY: 'Agency' };
const FILL: Record<GraphNode['kind'], string> = { DOCUMENT: '#FFE8A3', TASK: '#CFE8FF', AGENCY: '#D9F2D0' };

/** XML 1.0 characters only: C0 controls (but tab and line breaks), lone surrogates and U+FFFE/F become U+FFFD. */
function xmlChars(s: string): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    const allowed =
      c === 0x9 ||
      c === 0xa ||
      c === 0xd ||
      (c >= 0x20 && c <= 0xd7ff) ||
      (c >= 0xe000 && c <= 0xfffd) ||
      c > 0xffff;
    out += allowed ? ch : '\uFFFD';
  }
  return out;
}

const xml = (s: string) =>
  xmlChars(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The short name a drawing shows: a document's symbol (or title), a task's key, an agency's name. */
export function graphLabel(n: GraphNode): string {
  if (n.kind === 'DOCUMENT') return n.symbol ?? n.title ?? n.id;
  if (n.kind === 'TASK') return n.key;
  return n.jurisdiction ? `${n.name} (${n.jurisdiction})` : n.name;
}

/** A task's printed `label` ("II.4.d") is renamed: `label` is the attribute tools draw. */
function nodeProps(n: GraphNode): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(n)
      .filter(([k]) => !SKIP.has(k))
      .map(([k, v]) => [k === 'label' ? 'printedLabel' : k, v]),
  );
}

/** An edge's properties as the store records them (provenance flattened), with its type; its id and ends are attributes. */
function edgeProps(e: GraphEdge): Record<string, unknown> {
  const { id: _id, fromId: _from, toId: _to, ...props } = edgeToRecord(e);
  return { type: e.type, ...props };
}

function text(type: KeyType, v: unknown): string {
  if (type === 'boolean') return v ? 'true' : 'false';
  if (type === 'int' || type === 'double') return String(v);
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** One key per property name and element kind, numbered in order of first use. */
class Keys {
  readonly declared: string[] = [];
  private readonly ids = new Map<string, string>();

  id(forWhat: 'node' | 'edge', name: string): string {
    const k = `${forWhat}|${name}`;
    let id = this.ids.get(k);
    if (id === undefined) {
      id = `d${this.ids.size}`;
      this.ids.set(k, id);
      this.declared.push(
        `  <key id="${id}" for="${forWhat}" attr.name="${xml(name)}" attr.type="${TYPES[name] ?? 'string'}"/>`,
      );
    }
    return id;
  }
}

function data(keys: Keys, forWhat: 'node' | 'edge', props: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const [name, v] of Object.entries(props)) {
    if (v === null || v === undefined) continue;
    out.push(`      <data key="${keys.id(forWhat, name)}">${xml(text(TYPES[name] ?? 'string', v))}</data>`);
  }
  return out;
}

export function graphml(graph: GraphExport): string {
  const keys = new Keys();
  const nodes = graph.nodes.map((n) => {
    const label = xml(graphLabel(n));
    return [
      `    <node id="${xml(n.id)}">`,
      `      <data key="label">${label}</data>`,
      `      <data key="labelV">${LABEL_V[n.kind]}</data>`,
      ...data(keys, 'node', nodeProps(n)),
      `      <data key="yn"><y:ShapeNode><y:Fill color="${FILL[n.kind]}"/><y:NodeLabel>${label}</y:NodeLabel><y:Shape type="roundrectangle"/></y:ShapeNode></data>`,
      '    </node>',
    ].join('\n');
  });
  const edges = graph.edges.map((e) =>
    [
      `    <edge id="${xml(e.id)}" source="${xml(e.from)}" target="${xml(e.to)}">`,
      `      <data key="edgeLabel">${e.type}</data>`,
      `      <data key="labelE">${e.type}</data>`,
      ...data(keys, 'edge', edgeProps(e)),
      `      <data key="ye"><y:PolyLineEdge><y:Arrows source="none" target="standard"/><y:EdgeLabel>${e.type}</y:EdgeLabel></y:PolyLineEdge></data>`,
      '    </edge>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:y="http://www.yworks.com/xml/graphml">',
    '  <key id="label" for="node" attr.name="label" attr.type="string"/>',
    '  <key id="labelV" for="node" attr.name="labelV" attr.type="string"/>',
    '  <key id="edgeLabel" for="edge" attr.name="label" attr.type="string"/>',
    '  <key id="labelE" for="edge" attr.name="labelE" attr.type="string"/>',
    ...keys.declared,
    // yEd's graphics (it draws these labels on opening); attr.type keeps Gephi's importer from flagging them.
    '  <key id="yn" for="node" yfiles.type="nodegraphics" attr.type="string"/>',
    '  <key id="ye" for="edge" yfiles.type="edgegraphics" attr.type="string"/>',
    '  <graph id="policy-graph" edgedefault="directed">',
    ...nodes,
    ...edges,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}
