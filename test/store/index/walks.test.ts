// The index's native walks (index-walks.ts) against traversal.ts composed from database queries: on a generated
// national corpus (several levels, tasks implementing tasks, agencies assigned from several depths), lineage
// down from every document and from a spread of tasks, chains up, and the implementers of every document, are equal.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../bench/national/plan.ts';
import { generateDocuments } from '../../../bench/national/write.ts';
import { ingestDocuments } from '../../../src/ingest/ingest.ts';
import { extractDocument } from '../../../src/pipeline/extract-document.ts';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';

const root = mkdtempSync(join(tmpdir(), 'pg-walks-'));
let indexed: SqliteStore;
let database: SqliteStore;
let documents: string[] = [];
let tasks: string[] = [];

beforeAll(async () => {
  const writer = new SqliteStore({ directory: root });
  await writer.init();
  const inputs = [...generateDocuments(buildPlan(11, 160))].map((d) => ({
    source: d.file,
    text: d.text,
    document: extractDocument(d.text, { source: d.file }),
  }));
  await ingestDocuments(writer, inputs);
  await writer.close();
  indexed = new SqliteStore({ directory: root });
  database = new SqliteStore({ directory: root, memoryIndex: false });
  await indexed.init();
  await database.init();
  const all = (await database.exportAll()).nodes;
  documents = all.filter((n) => n.kind === 'DOCUMENT').map((n) => n.id);
  tasks = all.filter((n) => n.kind === 'TASK').map((n) => n.id);
}, 120_000);

afterAll(async () => {
  await indexed?.close();
  await database?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('walks over the index equal walks over the database', () => {
  it('holds a corpus worth comparing', () => {
    expect(documents.length).toBeGreaterThan(150);
    expect(tasks.length).toBeGreaterThan(500);
  });

  it('lineage down, from every document at two depths', async () => {
    let nonTrivial = 0;
    for (const id of documents) {
      for (const depth of [1, 10]) {
        const want = await database.lineageDown(id, depth);
        expect(await indexed.lineageDown(id, depth), `${id} depth ${depth}`).toEqual(want);
        if (want.nodes.some((n) => n.kind === 'AGENCY' && n.depth > 0)) nonTrivial++;
      }
    }
    expect(nonTrivial).toBeGreaterThan(20);
  });

  it('lineage down, from tasks', async () => {
    for (const id of tasks.filter((_, i) => i % 7 === 0))
      expect(await indexed.lineageDown(id, 10), id).toEqual(await database.lineageDown(id, 10));
  });

  it('chains up, from every document and from a spread of tasks', async () => {
    let long = 0;
    for (const id of [...documents, ...tasks.filter((_, i) => i % 5 === 0)]) {
      const want = await database.chainUp(id);
      expect(await indexed.chainUp(id), id).toEqual(want);
      if (want.paths.some((p) => p.nodes.length >= 4)) long++;
    }
    expect(long).toBeGreaterThan(20);
  });

  it('the implementers of every document', async () => {
    let some = 0;
    for (const id of documents) {
      const want = await database.descendants(id);
      expect(await indexed.descendants(id), id).toEqual(want);
      if (want.length > 2) some++;
    }
    expect(some).toBeGreaterThan(5);
  });
});
