// kill -9 at random points of a run of batch writes: the store opens, holds exactly the batches committed
// before the kill (all of one batch or none of it), and writing everything again gives the clean store.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { GraphExport } from '../../../src/model/graph.ts';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { crashCorpusBatches } from '../../support/crash-corpus.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const root = mkdtempSync(join(tmpdir(), 'policy-graph-crash-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const SEED = 5;
const BATCH = 10;
const batches = crashCorpusBatches(SEED, BATCH);
let n = 0;

/** Runs the writer and kills it `delayMs` after it acknowledged batch `afterBatch` (0: after start-up). */
function runAndKill(directory: string, afterBatch: number, delayMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/run-ts.js', 'test/support/crash-batches.ts', directory, String(SEED), String(BATCH)],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    let armed = false;
    const arm = () => {
      if (armed) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), delayMs);
    };
    if (afterBatch === 0) setTimeout(arm, 400);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes(`committed ${afterBatch}\n`)) arm();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      err += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      if (signal !== 'SIGKILL' && !out.includes('done'))
        reject(new Error(`writer ended without a kill: ${err}`));
      const acknowledged = [...out.matchAll(/committed (\d+)/g)].map((m) => Number(m[1]));
      resolve(acknowledged.length === 0 ? 0 : Math.max(...acknowledged));
    });
  });
}

async function exportOf(directory: string, write?: (s: SqliteStore) => Promise<void>): Promise<GraphExport> {
  const store = new SqliteStore({ directory });
  await store.init();
  if (write) await write(store);
  const graph = await store.exportAll();
  expect(graph).toEqual(await store.databaseExport());
  await store.close();
  return graph;
}

const prefixes = new Map<number, GraphExport>();
/** The graph a clean store holds after the first `k` batches. */
async function prefix(k: number): Promise<GraphExport> {
  const known = prefixes.get(k);
  if (known) return known;
  const graph = await exportOf(join(root, `prefix-${k}`), async (s) => {
    for (const b of batches.slice(0, k)) await s.applyDocuments(b);
  });
  prefixes.set(k, graph);
  return graph;
}

describe('kill -9 during batch writes', () => {
  it('leaves exactly a prefix of the committed batches, and a rewrite equals a clean store', async () => {
    expect(batches.length).toBeGreaterThanOrEqual(8);
    let killedMidway = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: batches.length - 2 }),
        fc.integer({ min: 0, max: 40 }),
        async (afterBatch, delayMs) => {
          const directory = join(root, `killed-${++n}`);
          const acknowledged = await runAndKill(directory, afterBatch, delayMs);
          if (acknowledged < batches.length) killedMidway++;
          const held = await exportOf(directory);
          // Every acknowledged batch is there; the one in flight is there whole or not at all.
          const candidates = [acknowledged, acknowledged + 1].filter((k) => k <= batches.length);
          const matches: number[] = [];
          for (const k of candidates)
            if (JSON.stringify(held) === JSON.stringify(await prefix(k))) matches.push(k);
          expect(matches, `acknowledged ${acknowledged}, holds ${held.nodes.length} nodes`).not.toEqual([]);
          const again = await exportOf(directory, async (s) => {
            for (const b of batches) await s.applyDocuments(b);
          });
          expect(again).toEqual(await prefix(batches.length));
        },
      ),
      { numRuns: 5, seed: 20261202 },
    );
    // The kills landed before the writer finished (else the test checked only clean runs).
    expect(killedMidway).toBeGreaterThanOrEqual(3);
  }, 180_000);
});
