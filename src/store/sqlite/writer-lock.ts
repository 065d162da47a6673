// SQLite adapter: one writing process per store. SQLite serialises transactions, but a server holding the graph
// in memory and a CLI ingest writing under it would make the server rebuild its index on every batch and serve
// a graph that moves under its readers; so the second writer is refused, naming the first. The lock is a file
// holding the owner's pid: a process killed with -9 leaves it behind, and a later writer takes it over when no
// process of that pid is alive. Several stores of one process share it (tests, a CLI command opening twice).
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { StoreError } from '../graph-store.ts';

export const LOCK_FILE = 'writer.lock';

interface Owner {
  pid: number;
  host: string;
  role: string;
  since: string;
}

/** Holders in this process, by lock path: the file goes when the last one releases it. */
const held = new Map<string, number>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user has that pid; it is alive.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readOwner(path: string): Owner | null {
  try {
    const o = JSON.parse(readFileSync(path, 'utf8')) as Partial<Owner>;
    return typeof o.pid === 'number'
      ? { pid: o.pid, host: String(o.host ?? ''), role: String(o.role ?? '?'), since: String(o.since ?? '?') }
      : null;
  } catch {
    return null; // half-written by a writer killed while taking it: stale
  }
}

function tryCreate(path: string, owner: Owner): boolean {
  let fd: number;
  try {
    fd = openSync(path, 'wx');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    writeSync(fd, `${JSON.stringify(owner)}\n`);
  } finally {
    closeSync(fd);
  }
  return true;
}

export interface WriterLock {
  release(): void;
}

/** Takes the store's writer lock for this process, or throws UNAVAILABLE (`problem: 'LOCKED'`) naming its owner. */
export function acquireWriterLock(directory: string, role: string): WriterLock {
  const path = join(directory, LOCK_FILE);
  const mine = held.get(path);
  if (mine === undefined) {
    const owner: Owner = { pid: process.pid, host: hostname(), role, since: new Date().toISOString() };
    for (let attempt = 0; ; attempt++) {
      if (tryCreate(path, owner)) break;
      const other = readOwner(path);
      const otherAlive = other !== null && (other.host !== owner.host || alive(other.pid));
      if (other !== null && other.pid === process.pid && other.host === owner.host) break; // ours, from before
      if (otherAlive || attempt > 0) {
        throw new StoreError(
          'UNAVAILABLE',
          other === null
            ? `the store at ${directory} is being locked by another process; try again`
            : `the store at ${directory} is being written by process ${other.pid} (${other.role}, since ${other.since}` +
                `${other.host === owner.host ? '' : ` on ${other.host}`}): stop it first, or send documents to the ` +
                `running server (mutation ingestDocument). If no such process runs, remove ${path}`,
          { details: { problem: 'LOCKED', file: path, owner: other } },
        );
      }
      // Its owner is gone (killed): take the lock over.
      try {
        unlinkSync(path);
      } catch {
        // another process took it over first; the next attempt sees the new owner
      }
    }
  }
  held.set(path, (mine ?? 0) + 1);
  let released = false;
  return {
    release: () => {
      if (released) return;
      released = true;
      const left = (held.get(path) ?? 1) - 1;
      if (left > 0) {
        held.set(path, left);
        return;
      }
      held.delete(path);
      try {
        unlinkSync(path);
      } catch {
        // the directory was removed under us; nothing to release
      }
    },
  };
}
