// A document's own file stays in its `sources` however many texts cite it (sources are capped), first,
// in whichever order the texts arrive: the viewer finds its full text there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestDocuments } from '../../src/ingest/ingest.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { MAX_NODE_SOURCES } from '../../src/store/apply-plan.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const header = (n: number) => `ỦY BAN NHÂN DÂN
TỈNH BẮC NINH
Số: ${n}/KH-UBND
Bắc Ninh, ngày 3 tháng 5 năm 2024
KẾ HOẠCH
`;
const own = { source: 'zz-own-plan.txt', text: `${header(5)}Triển khai chuyển đổi số năm 2024\n` };
const citers = Array.from({ length: MAX_NODE_SOURCES + 6 }, (_, i) => ({
  source: `a${String(i).padStart(2, '0')}.txt`,
  text: `${header(100 + i)}Thực hiện Kế hoạch số 5/KH-UBND ngày 03/5/2024 của Ủy ban nhân dân tỉnh Bắc Ninh, ban hành Kế hoạch như sau:\n`,
}));
const input = (f: { source: string; text: string }) => ({ ...f, document: extractDocument(f.text, f) });

describe.each([
  ['own text first', [own, ...citers]],
  ['own text last', [...citers, own]],
])('%s', (_name, files) => {
  it('keeps the own file first in sources, within the cap', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pg-own-'));
    dirs.push(dir);
    const store = new SqliteStore({ directory: dir });
    await store.init();
    for (const f of files) await ingestDocuments(store, [input(f)]);
    const [doc] = await store.findDocuments({ symbol: '5/KH-UBND' });
    expect(doc?.status).toBe('FULL_TEXT');
    expect(doc?.sources[0]).toBe(own.source);
    expect(doc?.sources.length).toBe(MAX_NODE_SOURCES);
    await store.close();
  });
});
