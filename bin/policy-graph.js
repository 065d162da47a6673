#!/usr/bin/env node
// Entry point of the `policy-graph` command: runs the TypeScript CLI through tsx,
// so the command never runs stale compiled output.
import { register } from 'tsx/esm/api';

// A closed pipe (`policy-graph extract ... | head`) is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

register();
const { runCli } = await import('../src/cli/main.ts');
const code = await runCli(process.argv.slice(2));
process.exitCode = code;
// The command is done and its store closed; a handle left open (a worker winding down, a keep-alive socket) must
// not hold the process. Unreferenced, the timer fires only if something else still keeps the process alive.
setTimeout(() => process.exit(code), 1_000).unref();
