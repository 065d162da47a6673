// Tests of `policy-graph export` on a store holding the seeds: the real binary writing CSV to stdout, XLSX to a
// pipe and to a file, GraphML and Cypher; then, in process, every usage error (exit 2, one line naming the option).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { ingestDocuments } from '../../src/ingest/ingest.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { ROOT, SEED_FILES, seedInput } from '../api/support.ts';
import { all, parseXml, readCsv, readXlsx } from '../support/export-readers.ts';

let dir = '';
let env: NodeJS.ProcessEnv = {};
const CHAIN = 'Chuỗi văn bản (nhiệm vụ → … → văn bản gốc)';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'pg-cli-export-'));
  const store = new SqliteStore({ directory: join(dir, 'graph') });
  await store.init();
  await ingestDocuments(store, SEED_FILES.map(seedInput));
  await store.close();
  env = { ...process.env, POLICY_GRAPH_STORE: join(dir, 'graph') };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bin(...args: string[]): Promise<{ stdout: Buffer; stderr: string }> {
  const { stdout, stderr } = await promisify(execFile)('node', ['bin/policy-graph.js', 'export', ...args], {
    cwd: ROOT,
    env,
    encoding: 'buffer',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { stdout, stderr: stderr.toString('utf8') };
}

// Each run of the binary starts tsx and the CLI (seconds on a busy 2-core machine).
describe('node bin/policy-graph.js export', { timeout: 90_000 }, () => {
  it('prints the mandates of Quảng Ngãi as CSV, overdue as of --as-of, with their chains', async () => {
    const { stdout, stderr } = await bin(
      '--what',
      'mandates',
      '--format',
      'csv',
      '--jurisdiction',
      'Quảng Ngãi',
      '--as-of',
      '2022-04-01',
    );
    expect(stderr).toBe('');
    const { header, rows } = readCsv(stdout.toString('utf8'));
    expect(header).toContain('Quá hạn tính đến 01/04/2022');
    expect(rows.filter((r) => r['Quá hạn tính đến 01/04/2022'] === 'Có')).toHaveLength(13);
    expect(rows.find((r) => r.Mục === 'II.2.a')?.[CHAIN]).toBe(
      'II.2.a → II.2 → 167/KH-UBND → 93-KL/TW → 42-CT/TW',
    );
  });

  it('writes XLSX to a pipe (stdout is no terminal) and to --out', async () => {
    const args = [
      '--what',
      'mandates',
      '--format',
      'xlsx',
      '--ref',
      '36-NQ/TW@2023',
      '--as-of',
      '2023-07-01',
    ];
    const piped = await bin(...args);
    expect(piped.stdout.subarray(0, 2).toString('latin1')).toBe('PK');
    const [fromPipe] = await readXlsx(piped.stdout);
    const out = join(dir, 'mandates.xlsx');
    const written = await bin(...args, '--out', out);
    expect(written.stdout.length).toBe(0);
    expect(written.stderr).toMatch(new RegExp(`^policy-graph: wrote \\d+ rows \\(mandates\\) to ${out}\\n$`));
    const [fromFile] = await readXlsx(readFileSync(out));
    expect(fromFile?.rows).toEqual(fromPipe?.rows);
    const lead = fromFile?.rows.find((r) => r.Mục === 'II.2' && r['Vai trò'] === 'Chủ trì');
    expect(lead?.[CHAIN]).toBe('II.2 → 1693/KH-UBND → 57-CTr/TU → 36-NQ/TW');
  });

  it('exports the graph as GraphML (the default what) and as a Cypher script', async () => {
    const graphml = parseXml((await bin('--format', 'graphml')).stdout.toString('utf8'));
    const labels = all(graphml, 'data')
      .filter((d) => d.attributes.key === 'label')
      .map((d) => d.text);
    expect(labels).toContain('36-NQ/TW');
    const cypher = (await bin('--format', 'cypher')).stdout.toString('utf8').split('\n');
    expect(cypher.find((l) => !l.startsWith('//'))).toBe(
      'CREATE CONSTRAINT node_id IF NOT EXISTS FOR (n:Node) REQUIRE n.id IS UNIQUE;',
    );
    expect(cypher.some((l) => l.startsWith(':param rows => ['))).toBe(true);
  });
});

describe('export usage (in process)', () => {
  let saved: string | undefined;
  beforeAll(() => {
    saved = process.env.POLICY_GRAPH_STORE;
    process.env.POLICY_GRAPH_STORE = env.POLICY_GRAPH_STORE;
  });
  afterAll(() => {
    if (saved === undefined) delete process.env.POLICY_GRAPH_STORE;
    else process.env.POLICY_GRAPH_STORE = saved;
  });

  const run = async (...argv: string[]) => {
    let stdout = '';
    let stderr = '';
    const code = await runCli(['export', ...argv], {
      stdout: (s) => {
        stdout += s;
      },
      stderr: (s) => {
        stderr += s;
      },
    });
    return { code, stdout, stderr };
  };

  it.each([
    // what and format must fit together
    [
      ['--what', 'everything'],
      /--what must be one of graph, mandates, lineage, coverage, timeliness, got "everything"/,
    ],
    [['--format', 'csv'], /--format must be one of json, graphml, cypher for the graph, got "csv"/],
    [['--what', 'mandates', '--format', 'graphml'], /--format must be one of csv, xlsx, json for mandates/],
    // an option of another export
    [['--ref', '36-NQ/TW'], /--ref applies to --what mandates\|lineage\|coverage/],
    [
      ['--what', 'mandates', '--format', 'csv', '--level', 'PROVINCE'],
      /BAD_USER_INPUT: --level: level does not apply/,
    ],
    [
      ['--what', 'lineage', '--format', 'csv', '--ref', '36-NQ/TW@2023', '--as-of', '2022-04-01'],
      /--as-of: asOf does not apply/,
    ],
    // required and malformed values
    [['--what', 'lineage', '--format', 'csv'], /BAD_USER_INPUT: --ref: ref is required/],
    [
      ['--what', 'mandates', '--format', 'csv', '--as-of', '2022-06-31'],
      /--as-of: "2022-06-31" is not a calendar day/,
    ],
    [
      ['--what', 'coverage', '--format', 'csv', '--ref', '36-NQ/TW@2023', '--level', 'COMMUNE'],
      /--level: coverage is asked at PROVINCE or DISTRICT/,
    ],
    [
      ['--what', 'mandates', '--format', 'csv', '--jurisdiction', '%'],
      /--jurisdiction: jurisdiction has no words/,
    ],
    // an unknown reference names itself
    [['--what', 'lineage', '--format', 'csv', '--ref', '99-NQ/TW'], /NOT_FOUND: no document matches/],
    // binary output needs a file where stdout cannot take bytes
    [['--what', 'mandates', '--format', 'xlsx'], /xlsx is a binary file: give --out FILE/],
  ])('%j exits 2 with %s', async (argv, message) => {
    const { code, stdout, stderr } = await run(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('writes JSON tables to stdout in process', async () => {
    const { code, stdout } = await run('--what', 'coverage', '--format', 'json', '--ref', '36-NQ/TW@2023');
    expect(code).toBe(0);
    const body = JSON.parse(stdout) as {
      level: string;
      tables: Array<{ rows: Array<Record<string, unknown>> }>;
    };
    expect(body.level).toBe('PROVINCE');
    expect(body.tables[0]?.rows.find((r) => r.unit === 'Kon Tum')).toMatchObject({
      status: 'COVERED',
      count: 2,
    });
  });
});
