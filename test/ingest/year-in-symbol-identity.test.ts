// Identity of legal normative documents whose symbol carries its year ("06/2021/NĐ-CP"): one node per symbol
// and issuer even when citations give different dates (the conflict is noted with both dates and sources);
// symbols without a year keep their rule (36-NQ/TW of 2018 and of 2023 are two documents).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestDocuments } from '../../src/ingest/ingest.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { contentHash, toGraphFacts } from '../../src/pipeline/to-graph.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const plan = (n: number, cited: string) => `ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: ${n}/KH-UBND
Bắc Ninh, ngày 3 tháng 5 năm 2024
KẾ HOẠCH
Triển khai công tác năm 2024
Căn cứ ${cited};
Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:
`;

function input(source: string, text: string) {
  return { source, text, document: extractDocument(text, { source }) };
}

async function storeWith(texts: Array<[string, string]>, runs: 'one' | 'each') {
  const dir = mkdtempSync(join(tmpdir(), 'pg-year-'));
  dirs.push(dir);
  const store = new SqliteStore({ directory: dir });
  await store.init();
  const inputs = texts.map(([s, t]) => input(s, t));
  if (runs === 'one') await ingestDocuments(store, inputs);
  else for (const i of inputs) await ingestDocuments(store, [i]);
  return store;
}

describe.each(['one', 'each'] as const)('ingested %s run(s)', (runs) => {
  it('keeps one node for a year-in-symbol decree cited with two dates, noting both', async () => {
    const store = await storeWith(
      [
        ['a.txt', plan(11, 'Nghị định số 06/2021/NĐ-CP ngày 26/01/2021 của Chính phủ quy định chi tiết')],
        ['b.txt', plan(12, 'Nghị định số 06/2021/NĐ-CP ngày 26/02/2021 của Chính phủ quy định chi tiết')],
        ['c.txt', plan(13, 'Nghị định số 06/2021/NĐ-CP của Chính phủ')],
      ],
      runs,
    );
    const found = await store.findDocuments({ symbol: '06/2021/NĐ-CP' });
    expect(found).toHaveLength(1);
    const notes = (found[0]?.identityNotes ?? []).join('\n');
    // Both dates, each with the file and offsets of the citation that gave it.
    expect(notes).toMatch(/2021-01-26 \(a\.txt@\d+-\d+\)/);
    expect(notes).toMatch(/2021-02-26 \(b\.txt@\d+-\d+\)/);
    const citing = await store.citations(found[0]?.id as string, 'IN');
    expect(new Set(citing.citations.map((c) => c.node.id)).size).toBe(3);
    await store.close();
  });

  it('keeps two nodes for a symbol without a year cited with two dates', async () => {
    const store = await storeWith(
      [
        ['a.txt', plan(21, 'Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương')],
        ['b.txt', plan(22, 'Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị')],
      ],
      runs,
    );
    expect(await store.findDocuments({ symbol: '36-NQ/TW' })).toHaveLength(2);
    await store.close();
  });
});

describe('a run killed after its writes, before reconcile', () => {
  it('is reconciled by the next run of the same files, as a clean ingest is', async () => {
    const files: Array<[string, string]> = [
      ['a.txt', plan(31, 'Nghị định số 34/2019/NĐ-CP ngày 24/4/2019 của Chính phủ')],
      ['b.txt', plan(32, 'Nghị định số 34/2019/NĐ-CP của Chính phủ')],
    ];
    const dir = mkdtempSync(join(tmpdir(), 'pg-year-'));
    dirs.push(dir);
    const store = new SqliteStore({ directory: dir });
    await store.init();
    // What the killed run committed: the documents, no merges.
    const inputs = files.map(([s, t]) => input(s, t));
    await store.applyDocuments(inputs.map((i) => toGraphFacts(i.document, contentHash(i.text))));
    expect(await store.findDocuments({ symbol: '34/2019/NĐ-CP' })).toHaveLength(2);
    const rerun = await ingestDocuments(store, inputs);
    expect(rerun.files.map((f) => f.outcome)).toEqual(['UNCHANGED', 'UNCHANGED']);
    expect(await store.findDocuments({ symbol: '34/2019/NĐ-CP' })).toHaveLength(1);
    await store.close();
  });
});
