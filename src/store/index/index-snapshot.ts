// Index: the in-memory index saved beside the database when a store closes, so the next open loads its arrays
// instead of rebuilding them from millions of rows (43 s at 100,000 documents). The database stays the truth:
// a snapshot is read only when it was taken at the database's current revision (a token every write
// transaction replaces, kept in the database itself) and its checksum holds; anything else is rebuilt from rows.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { IndexParts } from './graph-index.ts';

const MAGIC = 'PGIX1\n';

/** Which database state a snapshot holds: its revision and its schema (PRAGMA user_version). */
export interface SnapshotStamp {
  revision: string;
  schemaVersion: number;
}

type ArrayName = keyof IndexParts['nodeArrays'] | keyof IndexParts['edgeArrays'];
type Typed = Uint8Array | Int32Array | Float64Array;

interface Header extends SnapshotStamp {
  codes: string[][];
  nodeCounts: number[];
  edgeCounts: number[];
  idsBytes: number;
  free: number;
  arrays: Array<{ name: ArrayName; kind: 'u8' | 'i32' | 'f64'; length: number }>;
  /** sha256 of everything after the header. */
  checksum: string;
}

const CTOR = { u8: Uint8Array, i32: Int32Array, f64: Float64Array } as const;
const kindOf = (a: Typed): 'u8' | 'i32' | 'f64' =>
  a instanceof Uint8Array ? 'u8' : a instanceof Int32Array ? 'i32' : 'f64';

function bytesOf(a: Typed): Buffer {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

/** Writes the snapshot to a temporary file and renames it over `file` (a reader sees the old one or the new one). */
export function writeSnapshot(file: string, parts: IndexParts, stamp: SnapshotStamp): void {
  const arrays = { ...parts.nodeArrays, ...parts.edgeArrays } as Record<ArrayName, Typed>;
  const ids = Buffer.from(JSON.stringify(parts.ids.map((id) => id ?? null)), 'utf8');
  const chunks: Buffer[] = [ids, bytesOf(parts.free), ...Object.values(arrays).map(bytesOf)];
  const hash = createHash('sha256');
  for (const c of chunks) hash.update(c);
  const header: Header = {
    ...stamp,
    codes: parts.codes,
    nodeCounts: parts.nodeCounts,
    edgeCounts: parts.edgeCounts,
    idsBytes: ids.length,
    free: parts.free.length,
    arrays: (Object.entries(arrays) as Array<[ArrayName, Typed]>).map(([name, a]) => ({
      name,
      kind: kindOf(a),
      length: a.length,
    })),
    checksum: hash.digest('hex'),
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w');
  try {
    for (const c of [Buffer.from(MAGIC), size, head, ...chunks]) writeSync(fd, c);
  } catch (error) {
    closeSync(fd);
    rmSync(temporary, { force: true });
    throw error;
  }
  closeSync(fd);
  renameSync(temporary, file);
}

/**
 * Removes the temporary files of snapshots whose writer is gone (killed while writing one): each is as large as
 * the index (270 MB at 100,000 documents) and would otherwise stay beside the store for good.
 */
export function removeStaleTemporaries(file: string): void {
  const prefix = `${basename(file)}.`;
  let names: string[];
  try {
    names = readdirSync(dirname(file));
  } catch {
    return;
  }
  for (const name of names) {
    const pid =
      name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length, -4)) : Number.NaN;
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && !alive(pid))
      rmSync(join(dirname(file), name), { force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: a process of another user holds that pid; it may be writing.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The snapshot at `file` if it holds exactly the database state `stamp` names; null otherwise (missing, stale, damaged). */
export function readSnapshot(file: string, stamp: SnapshotStamp): IndexParts | null {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch {
    return null;
  }
  try {
    if (data.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return null;
    const headLength = data.readUInt32LE(MAGIC.length);
    const start = MAGIC.length + 4 + headLength;
    const header = JSON.parse(data.subarray(MAGIC.length + 4, start).toString('utf8')) as Header;
    if (header.revision !== stamp.revision || header.schemaVersion !== stamp.schemaVersion) return null;
    const payload = data.subarray(start);
    if (createHash('sha256').update(payload).digest('hex') !== header.checksum) return null;
    let at = 0;
    const take = <T extends Typed>(Ctor: new (n: number) => T, length: number): T => {
      const out = new Ctor(length);
      const bytes = length * (out.BYTES_PER_ELEMENT as number);
      if (at + bytes > payload.length) throw new RangeError('snapshot shorter than its header says');
      // Copied, not viewed: the index grows its arrays, and the file's buffer is let go.
      new Uint8Array(out.buffer).set(payload.subarray(at, at + bytes));
      at += bytes;
      return out;
    };
    const ids = JSON.parse(payload.subarray(0, header.idsBytes).toString('utf8')) as Array<string | null>;
    at = header.idsBytes;
    const free = take(Int32Array, header.free);
    const arrays: Partial<Record<ArrayName, Typed>> = {};
    for (const a of header.arrays) arrays[a.name] = take(CTOR[a.kind] as new (n: number) => Typed, a.length);
    if (at !== payload.length) return null;
    const nodeArrays = { kind: arrays.kind, headOut: arrays.headOut, headIn: arrays.headIn };
    const { kind: _k, headOut: _o, headIn: _i, ...edgeArrays } = arrays;
    return {
      codes: header.codes,
      ids,
      free,
      nodeCounts: header.nodeCounts,
      edgeCounts: header.edgeCounts,
      nodeArrays: nodeArrays as IndexParts['nodeArrays'],
      edgeArrays: edgeArrays as IndexParts['edgeArrays'],
    };
  } catch {
    return null;
  }
}
