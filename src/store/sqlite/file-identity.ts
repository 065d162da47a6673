// SQLite adapter: what tells the store's file from another at the same path, and how much room its disk has left.
// A store directory removed (or a file swapped in) under a running process leaves SQLite writing to the old,
// unlinked file; every commit then "succeeds" and is lost at restart. The adapter compares before and after writes.
import { statSync } from 'node:fs';
import { statfs } from 'node:fs/promises';

export interface FileIdentity {
  dev: number;
  ino: number;
}

export function fileIdentity(file: string): FileIdentity {
  const s = statSync(file);
  return { dev: s.dev, ino: s.ino };
}

/** Why `file` is no longer the file opened as `opened`, or null when it still is. */
export function fileMoved(file: string, opened: FileIdentity): string | null {
  try {
    const now = statSync(file);
    return now.dev === opened.dev && now.ino === opened.ino
      ? null
      : `the store file ${file} was replaced after it was opened`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' || code === 'ENOTDIR'
      ? `the store file ${file} was removed after it was opened (its directory deleted?)`
      : `the store file ${file} cannot be checked: ${String(error)}`;
  }
}

/** Below this much free space, health reports the store degraded: a write transaction could fail half-way. */
export const MIN_FREE_BYTES = 64 * 1024 * 1024;

/** "disk nearly full" with the figure, or null (also when the file system cannot tell). */
export async function lowDiskSpace(directory: string, minimum = MIN_FREE_BYTES): Promise<string | null> {
  try {
    const s = await statfs(directory);
    const free = s.bavail * s.bsize;
    return free < minimum
      ? `the disk is nearly full: ${(free / 1024 / 1024).toFixed(1)} MB free under ${directory}`
      : null;
  } catch {
    return null;
  }
}
