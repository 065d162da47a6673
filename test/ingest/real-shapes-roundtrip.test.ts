// Whatever the extractor accepts, the store stores and reads back: documents of real shapes (no title, no
// header, a blank number, a month-only date, items with no title of their own, year-in-symbol citations
// with two dates) ingested in shuffled orders, re-ingested as new versions, then reopened, exported and
// traced; the same facts come back whatever the order.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { ingestDocuments } from '../../src/ingest/ingest.ts';
import type { GraphExport } from '../../src/model/graph.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const HEADERS = [
  (n: number) =>
    `ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố: ${n}/KH-UBND\nBắc Ninh, ngày 3 tháng 5 năm 2024\nKẾ HOẠCH\n`,
  () => 'ỦY BAN NHÂN DÂN\nTỈNH BẮC NINH\nSố:      /KH-UBND\nBắc Ninh, ngày   tháng 4 năm 2024\nKẾ HOẠCH\n',
  (n: number) =>
    `Kế hoạch số ${n}-KH/TU ngày 3/5/2022 của Ban Thường vụ Tỉnh ủy Hải Dương thực hiện Nghị quyết số 29-NQ/TW\n`,
  () => '',
];
const BODIES = [
  'Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị, Ủy ban nhân dân tỉnh ban hành Kế hoạch như sau:\n',
  'Căn cứ Nghị định số 06/2021/NĐ-CP ngày 26/01/2021 của Chính phủ;\n',
  'Căn cứ Nghị định số 06/2021/NĐ-CP ngày 26/02/2021 của Chính phủ;\n',
];
const TASKS = [
  'II. NHIỆM VỤ, GIẢI PHÁP\n1. Phát triển hạ tầng\na)\nSở Tài chính chủ trì thực hiện việc bố trí kinh phí.\nb) **\nSở Nội vụ chủ trì. Thời gian hoàn thành: trước ngày 30/6/2024.\n',
  'II. NHIỆM VỤ\n1.\n- Phòng Tư pháp chủ trì, phối hợp với Phòng Nội vụ và UBND các xã thực hiện.\n1.\n- Trung tâm Y tế huyện và Phòng Giáo dục và Đào tạo thực hiện.\n',
  // An item with no title and a long text (a value larger than a database page).
  `II. NHIỆM VỤ\n1.\n${'- Sở Tài chính chủ trì thực hiện rà soát các quy định về thủ tục hành chính. '.repeat(120)}\n`,
  '',
];

const docArb = fc.record({
  header: fc.nat(HEADERS.length - 1),
  body: fc.nat(BODIES.length - 1),
  tasks: fc.nat(TASKS.length - 1),
});

function texts(specs: Array<{ header: number; body: number; tasks: number }>) {
  return specs.map((s, i) => {
    const text = `${(HEADERS[s.header] as (n: number) => string)(i + 10)}${BODIES[s.body]}${TASKS[s.tasks]}`;
    return { source: `doc-${i}.md`, text: text.trim().length > 0 ? text : 'KẾ HOẠCH\n' };
  });
}

async function ingestAll(
  files: Array<{ source: string; text: string }>,
  batch: boolean,
): Promise<GraphExport> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-roundtrip-'));
  dirs.push(dir);
  const input = (f: { source: string; text: string }) => ({ ...f, document: extractDocument(f.text, f) });
  const first = new SqliteStore({ directory: dir });
  await first.init();
  if (batch) await ingestDocuments(first, files.map(input));
  else for (const f of files) await ingestDocuments(first, [input(f)]);
  // A new version of the first file: stored rows are rewritten in place.
  const [head] = files;
  if (head)
    await ingestDocuments(first, [
      input({ ...head, text: `${head.text}\nIII. KINH PHÍ\nNgân sách tỉnh.\n` }),
    ]);
  await first.close();
  const reopened = new SqliteStore({ directory: dir });
  await reopened.init();
  const exported = await reopened.exportAll();
  for (const n of exported.nodes)
    if (n.kind === 'DOCUMENT') {
      await reopened.lineageDown(n.id, 4);
      await reopened.chainUp(n.id);
    }
  await reopened.close();
  return exported;
}

/** The facts of an export without the order of arrival: node ids with kinds and titles, edge ends and types. */
function facts(e: GraphExport) {
  return {
    nodes: e.nodes.map((n) => `${n.kind} ${n.id} ${n.kind === 'AGENCY' ? n.name : (n.title ?? '')}`).sort(),
    edges: e.edges.map((x) => `${x.type} ${x.from} → ${x.to}`).sort(),
  };
}

describe('real shapes round-trip through the store', () => {
  it('stores, reopens, exports and traces every shape, the same facts in any order', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(docArb, { minLength: 2, maxLength: 5 }),
        fc.boolean(),
        async (specs, batch) => {
          const files = texts(specs);
          const forward = await ingestAll(files, batch);
          const backward = await ingestAll(
            [files[0] as (typeof files)[number], ...files.slice(1).reverse()],
            !batch,
          );
          expect(facts(backward)).toEqual(facts(forward));
        },
      ),
      { numRuns: 8 },
    );
  }, 240_000);
});
