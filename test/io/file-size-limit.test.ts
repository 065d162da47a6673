// The input size limit: a file over it is refused with FILE_TOO_LARGE, naming the file and its size, by its size on
// disk — before it is read — in this thread and on extraction threads, and by the CLI commands that read files.
// The 1 GB file is sparse (fs.truncate): it takes no disk space, and reading it would take seconds and a gigabyte.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { type InputDocument, readDocuments, streamDocuments } from '../../src/io/input-files.ts';
import { readInputFile } from '../../src/io/read-input.ts';
import {
  DEFAULT_MAX_FILE_BYTES,
  MAX_FILE_BYTES_ENV,
  maxFileBytesFromEnv,
  parseByteSize,
  ReadTextError,
  readFileBytes,
} from '../../src/io/read-text.ts';

const GB = 1024 ** 3;
let dir = '';
let huge = '';
let small = '';
const SEED = 'seeds/000_5f6ac51fd7d22cf5.txt';

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'pg-size-'));
  huge = join(dir, 'huge.txt');
  await writeFile(huge, 'Kế hoạch số 12/KH-UBND\n');
  await truncate(huge, GB);
  small = join(dir, 'small.txt');
  await writeFile(small, 'Kế hoạch số 12/KH-UBND ngày 3/5/2023 của UBND tỉnh Kon Tum\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function refusal(promise: Promise<unknown>): Promise<ReadTextError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ReadTextError) return error;
    throw error;
  }
  throw new Error('expected a ReadTextError');
}

describe('the input size limit', () => {
  it('refuses a 1 GB file at once as FILE_TOO_LARGE, naming it, its size and the limit', async () => {
    const started = performance.now();
    const error = await refusal(readInputFile(huge));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(error.code).toBe('FILE_TOO_LARGE');
    expect(error.path).toBe(huge);
    expect(error.message).toContain(huge);
    expect(error.detail).toContain(`${GB} bytes`);
    expect(error.detail).toContain(`${DEFAULT_MAX_FILE_BYTES} bytes`);
  });

  it('takes the limit from the options, else the environment, else 64 MiB', async () => {
    expect((await refusal(readFileBytes(small, { maxFileBytes: 10 }))).code).toBe('FILE_TOO_LARGE');
    expect((await readFileBytes(small, { maxFileBytes: 4096 })).byteLength).toBeGreaterThan(10);
    expect(maxFileBytesFromEnv({})).toBe(64 * 1024 * 1024);
    expect(maxFileBytesFromEnv({ [MAX_FILE_BYTES_ENV]: '2M' })).toBe(2 * 1024 * 1024);
    expect(maxFileBytesFromEnv({ [MAX_FILE_BYTES_ENV]: '1500' })).toBe(1500);
    expect(() => maxFileBytesFromEnv({ [MAX_FILE_BYTES_ENV]: 'lots' })).toThrow(MAX_FILE_BYTES_ENV);
    expect(parseByteSize('1G')).toBe(GB);
    expect(parseByteSize('64MiB')).toBe(64 * 1024 * 1024);
    expect(() => parseByteSize('0')).toThrow();
  });

  it('reads a file exactly at the limit, and refuses one byte more', async () => {
    const size = (await readFileBytes(small)).byteLength;
    expect((await readFileBytes(small, { maxFileBytes: size })).byteLength).toBe(size);
    const error = await refusal(readFileBytes(small, { maxFileBytes: size - 1 }));
    expect(error.detail).toContain(`${size} bytes, over the limit of ${size - 1} bytes`);
  });

  it('keeps an oversized file out of what is extracted, on this thread and on extraction threads', async () => {
    for (const threads of [0, 2]) {
      const errors: ReadTextError[] = [];
      const docs: InputDocument[] = [];
      for await (const d of streamDocuments([SEED, huge, small], () => {}, errors, { threads })) docs.push(d);
      expect(docs.map((d) => d.source)).toEqual([SEED, small]);
      expect(errors.map((e) => [e.code, e.path])).toEqual([['FILE_TOO_LARGE', huge]]);
    }
    const limited = await readDocuments([SEED, small], () => {}, { maxFileBytes: 1024 });
    expect(limited.documents.map((d) => d.source)).toEqual([small]);
    expect(limited.errors.map((e) => e.code)).toEqual(['FILE_TOO_LARGE']);
  }, 60_000);

  it('is reported by `extract` (exit 2, nothing printed) and set by --max-file-bytes', async () => {
    const out = { stdout: '', stderr: '' };
    const io = {
      stdout: (s: string) => {
        out.stdout += s;
      },
      stderr: (s: string) => {
        out.stderr += s;
      },
    };
    expect(await runCli(['extract', '--json', SEED, huge], io)).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(`${huge}: too large to read (${GB} bytes`);
    out.stderr = '';
    expect(await runCli(['extract', '--json', '--max-file-bytes', '1k', SEED], io)).toBe(2);
    expect(out.stderr).toContain(`${SEED}: too large to read`);
    out.stderr = '';
    expect(await runCli(['extract', '--json', '--max-file-bytes', '1M', SEED], io)).toBe(0);
    expect(JSON.parse(out.stdout).documents).toHaveLength(1);
  });
});
