// Tests of the whole-graph exports (src/query/graphml.ts, cypher-script.ts) on the seeds: GraphML that a strict
// XML parser reads, with a label on every node and edge and typed keys; a Cypher script that creates the store's
// constraints, passes every value as a parameter, matches edge ends by label and id, carries the whole graph,
// and that Neo4j's linter passes without a diagnostic.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintCypherQuery } from '@neo4j-cypher/language-support';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraphExport } from '../../src/model/graph.ts';
import { cypherSchemaStatements, cypherScript } from '../../src/query/cypher-script.ts';
import { renderExport } from '../../src/query/export-formats.ts';
import { graphml } from '../../src/query/graphml.ts';
import { parseCypherFile } from '../../src/store/neo4j/cypher-files.ts';
import { edgeToRecord } from '../../src/store/records.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { seededStore } from '../api/support.ts';
import { schemaFor } from '../support/cypher-schema.ts';
import { all, cypherParam, parseXml, type XmlElement } from '../support/export-readers.ts';
import { VID, validityFacts } from '../support/validity-fixture.ts';

let graph: GraphExport;
let dispose: () => Promise<void>;

beforeAll(async () => {
  const seeded = await seededStore();
  dispose = seeded.dispose;
  graph = await seeded.store.exportAll();
});
afterAll(() => dispose());

describe('GraphML', () => {
  let doc: XmlElement;
  let keys: Map<string, { for: string; name: string; type: string }>;
  const dataOf = (el: XmlElement) => new Map(all(el, 'data').map((d) => [d.attributes.key as string, d]));

  beforeAll(() => {
    doc = parseXml(graphml(graph));
    keys = new Map(
      all(doc, 'key').map((k) => [
        k.attributes.id as string,
        {
          for: k.attributes.for ?? '',
          name: k.attributes['attr.name'] ?? '',
          type: k.attributes['attr.type'] ?? '',
        },
      ]),
    );
  });

  it('is GraphML: the namespace, keys before one directed graph, every node and edge of the graph', () => {
    expect(doc.name).toBe('graphml');
    expect(doc.uri).toBe('http://graphml.graphdrawing.org/xmlns');
    const names = doc.children.map((c) => c.name);
    expect(names.lastIndexOf('key')).toBeLessThan(names.indexOf('graph'));
    const [g] = all(doc, 'graph');
    expect(g?.attributes.edgedefault).toBe('directed');
    expect(all(doc, 'node').map((n) => n.attributes.id)).toEqual(graph.nodes.map((n) => n.id));
    expect(all(doc, 'edge').map((e) => [e.attributes.source, e.attributes.target])).toEqual(
      graph.edges.map((e) => [e.from, e.to]),
    );
  });

  it('labels every node (symbol, key or name) and every edge (its type), for Gephi, yEd and TinkerPop', () => {
    expect(keys.get('label')).toEqual({ for: 'node', name: 'label', type: 'string' });
    expect(keys.get('edgeLabel')).toEqual({ for: 'edge', name: 'label', type: 'string' });
    expect(keys.get('labelV')?.name).toBe('labelV');
    expect(keys.get('labelE')?.name).toBe('labelE');
    const byId = new Map(graph.nodes.map((n) => [n.id, n]));
    for (const el of all(doc, 'node')) {
      const d = dataOf(el);
      const n = byId.get(el.attributes.id as string);
      const expected =
        n?.kind === 'DOCUMENT' ? (n.symbol ?? n.title ?? n.id) : n?.kind === 'TASK' ? n.key : n?.name;
      expect(d.get('label')?.text.startsWith(expected ?? '?'), el.attributes.id).toBe(true);
      expect(d.get('labelV')?.text).toBe(
        { DOCUMENT: 'Document', TASK: 'Task', AGENCY: 'Agency' }[n?.kind ?? 'TASK'],
      );
      // yEd draws the same label.
      expect(all(el, 'NodeLabel')[0]?.text).toBe(d.get('label')?.text);
    }
    const symbols = all(doc, 'node').map((el) => dataOf(el).get('label')?.text);
    expect(symbols).toContain('1693/KH-UBND');
    expect(symbols).toContain('III.6.h');
    all(doc, 'edge').forEach((el, i) => {
      const d = dataOf(el);
      expect(d.get('edgeLabel')?.text).toBe(graph.edges[i]?.type);
      expect(d.get('labelE')?.text).toBe(graph.edges[i]?.type);
    });
  });

  it('declares a typed key for each property and writes values of that type', () => {
    const byName = (f: string, name: string) =>
      [...keys.values()].find((k) => k.for === f && k.name === name)?.type;
    expect(byName('node', 'year')).toBe('int');
    expect(byName('node', 'dateValid')).toBe('boolean');
    expect(byName('node', 'deadlineValid')).toBe('boolean');
    expect(byName('node', 'dateValue')).toBe('string');
    expect(byName('edge', 'evidenceStart')).toBe('int');
    expect(byName('edge', 'confidence')).toBe('double');
    expect(byName('edge', 'method')).toBe('string');
    // A task's printed label does not take the name tools read as the label.
    expect([...keys.values()].filter((k) => k.for === 'node' && k.name === 'label')).toHaveLength(1);
    const valid: Record<string, RegExp> = {
      int: /^-?\d+$/,
      double: /^-?\d+(\.\d+)?$/,
      boolean: /^(true|false)$/,
    };
    for (const d of all(doc, 'data')) {
      const key = keys.get(d.attributes.key as string);
      expect(key, `key ${d.attributes.key} is declared`).toBeDefined();
      const pattern = valid[key?.type ?? ''];
      if (pattern) expect(d.text, `${key?.name}`).toMatch(pattern);
    }
    expect(new Set(all(doc, 'key').map((k) => k.attributes.id)).size).toBe(all(doc, 'key').length);
  });

  it('escapes what XML cannot hold as text (the parser would throw on a stray & or a control character)', () => {
    const node = graph.nodes.find((n) => n.kind === 'AGENCY');
    if (node?.kind !== 'AGENCY') throw new Error('no agency');
    const odd = { ...node, name: 'A & B <C> "D" \u0001 \uD800', jurisdiction: null };
    const parsed = parseXml(graphml({ nodes: [odd], edges: [] }));
    expect(all(parsed, 'data').find((d) => d.attributes.key === 'label')?.text).toBe(
      'A & B <C> "D" \uFFFD \uFFFD',
    );
    expect(() => parseXml('<a><b>x & y</b></a>')).toThrow();
  });
});

describe('Cypher script', () => {
  let script: string;
  let lines: string[];
  let schema: string[];

  beforeAll(async () => {
    schema = await cypherSchemaStatements();
    script = cypherScript(graph, schema, 50);
    lines = script.split('\n').filter((l) => l !== '');
  });

  it('starts with the constraints and indexes of cypher/schema.cypher', () => {
    const file = parseCypherFile(
      'schema',
      readFileSync(new URL('../../cypher/schema.cypher', import.meta.url), 'utf8'),
    );
    expect(schema).toEqual(file.statements);
    const statements = lines.filter((l) => !l.startsWith('//'));
    expect(statements.slice(0, schema.length)).toEqual(schema.map((s) => `${s};`));
    expect(statements[0]).toMatch(
      /^CREATE CONSTRAINT node_id IF NOT EXISTS FOR \(n:Node\) REQUIRE n\.id IS UNIQUE;$/,
    );
  });

  it('passes data only as parameters: each batch is a :param line, then a statement without literals', () => {
    const body = lines.filter((l) => !l.startsWith('//')).slice(schema.length);
    expect(body.length % 2).toBe(0);
    for (let i = 0; i < body.length; i += 2) {
      expect(body[i]).toMatch(/^:param rows => \[.*\];$/);
      const statement = body[i + 1] as string;
      expect(statement).toMatch(/^UNWIND \$rows AS row (MERGE|MATCH) /);
      // No string or number literal: every value comes from row.
      expect(statement).not.toMatch(/["'`]|\d/);
      expect((cypherParam(body[i] as string) as unknown[]).length).toBeLessThanOrEqual(50);
    }
  });

  it('matches edge ends by label and id (the constraint index), never by a bare property scan', () => {
    const matches = script.match(/MATCH \([a-z]+(:[A-Za-z]+)? \{id: row\.(fromId|toId)\}\)/g) ?? [];
    expect(matches.length).toBeGreaterThan(0);
    for (const m of matches) expect(m).toMatch(/^MATCH \([ab]:(Document|Task|Agency) /);
    expect(script).toContain(
      'UNWIND $rows AS row MATCH (a:Task {id: row.fromId}) MATCH (b:Agency {id: row.toId}) MERGE (a)-[r:ASSIGNS {id: row.id}]->(b) SET r += row.props;',
    );
    expect(script).toContain('UNWIND $rows AS row MERGE (n:Node:Document {id: row.id}) SET n += row.props;');
  });

  it('carries every node and edge, with the store records as properties (confidence always a float)', () => {
    const body = lines.filter((l) => l.startsWith(':param'));
    const rows = body.flatMap((l) => cypherParam(l) as Array<{ id: string; fromId?: string; props: object }>);
    const nodeRows = rows.filter((r) => r.fromId === undefined);
    const edgeRows = rows.filter((r) => r.fromId !== undefined);
    expect(nodeRows.map((r) => r.id).sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    expect(edgeRows.map((r) => r.id).sort()).toEqual(graph.edges.map((e) => e.id).sort());
    const edge = graph.edges.find((e) => e.type === 'ASSIGNS');
    if (!edge) throw new Error('no ASSIGNS edge');
    const { id, fromId, toId, ...props } = edgeToRecord(edge);
    expect(edgeRows.find((r) => r.id === id)).toEqual({ id, fromId, toId, props });
    expect(script).toMatch(/confidence: \d\.\d/);
    expect(script).not.toMatch(/confidence: \d[,}]/);
    const task = nodeRows.find((r) => r.id.endsWith('#III.6.h'));
    expect(task?.props).toMatchObject({ key: 'III.6.h', title: 'Lĩnh vực công nghệ sinh học' });
  });

  it("lints clean with Neo4j's linter (graph labels, ends and parameters), and the linter sees a broken batch", () => {
    const lintSchema = schemaFor(['rows'], { rows: [{ id: 'x', fromId: 'x', toId: 'x', props: {} }] }, [
      'props',
    ]);
    const { diagnostics } = lintCypherQuery(script, lintSchema);
    expect(diagnostics.map((d) => `${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
    const broken = script.replace(':param rows => [', ':param rows => [[').replace('$rows', '$rowz');
    expect(lintCypherQuery(broken, lintSchema).diagnostics.length).toBeGreaterThan(0);
  }, 120_000);

  it('is what `renderExport(..., "cypher")` gives (batches of 500)', () => {
    const text = renderExport(graph, 'cypher', { cypherSchema: schema });
    expect(text).toBe(cypherScript(graph, schema));
    expect(() => renderExport(graph, 'cypher')).toThrow(/schema/);
  });
});

describe('validity edges in the whole-graph exports', () => {
  // The exports are generic over edge types: AMENDS, REPLACES, REPEALS and GUIDES come out as they are stored.
  let validity: GraphExport;
  let disposeValidity: () => Promise<void>;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-validity-export-'));
    const store = new SqliteStore({ directory: join(dir, 'graph') });
    await store.init();
    for (const facts of validityFacts()) await store.applyDocument(facts);
    validity = await store.exportAll();
    disposeValidity = async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    };
  });
  afterAll(() => disposeValidity());

  it('GraphML labels each validity edge with its type, between the right documents', () => {
    const doc = parseXml(graphml(validity));
    const edges = all(doc, 'edge').map((e) => {
      const label = all(e, 'data').find((d) => d.attributes.key === 'edgeLabel');
      return `${e.attributes.source} ${label?.text ?? ''} ${e.attributes.target}`;
    });
    expect(edges).toContain(`${VID.nd123} AMENDS ${VID.nd15}`);
    expect(edges).toContain(`${VID.nd123} REPEALS ${VID.qd99}`);
    expect(edges).toContain(`${VID.tt05} GUIDES ${VID.nd15}`);
    expect(edges).toContain(`${VID.tt05} REPLACES ${VID.tt01}`);
  });

  it('the Cypher script merges each type between documents, and lints clean', async () => {
    const script = cypherScript(validity, await cypherSchemaStatements());
    for (const type of ['AMENDS', 'REPLACES', 'REPEALS', 'GUIDES'])
      expect(script).toContain(
        `MATCH (a:Document {id: row.fromId}) MATCH (b:Document {id: row.toId}) MERGE (a)-[r:${type} {id: row.id}]->(b)`,
      );
    const lintSchema = schemaFor(['rows'], { rows: [{ id: 'x', fromId: 'x', toId: 'x', props: {} }] }, [
      'props',
    ]);
    expect(lintCypherQuery(script, lintSchema).diagnostics.map((d) => d.message)).toEqual([]);
  }, 120_000);
});
