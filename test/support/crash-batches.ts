// Test support: applies a generated corpus to the embedded store at argv[2] in batches of argv[4] documents
// (seed argv[3]), printing "committed <k>" after the k-th batch is acknowledged; the test kills it with SIGKILL.
import { writeSync } from 'node:fs';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { crashCorpusBatches } from './crash-corpus.ts';

const [directory, seed, size] = process.argv.slice(2);
if (!directory || !seed || !size) throw new Error('usage: crash-batches.ts <directory> <seed> <batch size>');
const store = new SqliteStore({ directory });
await store.init();
let k = 0;
for (const batch of crashCorpusBatches(Number(seed), Number(size))) {
  const outcomes = await store.applyDocuments(batch);
  if (outcomes.some((o) => o.error !== null)) throw new Error('a document failed');
  // Synchronous, so the line is out before the next batch starts.
  writeSync(1, `committed ${++k}\n`);
}
writeSync(1, 'done\n');
await store.close();
