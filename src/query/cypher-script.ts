// Query: the whole graph as a cypher-shell script to load into Neo4j. First the store's constraints and indexes
// (cypher/schema.cypher), then batches: a `:param rows => [...]` line with the data, and one statement that only
// reads $rows — nodes MERGEd by label and id, edges MATCHed by their ends' labels and ids (the constraint
// indexes), so no data is ever spliced into a statement. Properties are the store's own records
// (src/store/records.ts): what the Neo4j adapter writes, so the loaded database reads like one it wrote.
import type { GraphEdge, GraphExport, GraphNode, NodeKind } from '../model/graph.ts';
import { CYPHER_DIR, loadCypherFiles } from '../store/neo4j/cypher-files.ts';
import { agencyToRecord, documentToRecord, edgeToRecord, LABEL_OF, taskToRecord } from '../store/records.ts';

export const CYPHER_BATCH = 500;

/** The statements of cypher/schema.cypher (constraints first: they are also the id indexes). */
export async function cypherSchemaStatements(): Promise<string[]> {
  const { schema } = await loadCypherFiles(CYPHER_DIR, ['schema'] as const);
  return schema.statements;
}

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Properties Neo4j must hold as floats even when the value is whole (the adapter writes toFloat(...)). */
const FLOATS = new Set(['confidence']);

/** A Cypher literal for a :param line; strings in double quotes with JSON's escapes, which Cypher reads alike. */
function literal(v: unknown, key = ''): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new RangeError(`${key}: ${v} is not a number Cypher can hold`);
    return FLOATS.has(key) && Number.isInteger(v) ? `${v}.0` : String(v);
  }
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map((x) => literal(x)).join(', ')}]`;
  const entries = Object.entries(v as Record<string, unknown>).map(
    ([k, x]) => `${IDENT.test(k) ? k : `\`${k.replace(/`/g, '``')}\``}: ${literal(x, k)}`,
  );
  return `{${entries.join(', ')}}`;
}

function nodeRecord(n: GraphNode): Record<string, unknown> {
  if (n.kind === 'DOCUMENT') {
    // assertedFrom is the store's bookkeeping for replacing a document's facts, not part of the graph.
    const { assertedFrom: _asserted, ...rest } = documentToRecord({ node: n, assertedFrom: [] });
    return rest;
  }
  return n.kind === 'TASK' ? taskToRecord(n) : agencyToRecord(n);
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function kindOfId(id: string, nodes: ReadonlyMap<string, NodeKind>): NodeKind {
  const kind = nodes.get(id);
  if (kind === undefined) throw new RangeError(`edge end ${id} is not a node of the export`);
  return kind;
}

export function cypherScript(
  graph: GraphExport,
  schema: readonly string[],
  batchSize: number = CYPHER_BATCH,
): string {
  const out: string[] = [
    `// policy-graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges. Load with: cypher-shell -f <this file>`,
    '// Constraints and indexes of cypher/schema.cypher, then batches of rows given as parameters.',
    ...schema.map((s) => `${s};`),
  ];
  const kinds = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  for (const kind of ['DOCUMENT', 'TASK', 'AGENCY'] as const) {
    const rows = graph.nodes
      .filter((n) => n.kind === kind)
      .map((n) => {
        const { id, ...props } = nodeRecord(n);
        return { id, props };
      });
    for (const batch of batches(rows, batchSize)) {
      out.push(`:param rows => ${literal(batch)};`);
      out.push(`UNWIND $rows AS row MERGE (n:Node:${LABEL_OF[kind]} {id: row.id}) SET n += row.props;`);
    }
  }
  // Edges grouped by type and the labels of their ends, so each MATCH names one label.
  const groups = new Map<
    string,
    { type: GraphEdge['type']; from: NodeKind; to: NodeKind; edges: GraphEdge[] }
  >();
  for (const e of graph.edges) {
    const from = kindOfId(e.from, kinds);
    const to = kindOfId(e.to, kinds);
    const key = `${e.type}|${from}|${to}`;
    const g = groups.get(key) ?? { type: e.type, from, to, edges: [] };
    g.edges.push(e);
    groups.set(key, g);
  }
  for (const [, g] of [...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const rows = g.edges.map((e) => {
      const { id, fromId, toId, ...props } = edgeToRecord(e);
      return { id, fromId, toId, props };
    });
    for (const batch of batches(rows, batchSize)) {
      out.push(`:param rows => ${literal(batch)};`);
      out.push(
        `UNWIND $rows AS row MATCH (a:${LABEL_OF[g.from]} {id: row.fromId}) MATCH (b:${LABEL_OF[g.to]} {id: row.toId}) ` +
          `MERGE (a)-[r:${g.type} {id: row.id}]->(b) SET r += row.props;`,
      );
    }
  }
  return `${out.join('\n')}\n`;
}
