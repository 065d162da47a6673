// Extraction on worker threads: the same documents, in the same order, with the same read errors and notes as
// extraction on the calling thread — over the seeds, our openings, an unreadable file and a missing one.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type InputDocument, streamDocuments } from '../../src/io/input-files.ts';
import type { ReadTextError } from '../../src/io/read-text.ts';

const scratch = mkdtempSync(join(tmpdir(), 'pg-pool-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const dir = (d: string) =>
  readdirSync(d)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => join(d, f));

async function run(files: string[], threads: number) {
  const errors: ReadTextError[] = [];
  const notes: string[] = [];
  const docs: InputDocument[] = [];
  for await (const d of streamDocuments(files, (m) => notes.push(m), errors, { threads })) docs.push(d);
  return { docs, notes, errors: errors.map((e) => ({ code: e.code, path: e.path, message: e.message })) };
}

describe('extraction on worker threads', () => {
  it('yields what extraction on this thread yields, in order, errors included', async () => {
    const binary = join(scratch, 'scan.txt');
    writeFileSync(binary, Buffer.from([0x25, 0x50, 0x44, 0x46, 0, 1, 2, 0, 0, 3]));
    const latin1 = join(scratch, 'invalid-bytes.txt');
    writeFileSync(
      latin1,
      Buffer.concat([Buffer.from('Số: 12/KH-UBND\nKế hoạch '), Buffer.from([0xff, 0xfe, 0x41])]),
    );
    const files = [
      ...dir('seeds'),
      binary,
      ...dir('test/fixtures/openings'),
      join(scratch, 'missing.txt'),
      latin1,
    ];
    const here = await run(files, 0);
    const threaded = await run(files, 2);
    expect(here.docs.length).toBeGreaterThan(10);
    expect(here.errors.map((e) => e.code)).toEqual(['NOT_TEXT', 'NOT_FOUND']);
    expect(here.notes).toEqual([expect.stringMatching(/invalid-bytes.txt: warning/)]);
    expect(threaded).toEqual(here);
    expect(threaded.docs.map((d) => d.source)).toEqual(
      files.filter((f) => f !== binary && !f.endsWith('missing.txt')),
    );
  }, 60_000);
});
