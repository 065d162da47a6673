// Embedded adapter support: spots parameter values large enough to corrupt LadybugDB 0.19's write-ahead log, so the adapter checkpoints them out of it.
//
// LadybugDB <= 0.19.1 writes any single property value over ~4 KB (one string, or one list as a whole) to
// its WAL with bytes missing (upstream LadybugDB#771, fixed by PR #959, not yet released). Until the next
// checkpoint the database then cannot be reopened: after a crash, or in the same process after close
// ("Checksum verification failed, the WAL file is corrupted"). Measured here: a 4,050-byte string or a
// 5 KB list fails, 4,000 bytes or two 2.5 KB properties in one row replay fine. A checkpoint folds the
// committed state into the main file and empties the WAL; it costs ~150 ms, so only writes that sent such
// a value pay for it. Seed 004 holds a task text of ~8 KB.

/** Below LadybugDB's 4,096-byte record buffer with room for the record header and list element overhead. */
export const WAL_SAFE_VALUE_BYTES = 3072;

/** Bytes one property value takes in a WAL record, roughly: strings by UTF-8 length, lists summed with per-element overhead. */
function valueBytes(value: unknown): number {
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (Array.isArray(value)) return value.reduce((sum: number, v) => sum + valueBytes(v) + 16, 0);
  return 8;
}

/**
 * Whether a query's parameters write a property value that could corrupt the WAL. Values are written from
 * row batches (each row's fields: strings and lists such as sources or assertedFrom) and scalar strings;
 * lists of ids or tokens are only matched against, never stored.
 */
export function writesLargeValue(
  params: Readonly<Record<string, unknown>>,
  limit = WAL_SAFE_VALUE_BYTES,
): boolean {
  return Object.values(params).some((param) => {
    if (typeof param === 'string') return valueBytes(param) > limit;
    if (!Array.isArray(param)) return false;
    return param.some(
      (row) =>
        row !== null &&
        typeof row === 'object' &&
        !Array.isArray(row) &&
        Object.values(row).some((v) => valueBytes(v) > limit),
    );
  });
}
