#!/usr/bin/env node
// Entry point of the `policy-graph` command: runs the TypeScript CLI through tsx,
// so the command never runs stale compiled output.
import { setFlagsFromString } from 'node:v8';
import { register } from 'tsx/esm/api';

// The heap grows by 20 % past what survived a full collection, not V8's default of up to 4×: an ingest promotes
// each batch's texts and extractions, which are garbage a batch later, and with the default a 5,000-document
// ingest peaked at 873 MB of RSS against 505 MB with this (measured; about 15 % more time in GC). Set before any
// work, it governs every later decision to grow. The scale bench sets the same (bench/scale/run-size.ts).
setFlagsFromString('--heap-growing-percent=20');

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
