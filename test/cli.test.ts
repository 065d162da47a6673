// Tests for the CLI front end (src/cli): argument handling, output shape and order, exit codes. Not extraction content.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractionOutput } from '../src/model/extraction.ts';
import { runCliCaptured } from './support/cli-run.ts';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));

const run = runCliCaptured;

function sources(stdout: string): string[] {
  return ExtractionOutput.parse(JSON.parse(stdout)).documents.map((d) => d.source);
}

let dir = '';
let docs = '';
const png = Uint8Array.of(
  0x89,
  0x50,
  0x4e,
  0x47,
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0,
  0,
  0,
  0x0d,
  0x49,
  0x48,
  0x44,
  0x52,
);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'policy-graph-cli-'));
  docs = join(dir, 'docs');
  await mkdir(docs);
  // Written out of name order; only input files (.txt .md .pdf .docx .doc .html) count, sorted by name.
  await writeFile(join(docs, 'b.txt'), 'KẾ HOẠCH\nThực hiện Nghị quyết số 05-NQ/TU.\n');
  await writeFile(join(docs, 'c.md'), '# Quyết định\n');
  await writeFile(join(docs, 'a.txt'), 'Chỉ thị số 12-CT/TU\n');
  await writeFile(join(docs, 'notes.json'), '{}');
  await writeFile(join(docs, 'image.png'), png);
  await mkdir(join(docs, 'folder.txt'));
  await writeFile(join(dir, 'x.txt'), 'Công văn\n');
  await writeFile(join(dir, 'y.md'), 'Thông báo\n');
  await writeFile(join(dir, 'empty.txt'), '');
  await writeFile(join(dir, 'picture.txt'), png);
  // TCVN3 bytes for "Kế hoạch triển khai": ế = 0xD5, ạ = 0xB9, ể = 0xD3
  await writeFile(join(dir, 'legacy.txt'), Buffer.from('K\xD5 ho\xB9ch tri\xD3n khai', 'latin1'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('extract --json', () => {
  it('prints one schema-valid object with a directory’s input files sorted by name', async () => {
    const { code, stdout, stderr } = await run('extract', docs, '--json');
    // Other files in the directory are named as skipped, never read.
    expect(stderr.trim().split('\n')).toEqual([
      `policy-graph: ${join(docs, 'image.png')}: skipped (not a .txt, .md, .pdf, .docx, .doc or .html file)`,
      `policy-graph: ${join(docs, 'notes.json')}: skipped (not a .txt, .md, .pdf, .docx, .doc or .html file)`,
    ]);
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(stdout))).toEqual(['documents']);
    expect(sources(stdout)).toEqual([join(docs, 'a.txt'), join(docs, 'b.txt'), join(docs, 'c.md')]);
  });

  it('keeps the order of the arguments, files and directories mixed', async () => {
    const x = join(dir, 'x.txt');
    const y = join(dir, 'y.md');
    const { code, stdout } = await run('extract', y, docs, x, '--json');
    expect(code).toBe(0);
    expect(sources(stdout)).toEqual([y, join(docs, 'a.txt'), join(docs, 'b.txt'), join(docs, 'c.md'), x]);
  });

  it('uses the path as given for a file argument', async () => {
    const { stdout } = await run('extract', `${dir}/./x.txt`, '--json');
    expect(sources(stdout)).toEqual([`${dir}/./x.txt`]);
  });

  it('adds LEGACY_ENCODING (offsets 0,0) to a TCVN3 file only', async () => {
    const legacy = join(dir, 'legacy.txt');
    const plain = join(dir, 'x.txt');
    const { code, stdout } = await run('extract', legacy, plain, '--json');
    expect(code).toBe(0);
    const [legacyDoc, plainDoc] = ExtractionOutput.parse(JSON.parse(stdout)).documents;
    expect(legacyDoc?.warnings.filter((w) => w.code === 'LEGACY_ENCODING')).toEqual([
      { code: 'LEGACY_ENCODING', message: expect.stringContaining('TCVN3'), start: 0, end: 0 },
    ]);
    expect(plainDoc?.warnings.map((w) => w.code)).not.toContain('LEGACY_ENCODING');
  });

  it('reads an empty file (a warning is not a failure)', async () => {
    const { code, stdout } = await run('extract', join(dir, 'empty.txt'), '--json');
    expect(code).toBe(0);
    expect(sources(stdout)).toEqual([join(dir, 'empty.txt')]);
  });
});

describe('unusable paths', () => {
  it.each([
    // a missing path, alone
    [['nope.txt'], 'nope.txt: no such file'],
    // a missing path after a good file: still no partial output
    [['x.txt', 'nope.txt'], 'nope.txt: no such file'],
    // a binary file with a text extension
    [['picture.txt'], 'picture.txt: not a text file'],
    // a missing directory
    [['nodir'], 'nodir: no such file'],
  ])('%j → exit 2, "%s" on stderr, nothing on stdout', async (names, message) => {
    const paths = names.map((name) => join(dir, name));
    // with and without --json
    for (const args of [[...paths, '--json'], paths]) {
      const { code, stdout, stderr } = await run('extract', ...args);
      expect(code).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toContain(`policy-graph: ${join(dir, message)}`);
    }
  });

  it('names every bad path, not just the first', async () => {
    const { code, stderr } = await run(
      'extract',
      join(dir, 'a-missing.txt'),
      join(dir, 'picture.txt'),
      '--json',
    );
    expect(code).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([
      `policy-graph: ${join(dir, 'a-missing.txt')}: no such file`,
      expect.stringMatching(new RegExp(`^policy-graph: ${join(dir, 'picture.txt')}: not a text file`)),
    ]);
  });
});

describe('summary mode', () => {
  it('mentions each file in order, with counts, and a total line', async () => {
    const { code, stdout, stderr } = await run('extract', docs, join(dir, 'legacy.txt'));
    // Other files in the directory are named as skipped, never read.
    expect(stderr.trim().split('\n')).toEqual([
      `policy-graph: ${join(docs, 'image.png')}: skipped (not a .txt, .md, .pdf, .docx, .doc or .html file)`,
      `policy-graph: ${join(docs, 'notes.json')}: skipped (not a .txt, .md, .pdf, .docx, .doc or .html file)`,
    ]);
    expect(code).toBe(0);
    expect(stdout.trimStart().startsWith('{')).toBe(false);
    const names = [join(docs, 'a.txt'), join(docs, 'b.txt'), join(docs, 'c.md'), join(dir, 'legacy.txt')];
    const positions = names.map((name) => stdout.indexOf(`${name}\n`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((p, q) => p - q)).toEqual(positions);
    expect(stdout).toMatch(/LEGACY_ENCODING \[0, 0\)/);
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^total: 4 documents, \d+ references?, /);
  });
});

describe('commander usage', () => {
  it.each([
    [['bogus'], /unknown command 'bogus'/],
    [['extract'], /missing required argument/],
    [['extract', '--bogus', 'x.txt'], /unknown option '--bogus'/],
    [[], /Usage: policy-graph/],
  ])('%j → exit 2 with a usage error', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it.each([
    [['--help'], /extract/],
    [['extract', '--help'], /--json/],
  ])('%j prints help on stdout and exits 0', async (argv, content) => {
    const { code, stdout } = await run(...argv);
    expect(code).toBe(0);
    expect(stdout).toMatch(content);
  });
});

describe('global options', () => {
  it('--version (and -V) prints the version of package.json and exits 0', async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-V']) {
      const { code, stdout } = await run(flag);
      expect(code).toBe(0);
      expect(stdout).toBe(`${version}\n`);
    }
  });

  it('--store DIR sets the embedded store for that run only, before or after the command name', async () => {
    const chosen = join(dir, 'chosen-store');
    const other = join(dir, 'other-store');
    await withEnvStore(other, async () => {
      expect((await run('--store', chosen, 'ingest', join(repoRoot, 'seeds'))).code).toBe(0);
      expect(existsSync(join(chosen, 'graph.sqlite'))).toBe(true);
      expect(existsSync(other)).toBe(false);
      // The environment is as it was after the run.
      expect(process.env.POLICY_GRAPH_STORE).toBe(other);
      const down = await run('lineage', '36-NQ/TW@2023', '--store', chosen);
      expect(down.code).toBe(0);
      expect(down.stdout).toMatch(/^36-NQ\/TW \(2023-01-30\) Bộ Chính trị\n/);
      // Without it, the environment's (empty) store answers.
      const elsewhere = await run('lineage', '36-NQ/TW@2023');
      expect(elsewhere.code).toBe(2);
      expect(elsewhere.stderr).toMatch(/NOT_FOUND/);
      const blank = await run('--store', ' ', 'lineage', '36-NQ/TW');
      expect(blank.code).toBe(2);
      expect(blank.stderr).toMatch(/--store needs a directory/);
    });
  }, 60_000);

  it('lineage --down names every role an agency holds in a task (lead+coordinator), not the last one read', async () => {
    await withEnvStore(join(dir, 'roles-store'), async () => {
      expect((await run('ingest', join(repoRoot, 'seeds'))).code).toBe(0);
      const down = await run('lineage', '36-NQ/TW@2023', '--down');
      expect(down.code).toBe(0);
      const lines = down.stdout.split('\n');
      // In 1693/KH-UBND II.3.a the Department of Science and Technology leads one line of work and
      // coordinates another.
      const task = lines.findIndex((line) => /^\s+II\.3\.a /.test(line));
      expect(task).toBeGreaterThan(0);
      const agencies = lines.slice(
        task + 1,
        lines.findIndex((l, i) => i > task && /^\s+II\.3\.b /.test(l)),
      );
      expect(agencies).toContain('          [lead+coordinator] Sở Khoa học và Công nghệ (Kon Tum)');
      expect(agencies).toContain('          [lead] Sở Y tế (Kon Tum)');
      expect(agencies).toContain('          [coordinator] Liên minh Hợp tác xã (Kon Tum)');
      // Still one line per agency.
      expect(new Set(agencies).size).toBe(agencies.length);
    });
  }, 60_000);
});

/** Runs `work` with POLICY_GRAPH_STORE set to `store`, then puts the variable back as it was. */
async function withEnvStore(store: string, work: () => Promise<void>): Promise<void> {
  const before = process.env.POLICY_GRAPH_STORE;
  process.env.POLICY_GRAPH_STORE = store;
  try {
    await work();
  } finally {
    if (before === undefined) delete process.env.POLICY_GRAPH_STORE;
    else process.env.POLICY_GRAPH_STORE = before;
  }
}

describe('the real binary', () => {
  it('node bin/policy-graph.js extract <seed> --json prints the JSON and exits 0', async () => {
    const seed = 'seeds/003_241023ceb20e6f40.txt';
    const { stdout } = await promisify(execFile)('node', ['bin/policy-graph.js', 'extract', seed, '--json'], {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(sources(stdout)).toEqual([seed]);
  });
});
