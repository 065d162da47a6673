#!/usr/bin/env node
import { resolve } from 'node:path';
// Runs a TypeScript entry file (bench/, scripts) through tsx: `node bin/run-ts.js file.ts args...`.
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [file, ...rest] = process.argv.slice(2);
if (!file) {
  process.stderr.write('usage: run-ts.js <file.ts> [args...]\n');
  process.exit(2);
}
process.argv = [process.argv[0], file, ...rest];
await import(pathToFileURL(resolve(file)).href);
