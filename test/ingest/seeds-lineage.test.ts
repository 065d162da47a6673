// End to end on the seeds: ingest (in several orders, as separate runs, and twice) into the embedded store,
// then every "Lineage the API must answer" item of ../shared/SEEDS.md through the store port and the CLI.
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main.ts';
import { ingestDocuments } from '../../src/ingest/ingest.ts';
import type { ChainUp, GraphNode, Lineage } from '../../src/model/graph.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { seedPath } from '../extract/helpers.ts';

const root = new URL('../../', import.meta.url).pathname;
const SEEDS = ['000', '001', '002', '003', '004'].map(seedPath);
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function input(path: string) {
  const text = readFileSync(join(root, path), 'utf8');
  return { source: path, text, document: extractDocument(text, { source: path }) };
}

/** A fresh store with the files ingested one run per group, in the order given. */
async function ingested(groups: string[][]): Promise<{ store: GraphStore; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-seeds-'));
  dirs.push(dir);
  const store = new SqliteStore({ directory: dir });
  await store.init();
  for (const group of groups) await ingestDocuments(store, group.map(input));
  return { store, dir };
}

const symbols = (nodes: readonly GraphNode[]) =>
  nodes.filter((n) => n.kind === 'DOCUMENT').map((n) => (n.kind === 'DOCUMENT' ? n.symbol : null));
const taskKeys = (l: Lineage) =>
  l.nodes.flatMap((n) => (n.kind === 'TASK' ? [`${n.documentId}#${n.key}`] : []));
const pathSymbols = (c: ChainUp) =>
  c.paths.map((p) => p.nodes.flatMap((n) => (n.kind === 'DOCUMENT' ? [n.symbol ?? n.title] : [])));

async function doc(store: GraphStore, symbol: string, year?: number) {
  return store.resolveDocument({ symbol, ...(year ? { year } : {}) });
}

const ORDERS: Array<[string, string[][]]> = [
  ['one batch, file order', [SEEDS]],
  ['one run per file, file order', SEEDS.map((s) => [s])],
  ['one run per file, reversed', [...SEEDS].reverse().map((s) => [s])],
  [
    'Kon Tum plan before the plan that cites it',
    [
      [SEEDS[4] as string],
      [SEEDS[1] as string],
      [SEEDS[0] as string],
      [SEEDS[3] as string, SEEDS[2] as string],
    ],
  ],
];

describe.each(ORDERS)('seeds ingested as %s', (_name, groups) => {
  let store: GraphStore;
  it('ingests', async () => {
    ({ store } = await ingested(groups));
    expect((await store.stats()).documents.FULL_TEXT).toBe(5);
  });

  it('1. down from 36-NQ/TW (2023): 57 → 1693 → Ia H’Drai task III.6.h, and 1693’s own tasks with agencies', async () => {
    const l = await store.lineageDown((await doc(store, '36-NQ/TW', 2023)).id, 10);
    expect(symbols(l.nodes)).toEqual(expect.arrayContaining(['57-CTr/TU', '1693/KH-UBND']));
    const kh1693 = await doc(store, '1693/KH-UBND');
    expect(kh1693.status).toBe('FULL_TEXT'); // the Kon Tum plan, one node with the number from the citation
    // The match is recorded with its evidence: same issuer, type and implemented document.
    expect(kh1693.identityNotes.join(' ')).toMatch(/IDENTITY_INFERRED .*57-ctr\/tu/);
    const keys = taskKeys(l);
    expect(keys.some((k) => k.endsWith('#III.6.h'))).toBe(true);
    expect(keys).toContain(`${kh1693.id}#II.3.b`);
    const agencies = l.nodes
      .filter((n) => n.kind === 'AGENCY')
      .map((n) => (n.kind === 'AGENCY' ? n.name : ''));
    expect(agencies).toEqual(expect.arrayContaining(['Sở Kế hoạch và Đầu tư', 'Sở Khoa học và Công nghệ']));
  });

  it('2. up from Ia H’Drai task III.6.h: 1693 → 57 → 36', async () => {
    const l = await store.lineageDown((await doc(store, '1693/KH-UBND')).id, 2);
    const task = l.nodes.find((n) => n.kind === 'TASK' && n.key === 'III.6.h') as GraphNode;
    const c = await store.chainUp(task.id);
    expect(pathSymbols(c)).toContainEqual(['1693/KH-UBND', '57-CTr/TU', '36-NQ/TW']);
  });

  it('3. down from 569/QĐ-TTg: the Lào Cai plan; 2629/KH-UBND → the Ia H’Drai plan and its tasks', async () => {
    const l = await store.lineageDown((await doc(store, '569/QĐ-TTg')).id, 10);
    const docs = l.nodes.filter((n) => n.kind === 'DOCUMENT');
    expect(
      docs.some((n) => n.kind === 'DOCUMENT' && n.jurisdiction === 'Lào Cai' && n.status === 'FULL_TEXT'),
    ).toBe(true);
    expect(symbols(l.nodes)).toContain('2629/KH-UBND');
    const iaHDrai = docs.find((n) => n.kind === 'DOCUMENT' && n.jurisdiction === "Ia H'Drai");
    expect(iaHDrai).toBeDefined();
    expect(taskKeys(l).filter((k) => k.startsWith(`${iaHDrai?.id}#`)).length).toBeGreaterThan(10);
    // 2629 → 569 was inferred from the strategy's name, and says so.
    const inferred = l.edges.find(
      (e) => e.type === 'IMPLEMENTS' && e.provenance.method === 'SUBJECT_INFERRED',
    );
    expect(inferred).toBeDefined();
  });

  it('4. down from 42-CT/TW: 93-KL/TW → 167/KH-UBND (and 186-CV/TU) → 167’s tasks and agencies', async () => {
    const l = await store.lineageDown((await doc(store, '42-CT/TW')).id, 10);
    expect(symbols(l.nodes)).toEqual(expect.arrayContaining(['93-KL/TW', '167/KH-UBND', '186-CV/TU']));
    const kh167 = await doc(store, '167/KH-UBND');
    expect(taskKeys(l)).toEqual(expect.arrayContaining([`${kh167.id}#II.1`, `${kh167.id}#II.4.d~2`]));
    expect(
      l.nodes.some((n) => n.kind === 'AGENCY' && n.name === 'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh'),
    ).toBe(true);
  });

  it('5. down from 234-TB/TW: 26-KH/TU → the An Giang action plan', async () => {
    const l = await store.lineageDown((await doc(store, '234-TB/TW')).id, 10);
    expect(symbols(l.nodes)).toContain('26-KH/TU');
    expect(
      l.nodes.some((n) => n.kind === 'DOCUMENT' && n.jurisdiction === 'An Giang' && n.status === 'FULL_TEXT'),
    ).toBe(true);
  });

  it('keeps one node per document: no duplicate symbols, the Kon Tum plan numbered once', async () => {
    const all = await store.exportAll();
    const docs = all.nodes.filter((n) => n.kind === 'DOCUMENT');
    const keyed = docs.flatMap((n) =>
      n.kind === 'DOCUMENT' && n.symbol ? [`${n.symbol}@${n.jurisdiction}@${n.dateValue}`] : [],
    );
    expect(new Set(keyed).size).toBe(keyed.length);
    expect(docs.filter((n) => n.kind === 'DOCUMENT' && n.symbol === '1693/KH-UBND')).toHaveLength(1);
    expect(docs.filter((n) => n.kind === 'DOCUMENT' && n.symbol === '569/QĐ-TTg')).toHaveLength(1);
  });

  it('changes nothing when everything is ingested again', async () => {
    const before = await store.stats();
    const exported = await store.exportAll();
    const again = await ingestDocuments(store, SEEDS.map(input));
    expect(again.files.every((f) => f.outcome === 'UNCHANGED')).toBe(true);
    expect(await store.stats()).toEqual(before);
    expect(await store.exportAll()).toEqual(exported);
    await store.close();
  });
});

describe('identity that must not merge', () => {
  it('6. 36-NQ/TW of 2023-01-30 never merges with the 36-NQ/TW of 2018-10-22', async () => {
    const other = {
      source: 'fixture/marine.txt',
      text: 'KẾ HOẠCH\nThực hiện Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương Đảng về Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030, tầm nhìn đến năm 2045, Ủy ban nhân dân tỉnh Bình Định ban hành Kế hoạch.\n',
    };
    const { store } = await ingested([SEEDS]);
    await ingestDocuments(store, [
      { ...other, document: extractDocument(other.text, { source: other.source }) },
    ]);
    const found = await store.findDocuments({ symbol: '36-NQ/TW' });
    expect(found.map((d) => d.dateValue).sort()).toEqual(['2018-10-22', '2023-01-30']);
    await store.close();
  });
});

describe('CLI on the ingested seeds', () => {
  it('ingest, then lineage --json down and up, and an ambiguous ref exits 2 with the candidates', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-cli-'));
    dirs.push(dir);
    process.env.POLICY_GRAPH_STORE = dir;
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) };
    expect(await runCli(['ingest', join(root, 'seeds')], io)).toBe(0);

    out.length = 0;
    expect(await runCli(['lineage', '36-NQ/TW@2023', '--down', '--json'], io)).toBe(0);
    const down = JSON.parse(out.join(''));
    expect(down.root.symbol).toBe('36-NQ/TW');
    expect(down.nodes.some((n: { kind: string; symbol?: string }) => n.symbol === '1693/KH-UBND')).toBe(true);
    expect(down.edges.every((e: { provenance?: { assertedBy?: string } }) => e.provenance?.assertedBy)).toBe(
      true,
    );
    expect(down.nodes.every((n: { sources?: string[] }) => Array.isArray(n.sources))).toBe(true);

    out.length = 0;
    expect(await runCli(['lineage', '1693/KH-UBND#II.3.b', '--up', '--json'], io)).toBe(0);
    const up = JSON.parse(out.join(''));
    expect(up.paths.length).toBeGreaterThan(0);

    err.length = 0;
    out.length = 0;
    expect(await runCli(['lineage', '99-NQ/TW'], io)).toBe(2);
    expect(err.join('')).toMatch(/NOT_FOUND/);

    // Unreadable input: named, exit 2, nothing stored for it; the readable file is still stored.
    err.length = 0;
    const before = await runCli(['export', '--format', 'json'], io);
    expect(before).toBe(0);
    const bad = join(dir, 'image.txt');
    writeFileSync(bad, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    out.length = 0;
    expect(
      await runCli(
        ['ingest', '--verbose', bad, join(root, 'test/fixtures/openings/state-directive.txt')],
        io,
      ),
    ).toBe(2);
    expect(err.join('')).toMatch(/image\.txt: not a text file/);
    expect(out.join('')).toMatch(/CREATED\s+.*state-directive\.txt/);
    expect(out.join('')).toMatch(/files: 1 read \(1 created\), 1 unreadable, 0 skipped/);

    // Only unreadable files: nothing stored, exit 2, and nothing of the store is lost.
    err.length = 0;
    out.length = 0;
    expect(await runCli(['ingest', bad], io)).toBe(2);
    expect(err.join('')).toMatch(/nothing was stored/);
    const empty = join(dir, 'empty');
    mkdirSync(empty);
    writeFileSync(join(empty, 'scan.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(await runCli(['ingest', empty], io)).toBe(2);
    expect(err.join('')).toMatch(/scan\.xls: skipped/);
    expect(err.join('')).toMatch(/nothing to ingest/);
    delete process.env.POLICY_GRAPH_STORE;
  });

  it('ingests a nested directory whole; one line per document only with --verbose', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-cli-nested-'));
    dirs.push(dir);
    process.env.POLICY_GRAPH_STORE = join(dir, 'store');
    const corpus = join(dir, 'corpus');
    const seeds = readdirSync(join(root, 'seeds')).sort();
    seeds.forEach((name, i) => {
      const sub = join(corpus, i % 2 === 0 ? 'tinh' : 'huyen/0001', i === 4 ? 'sau' : '');
      mkdirSync(sub, { recursive: true });
      copyFileSync(join(root, 'seeds', name), join(sub, name));
    });
    writeFileSync(join(corpus, 'huyen', 'notes.xls'), 'PK');
    writeFileSync(join(corpus, '.hidden.txt'), 'not read');
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) };
    expect(await runCli(['ingest', corpus], io)).toBe(0);
    const text = out.join('');
    expect(text).toMatch(/files: 5 read \(5 created\), 0 unreadable, 1 skipped/);
    expect(text).not.toMatch(/^CREATED/m);
    expect(err.join('')).toMatch(/notes\.xls: skipped/);
    expect(err.join('')).not.toMatch(/hidden/);
    out.length = 0;
    expect(await runCli(['ingest', '--verbose', corpus], io)).toBe(0);
    expect(out.join('').match(/^UNCHANGED /gm)).toHaveLength(5);
    delete process.env.POLICY_GRAPH_STORE;
  });
});
