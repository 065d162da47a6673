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
process.exitCode = await runCli(process.argv.slice(2));
