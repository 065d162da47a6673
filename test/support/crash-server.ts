// Test support: serves the embedded store at argv[2] with mutations on (token argv[3]) on a free port and
// prints its URL; the test sends writes and kills it with SIGKILL.
import { writeSync } from 'node:fs';
import { startServer } from '../../src/api/server.ts';

const [directory, token] = process.argv.slice(2);
if (!directory || !token) throw new Error('usage: crash-server.ts <directory> <token>');
const running = await startServer({
  port: 0,
  env: { POLICY_GRAPH_STORE: directory, POLICY_GRAPH_TOKEN: token },
});
writeSync(1, `listening ${running.url}\n`);
