// Test support: a process that applies one document with a task text over 4 KB to the embedded store at argv[2], then dies without closing (SIGKILL).
import { EmbeddedStore } from '../../src/store/embedded-store.ts';
import { LONG_TASK_TEXT, quangNgaiPlanWithLongTask } from './lineage-fixture.ts';

const directory = process.argv[2];
if (!directory) throw new Error('usage: crash-writer.ts <directory>');
const store = new EmbeddedStore({ directory });
await store.init();
await store.applyDocument(quangNgaiPlanWithLongTask());
process.stdout.write(`applied ${Buffer.byteLength(LONG_TASK_TEXT)} bytes\n`);
process.kill(process.pid, 'SIGKILL');
