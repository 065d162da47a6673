// The batch path (applyDocuments: several documents per transaction, new rows written together) must store
// exactly what one-by-one applies store, awkward values included, and a failure inside a batch keeps only
// the failing document out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../bench/national/plan.ts';
import { generateDocuments } from '../../bench/national/write.ts';
import type { DocumentFacts } from '../../src/model/graph.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { contentHash, toGraphFacts } from '../../src/pipeline/to-graph.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const root = mkdtempSync(join(tmpdir(), 'policy-graph-bulk-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;

async function open(memoryIndex = true): Promise<SqliteStore> {
  const store = new SqliteStore({ directory: join(root, `db-${++n}`), memoryIndex });
  await store.init();
  return store;
}

/** Facts of a small generated corpus, with one task's values made as awkward as text gets (quotes, JSON, line ends). */
function corpusFacts(): DocumentFacts[] {
  const facts = [...generateDocuments(buildPlan(11, 40))].map((d) =>
    toGraphFacts(extractDocument(d.text, { source: `bulk/${d.file}` }), contentHash(d.text)),
  );
  const first = facts[0] as DocumentFacts;
  const [task, ...rest] = first.tasks;
  if (!task) throw new Error('the first generated document has no task');
  const awkward = {
    ...task,
    title: '',
    text: 'Chủ trì, "phối hợp"\nvới các sở; [a], {b}, \\c\r\nd',
    groups: ['Nhóm 1, nhóm 2', "it's"],
  };
  return [{ ...first, tasks: [awkward, ...rest] }, ...facts.slice(1)];
}

describe('batch applies', () => {
  it('stores exactly what one-by-one applies store', async () => {
    const facts = corpusFacts();
    const single = await open(false);
    for (const f of facts) await single.applyDocument(f);
    const batched = await open(false);
    const outcomes = await batched.applyDocuments(facts);
    expect(outcomes.every((o) => o.error === null)).toBe(true);
    expect(await batched.databaseExport()).toEqual(await single.databaseExport());
    // The in-memory copy, replayed from the same work, agrees with the database read back.
    const withMemory = await open(true);
    await withMemory.applyDocuments(facts);
    expect(await withMemory.exportAll()).toEqual(await withMemory.databaseExport());
    expect(withMemory.memoryState().reloads).toBe(0);
    for (const s of [single, batched, withMemory]) await s.close();
  });

  it('a failure late in a batch rolls the whole batch back, then the documents land one by one', async () => {
    const facts = corpusFacts();
    const victim = facts[5]?.document.id;
    const store = new SqliteStore({
      directory: join(root, `db-${++n}`),
      hooks: {
        afterStep: (step, id) => {
          if (step === 'CREATE_EDGES' && id === victim) throw new Error('injected');
        },
      },
    });
    await store.init();
    const outcomes = await store.applyDocuments(facts);
    expect(outcomes.filter((o) => o.error !== null).map((o) => o.documentId)).toEqual([victim]);
    const reference = await open(false);
    for (const f of facts) if (f.document.id !== victim) await reference.applyDocument(f);
    expect(await store.databaseExport()).toEqual(await reference.databaseExport());
    await store.close();
    await reference.close();
  });
});
