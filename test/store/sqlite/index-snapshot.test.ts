// The index snapshot (index-snapshot.ts): saved when a store closes, read at the next open only when it holds the
// database's revision. Loaded from it, the store answers exactly as when built from rows; a stale, damaged or
// truncated snapshot is rebuilt from the database, never served.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../bench/national/plan.ts';
import { generateDocuments } from '../../../bench/national/write.ts';
import { ingestDocuments } from '../../../src/ingest/ingest.ts';
import { extractDocument } from '../../../src/pipeline/extract-document.ts';
import { GraphIndex } from '../../../src/store/index/graph-index.ts';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';

const work = mkdtempSync(join(tmpdir(), 'pg-snapshot-'));
const original = join(work, 'original');
afterAll(() => rmSync(work, { recursive: true, force: true }));

const inputs = [...generateDocuments(buildPlan(5, 60))].map((d) => ({
  source: d.file,
  text: d.text,
  document: extractDocument(d.text, { source: d.file }),
}));
// The last document is held back, to be written by another process's store later.
const first = inputs.slice(0, -1);
const later = inputs.slice(-1);

let copies = 0;
function copy(): string {
  const dir = join(work, `copy-${copies++}`);
  cpSync(original, dir, { recursive: true });
  return dir;
}

async function opened(directory: string, memoryIndex = true): Promise<SqliteStore> {
  const store = new SqliteStore({ directory, memoryIndex });
  await store.init();
  return store;
}

/** What a reader sees: the whole export, and lineage down and chains up from a spread of nodes. */
async function answers(store: SqliteStore) {
  const graph = await store.exportAll();
  const documents = graph.nodes.filter((n) => n.kind === 'DOCUMENT').map((n) => n.id);
  const tasks = graph.nodes.filter((n) => n.kind === 'TASK').map((n) => n.id);
  const lineages = [];
  for (const id of documents.filter((_, i) => i % 5 === 0)) lineages.push(await store.lineageDown(id, 10));
  const chains = [];
  for (const id of tasks.filter((_, i) => i % 40 === 0)) chains.push(await store.chainUp(id));
  return { graph, lineages, chains };
}

let truth: Awaited<ReturnType<typeof answers>>;

beforeAll(async () => {
  const store = await opened(original);
  await ingestDocuments(store, first);
  await store.close();
  // The truth: the same database read with no snapshot at all.
  const dir = copy();
  rmSync(join(dir, 'graph.index'));
  const fresh = await opened(dir);
  expect(fresh.memoryState().loadedFrom).toBe('database');
  truth = await answers(fresh);
  await fresh.close();
}, 120_000);

describe('index snapshot', () => {
  it('is written at close and read at the next open, with the same answers as a build from rows', async () => {
    expect(statSync(join(original, 'graph.index')).size).toBeGreaterThan(1000);
    const store = await opened(copy());
    expect(store.memoryState().loadedFrom).toBe('snapshot');
    expect(truth.graph.nodes.length).toBeGreaterThan(300);
    expect(truth.lineages.some((l) => l.nodes.length > 20)).toBe(true);
    expect(await answers(store)).toEqual(truth);
    await store.close();
  });

  it('takes writes after loading, and the next snapshot holds them', async () => {
    const dir = copy();
    const store = await opened(dir);
    expect(store.memoryState().loadedFrom).toBe('snapshot');
    await ingestDocuments(store, later);
    const after = await answers(store);
    expect(after.graph.nodes.length).toBeGreaterThan(truth.graph.nodes.length);
    await store.close();
    const again = await opened(dir);
    expect(again.memoryState().loadedFrom).toBe('snapshot');
    expect(await answers(again)).toEqual(after);
    await again.close();
    // and equal to a build from the rows of the same database
    rmSync(join(dir, 'graph.index'));
    const rebuilt = await opened(dir);
    expect(rebuilt.memoryState().loadedFrom).toBe('database');
    expect(await answers(rebuilt)).toEqual(after);
    await rebuilt.close();
  });

  it('is not read once another store wrote without saving one (a revision it does not hold)', async () => {
    const dir = copy();
    const snapshotBefore = readFileSync(join(dir, 'graph.index'));
    const other = await opened(dir, false); // no index in memory: it saves no snapshot
    await ingestDocuments(other, later);
    await other.close();
    expect(readFileSync(join(dir, 'graph.index')).equals(snapshotBefore)).toBe(true);
    const store = await opened(dir);
    expect(store.memoryState().loadedFrom).toBe('database');
    const seen = await answers(store);
    expect(seen.graph.nodes.length).toBeGreaterThan(truth.graph.nodes.length);
    const latest = later[0]?.source as string;
    expect(seen.graph.nodes.some((n) => n.kind === 'DOCUMENT' && n.sources.includes(latest))).toBe(true);
    await store.close();
  });

  it('removes at open the temporary file a writer killed mid-snapshot left, not one a live process writes', async () => {
    const dir = copy();
    // A pid no process holds (above the kernel's pid_max), and this test's parent: alive.
    const dead = join(dir, 'graph.index.4194999.tmp');
    const live = join(dir, `graph.index.${process.ppid}.tmp`);
    const other = join(dir, 'notes.4194999.tmp');
    for (const f of [dead, live, other]) writeFileSync(f, 'partial');
    const store = await opened(dir);
    await store.close();
    expect([existsSync(dead), existsSync(live), existsSync(other)]).toEqual([false, true, true]);
  });

  it('is rebuilt from the database when damaged or cut short', async () => {
    for (const damage of ['flip', 'truncate', 'garbage'] as const) {
      const dir = copy();
      const file = join(dir, 'graph.index');
      const bytes = readFileSync(file);
      if (damage === 'flip') bytes[bytes.length - 100] = (bytes[bytes.length - 100] ?? 0) ^ 0x40;
      writeFileSync(
        file,
        damage === 'truncate'
          ? bytes.subarray(0, bytes.length >> 1)
          : damage === 'garbage'
            ? 'PGIX1\n'
            : bytes,
      );
      const store = await opened(dir);
      expect(store.memoryState().loadedFrom, damage).toBe('database');
      expect(await answers(store)).toEqual(truth);
      await store.close();
    }
  });

  it('is not written when the store keeps no index in memory, nor when nothing changed since it was read', async () => {
    const dir = copy();
    rmSync(join(dir, 'graph.index'));
    const plain = await opened(dir, false);
    await plain.close();
    expect(existsSync(join(dir, 'graph.index'))).toBe(false);
    const store = await opened(dir);
    await store.close();
    const written = statSync(join(dir, 'graph.index')).mtimeMs;
    const reader = await opened(dir);
    expect(reader.memoryState().loadedFrom).toBe('snapshot');
    await reader.close();
    expect(statSync(join(dir, 'graph.index')).mtimeMs).toBe(written);
  });

  it('refuses parts made under other codes (a snapshot from a version with other edge types)', () => {
    const parts = new GraphIndex().parts();
    expect(GraphIndex.fromParts(parts)).not.toBeNull();
    expect(
      GraphIndex.fromParts({ ...parts, codes: [...parts.codes.slice(0, 1), ['IMPLEMENTS']] }),
    ).toBeNull();
    const { confidence: _c, ...withoutOne } = parts.edgeArrays;
    expect(GraphIndex.fromParts({ ...parts, edgeArrays: withoutOne as typeof parts.edgeArrays })).toBeNull();
  });
});
