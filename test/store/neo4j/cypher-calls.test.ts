// The Neo4j adapter's primitives (CypherOps) call each query file with exactly the parameters the file
// declares. Without a Neo4j server here nothing else runs them, so each primitive is called against a
// runner that checks every call against the files (checkParams) and answers with no rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { AgencyNode, DocumentNode, EdgeType, TaskNode } from '../../../src/model/graph.ts';
import { CYPHER_DIR, checkParams, loadCypherFiles } from '../../../src/store/neo4j/cypher-files.ts';
import { CypherOps } from '../../../src/store/neo4j/cypher-ops.ts';
import { QUERY_NAMES, type QueryName } from '../../../src/store/neo4j/query-catalog.ts';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { applyAll } from '../../support/store-assertions.ts';
import { validityFacts } from '../../support/validity-fixture.ts';

const root = mkdtempSync(join(tmpdir(), 'policy-graph-cypher-calls-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Real nodes and edges to write: the lineage fixture and the validity hints (AMENDS, REPLACES, REPEALS, GUIDES,
 * each with its own query file), as the embedded store holds them. */
async function fixtureGraph(directory: string) {
  const store = new SqliteStore({ directory: join(root, directory) });
  await store.init();
  await applyAll(store);
  await applyAll(store, validityFacts());
  const graph = await store.exportAll();
  await store.close();
  return graph;
}

describe('CypherOps against the query files', () => {
  it('calls every query but the schema, each with exactly its declared parameters', async () => {
    const queries = await loadCypherFiles(CYPHER_DIR, QUERY_NAMES);
    const called = new Set<QueryName>();
    const ops = new CypherOps(
      async (name, params) => {
        checkParams(queries[name], params);
        called.add(name);
        return [];
      },
      { inRow: (n) => n, integer: (n) => n },
    );
    const graph = await fixtureGraph('graph');
    const docs = graph.nodes.filter((n): n is DocumentNode => n.kind === 'DOCUMENT');
    const tasks = graph.nodes.filter((n): n is TaskNode => n.kind === 'TASK');
    const agencies = graph.nodes.filter((n): n is AgencyNode => n.kind === 'AGENCY');
    const rows = docs.map((node) => ({ node, assertedFrom: [node.id] }));
    const ids = graph.nodes.map((n) => n.id);
    const criteria = { symbolKey: '36-nq/tw', year: 2018, type: 'NGHI_QUYET', status: 'FULL_TEXT' } as const;

    await ops.nodesById(ids);
    await ops.edgesFrom(ids, ['IMPLEMENTS', 'HAS_TASK']);
    await ops.edgesTo(ids, ['CITES']);
    await ops.findDocuments(criteria);
    await ops.documentsByMergedPrefix('doc:');
    await ops.implementsTargets(ids);
    await ops.documentsBySubject('khoa hoc');
    await ops.searchDocuments([' nghi'], 10);
    await ops.searchAgencies([' so'], 10);
    await ops.listDocuments(criteria, null, 10);
    await ops.countDocuments({});
    await ops.exportNodes();
    await ops.exportEdges();
    await ops.countAll();
    await ops.taskIdsOf(ids[0] as string);
    await ops.deleteAssertedEdges(ids[0] as string, ids);
    await ops.deleteTasks(tasks.map((t) => t.id));
    await ops.deleteDocument(ids[0] as string);
    await ops.upsertDocuments(rows);
    await ops.upsertAgencies(agencies);
    await ops.upsertTasks(tasks);
    await ops.createTasks(tasks);
    await ops.createAgencies(agencies);
    await ops.updateAgencies(agencies);
    await ops.createDocuments(rows);
    await ops.updateDocuments(rows);
    const types = new Set<EdgeType>(graph.edges.map((e) => e.type));
    for (const type of types)
      await ops.createEdges(
        type,
        graph.edges.filter((e) => e.type === type),
      );
    await ops.deleteOrphans(ids);
    await ops.schemaVersion();
    await ops.setSchemaVersion('1');

    expect(types.size).toBe(10);
    expect([...called].sort()).toEqual(QUERY_NAMES.filter((n) => n !== 'schema').sort());
  });

  it('round-trips term, signer title and deadline details through the rows it writes and the properties it reads', async () => {
    const queries = await loadCypherFiles(CYPHER_DIR, QUERY_NAMES);
    // A runner that keeps each written row as the node's properties (what SET d.x = r.x stores) and answers
    // nodes-by-id with them, as Neo4j would (a null property is absent).
    const stored = new Map<string, { label: string; n: Record<string, unknown> }>();
    const labelOf: Partial<Record<QueryName, string>> = {
      'create-documents': 'Document',
      'upsert-documents': 'Document',
      'create-tasks': 'Task',
      'upsert-tasks': 'Task',
    };
    const ops = new CypherOps(
      async (name, params) => {
        checkParams(queries[name], params);
        const label = labelOf[name];
        if (label !== undefined) {
          for (const row of params.rows as Array<Record<string, unknown>>) {
            const n = Object.fromEntries(Object.entries(row).filter(([, v]) => v !== null));
            stored.set(String(row.id), { label, n });
          }
          return [];
        }
        if (name === 'nodes-by-id')
          return (params.ids as string[]).flatMap((id) => {
            const s = stored.get(id);
            return s ? [s] : [];
          });
        return [];
      },
      { inRow: (n) => n, integer: (n) => n },
    );
    const graph = await fixtureGraph('records');
    const docs = graph.nodes.filter((n): n is DocumentNode => n.kind === 'DOCUMENT');
    const tasks = graph.nodes.filter((n): n is TaskNode => n.kind === 'TASK');
    const ct42 = docs.find((d) => d.symbol === '42-CT/TW') as DocumentNode;
    const plan = docs.find((d) => d.signerTitle !== null) as DocumentNode;
    const dated = tasks.find((t) => t.deadlineCondition !== null) as TaskNode;
    const recurring: TaskNode = {
      ...(tasks[0] as TaskNode),
      deadlineKind: 'RECURRING',
      deadlineDates: [{ text: '05/12', value: '--12-05', valid: true }],
      deadlineRecurrence: 'YEARLY',
    };
    await ops.createDocuments([{ node: ct42, assertedFrom: [] }]);
    await ops.upsertDocuments([{ node: plan, assertedFrom: [plan.id] }]);
    await ops.createTasks([dated]);
    await ops.upsertTasks([recurring]);
    // Neo4j holds no maps in properties: the dates travel as one JSON string.
    expect(typeof stored.get(dated.id)?.n.deadlineDates).toBe('string');

    const back = await ops.nodesById([ct42.id, plan.id, dated.id, recurring.id]);
    const node = (id: string) => {
      const s = back.find((b) => (b.kind === 'DOCUMENT' ? b.stored.node.id : b.node.id) === id);
      return s?.kind === 'DOCUMENT' ? s.stored.node : s?.node;
    };
    expect(node(ct42.id)).toEqual(ct42);
    expect(ct42.term).toBe('X');
    expect(node(plan.id)).toEqual(plan);
    expect(plan.signerTitle).toBe('TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH');
    expect(node(dated.id)).toEqual(dated);
    expect(dated.deadlineDates).toHaveLength(1);
    expect(node(recurring.id)).toEqual(recurring);

    // Nodes written by schema 1 have none of these properties: they read as unknown.
    const { signerTitle: _s, term: _t, ...oldDoc } = stored.get(plan.id)?.n ?? {};
    const {
      deadlineDates: _d,
      deadlineCondition: _c,
      deadlineRecurrence: _r,
      ...oldTask
    } = stored.get(dated.id)?.n ?? {};
    stored.set(plan.id, { label: 'Document', n: oldDoc });
    stored.set(dated.id, { label: 'Task', n: oldTask });
    const old = await ops.nodesById([plan.id, dated.id]);
    expect(old.map((s) => (s.kind === 'DOCUMENT' ? s.stored.node : s.node))).toMatchObject([
      { id: plan.id, signerTitle: null, term: null },
      { id: dated.id, deadlineDates: [], deadlineCondition: null, deadlineRecurrence: null },
    ]);
  });

  it('a call with a parameter the file does not declare is refused', async () => {
    const queries = await loadCypherFiles(CYPHER_DIR, QUERY_NAMES);
    expect(() => checkParams(queries['meta-get'], { id: 'x', extra: 1 })).toThrow(/declares/);
  });
});
