// Query: the whole graph in exchange formats — JSON (the export as stored), GraphML (graph tools such as
// Gephi, yEd) and a Cypher script (to load into another Neo4j). Values are escaped, never interpreted.
import type { GraphEdge, GraphExport, GraphNode } from '../model/graph.ts';

export type ExportFormat = 'json' | 'graphml' | 'cypher';

export function renderExport(graph: GraphExport, format: ExportFormat): string {
  if (format === 'json') return `${JSON.stringify(graph, null, 2)}\n`;
  if (format === 'graphml') return graphml(graph);
  return cypher(graph);
}

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Scalar properties only: lists and objects are JSON-encoded into one string attribute. */
function flat(record: Record<string, unknown>, skip: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(record)) {
    if (skip.includes(k) || v === null || v === undefined) continue;
    out[k] = typeof v === 'object' ? JSON.stringify(v) : String(v);
  }
  return out;
}

function graphml(graph: GraphExport): string {
  const nodeProps = new Set<string>();
  const edgeProps = new Set<string>();
  const nodes = graph.nodes.map((n) => ({ id: n.id, props: flat(n, ['id']) }));
  const edges = graph.edges.map((e) => ({ e, props: flat(e, ['id', 'from', 'to']) }));
  for (const n of nodes) for (const k of Object.keys(n.props)) nodeProps.add(k);
  for (const { props } of edges) for (const k of Object.keys(props)) edgeProps.add(k);
  const keys = [
    ...[...nodeProps].map((k) => `  <key id="n_${k}" for="node" attr.name="${xml(k)}" attr.type="string"/>`),
    ...[...edgeProps].map((k) => `  <key id="e_${k}" for="edge" attr.name="${xml(k)}" attr.type="string"/>`),
  ];
  const data = (prefix: string, props: Record<string, string>) =>
    Object.entries(props).map(([k, v]) => `      <data key="${prefix}_${k}">${xml(v)}</data>`);
  const body = [
    ...nodes.map((n) => [`    <node id="${xml(n.id)}">`, ...data('n', n.props), '    </node>'].join('\n')),
    ...edges.map(({ e, props }) =>
      [
        `    <edge id="${xml(e.id)}" source="${xml(e.from)}" target="${xml(e.to)}">`,
        ...data('e', props),
        '    </edge>',
      ].join('\n'),
    ),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    ...keys,
    '  <graph id="policy-graph" edgedefault="directed">',
    ...body,
    '  </graph>',
    '</graphml>',
    '',
  ].join('\n');
}

/** A Cypher literal: strings quoted with escapes, lists and objects as JSON strings. */
function literal(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

const LABEL: Record<GraphNode['kind'], string> = { DOCUMENT: 'Document', TASK: 'Task', AGENCY: 'Agency' };

function cypher(graph: GraphExport): string {
  const props = (r: Record<string, unknown>, skip: readonly string[]) =>
    Object.entries(r)
      .filter(([k, v]) => !skip.includes(k) && v !== null && v !== undefined)
      .map(([k, v]) => `\`${k.replace(/`/g, '')}\`: ${literal(v)}`)
      .join(', ');
  const lines = graph.nodes.map(
    (n) => `MERGE (n:${LABEL[n.kind]} {id: ${literal(n.id)}}) SET n += {${props(n, ['id', 'kind'])}};`,
  );
  for (const e of graph.edges as GraphEdge[]) {
    lines.push(
      `MATCH (a {id: ${literal(e.from)}}), (b {id: ${literal(e.to)}}) MERGE (a)-[r:${e.type} {id: ${literal(e.id)}}]->(b) SET r += {${props(e, ['id', 'from', 'to', 'type'])}};`,
    );
  }
  return `${lines.join('\n')}\n`;
}
