// Test support: a process that applies one document with a task text over 4 KB to the embedded store at argv[2], then dies without closing (SIGKILL).
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { LONG_TASK_TEXT, quangNgaiPlanWithLongTask } from './lineage-fixture.ts';

const directory = process.argv[2];
if (!directory) throw new Error('usage: crash-writer.ts <directory>');
const store = new SqliteStore({ directory });
await store.init();
await store.applyDocument(quangNgaiPlanWithLongTask());
process.stdout.write(`applied ${Buffer.byteLength(LONG_TASK_TEXT)} bytes\n`);
process.kill(process.pid, 'SIGKILL');
