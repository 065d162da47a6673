#!/usr/bin/env node
// Build script: adds lockfile entries for platform-specific optional packages that this machine's
// registry mirror does not serve (it carries only linux-x64 builds). `npm install` leaves them out of
// package-lock.json, and `npm ci` then refuses the lockfile as out of sync. An entry with the package's
// os/cpu/libc is what a machine with the full registry would write; npm skips it on other platforms,
// so nothing is ever downloaded for it. Run after `npm install` changes the lockfile.
import { readFileSync, writeFileSync } from 'node:fs';

const LOCK = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(LOCK, 'utf8'));
const packages = lock.packages;

/** os/cpu/libc from the platform suffix npm packages use ("cli-linux-arm64-musl", "core-win32-x64"). */
function platformOf(name) {
  const m = /-(darwin|linux|win32|android|freebsd)-(x64|arm64|ia32|arm)(?:-(musl|gnu))?$/.exec(name);
  if (!m) return null;
  const entry = { os: [m[1]], cpu: [m[2]] };
  if (m[1] === 'linux') entry.libc = [m[3] === 'musl' ? 'musl' : 'glibc'];
  return entry;
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const depPath = `node_modules/${dep}`;
    if (packages[depPath] || packages[`${path}/${depPath}`]) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[depPath] = {
      version,
      ...(meta.dev ? { dev: true } : {}),
      optional: true,
      ...platform,
    };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))),
);
lock.packages = sorted;
writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`complete-lockfile: ${added} platform entries added\n`);
