// Property tests of the pipeline entry: extractDocument on arbitrary and mangled text stays schema-valid, in bounds and consistent.
//
// numRuns are sized so the file runs in well under 20 s; PROPERTY_SCALE=10 (say) multiplies them for a
// deeper local run. On a failure fast-check prints the shrunk input and the seed to replay it.
import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExtractedDocument as Extracted, ExtractedDocument } from '../src/model/extraction.ts';
import { extractDocument } from '../src/pipeline/extract-document.ts';

const SCALE = Number(process.env.PROPERTY_SCALE ?? '1') || 1;
const runs = (n: number) => Math.max(1, Math.round(n * SCALE));

const SEEDS_DIR = new URL('../seeds/', import.meta.url);
const SEEDS = readdirSync(SEEDS_DIR)
  .filter((name) => /\.(txt|md)$/.test(name))
  .sort()
  .map((name) => ({ name, text: readFileSync(new URL(name, SEEDS_DIR), 'utf8') }));

// --- Invariants -------------------------------------------------------------------------------

type Located = { where: string; start: number; end: number };

type Assigned = Pick<Extracted['tasks'][number], 'lead' | 'coordinators'>;

/** Every offset the output carries, named by its path. */
function offsets(doc: Extracted): Located[] {
  const out: Located[] = [];
  const add = (where: string, s: { start: number; end: number }) => {
    out.push({ where, start: s.start, end: s.end });
  };
  const agencies = (where: string, owner: Assigned) => {
    for (const [j, a] of owner.lead.entries()) add(`${where}.lead[${j}]`, a.span);
    for (const [j, a] of owner.coordinators.entries()) add(`${where}.coordinators[${j}]`, a.span);
  };
  for (const [i, r] of doc.references.entries())
    for (const [j, m] of r.mentions.entries()) add(`references[${i}].mentions[${j}]`, m);
  for (const [i, r] of doc.relations.entries()) add(`relations[${i}].evidence`, r.evidence);
  for (const [i, t] of doc.tasks.entries()) {
    add(`tasks[${i}].span`, t.span);
    agencies(`tasks[${i}]`, t);
    for (const [k, d] of t.duties.entries()) {
      add(`tasks[${i}].duties[${k}].span`, d.span);
      agencies(`tasks[${i}].duties[${k}]`, d);
    }
  }
  for (const [i, w] of doc.warnings.entries()) add(`warnings[${i}] ${w.code}`, w);
  return out;
}

/**
 * Everything wrong with one result, as readable lines (empty when it is sound). extractDocument catches
 * its own exceptions and returns an UNPARSED_TEXT warning "extraction failed (...)": that is a crash too.
 */
function problems(text: string, doc: unknown): string[] {
  const parsed = ExtractedDocument.safeParse(doc);
  if (!parsed.success) return [`schema: ${parsed.error.message}`];
  const out: string[] = [];
  const d = parsed.data;
  for (const w of d.warnings)
    if (w.code === 'UNPARSED_TEXT' && w.message.startsWith('extraction failed'))
      out.push(`crash: ${w.message}`);
  for (const o of offsets(d))
    if (!(o.start >= 0 && o.start <= o.end && o.end <= text.length))
      out.push(`offset out of range: ${o.where} = [${o.start}, ${o.end}) in a text of length ${text.length}`);

  const refIds = new Set(d.references.map((r) => r.id));
  const taskKeys = new Set(d.tasks.map((t) => t.key));
  if (refIds.size !== d.references.length) out.push('reference ids are not unique');
  if (taskKeys.size !== d.tasks.length) out.push('task keys are not unique');
  d.relations.forEach((r, i) => {
    for (const end of [r.from, r.to]) {
      if (end === 'SELF') continue;
      if (end.startsWith('task:')) {
        if (!taskKeys.has(end.slice('task:'.length))) out.push(`relations[${i}]: no task for "${end}"`);
      } else if (!refIds.has(end)) out.push(`relations[${i}]: no reference with id "${end}"`);
    }
  });
  // promulgatedBy names a reference or the document itself ("SELF"), like a relation end.
  d.references.forEach((r, i) => {
    if (r.promulgatedBy !== null && r.promulgatedBy !== 'SELF' && !refIds.has(r.promulgatedBy))
      out.push(`references[${i}].promulgatedBy: no reference with id "${r.promulgatedBy}"`);
  });
  return out;
}

function expectSound(text: string): Extracted {
  const doc = extractDocument(text, { source: 'prop.txt' });
  expect(problems(text, doc)).toEqual([]);
  return doc;
}

/**
 * The result with every offset removed (mention lists become their counts) and every string in NFC:
 * strings copied from the input may keep its normalisation form. Warning messages are left out (they may
 * quote offsets); their codes stay.
 */
function withoutOffsets(doc: Extracted): unknown {
  const strip = (value: unknown): unknown => {
    if (typeof value === 'string') return value.normalize('NFC');
    if (Array.isArray(value)) return value.map(strip);
    if (value === null || typeof value !== 'object') return value;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (k === 'span' || k === 'evidence' || k === 'start' || k === 'end') continue;
      out[k] = k === 'mentions' && Array.isArray(v) ? v.length : strip(v);
    }
    return out;
  };
  return strip({ ...doc, warnings: doc.warnings.map((w) => w.code) });
}

// --- Arbitraries --------------------------------------------------------------------------------

/** Markup and converter noise the normaliser has to blank out, plus line-break variants. */
const NOISE = [
  '**',
  '*',
  '_',
  '__',
  '<sup>1</sup>',
  '<sup>',
  '</sup>',
  '<sup>12345678901</sup>',
  '<br>',
  '<br/>',
  '<b>',
  '</b>',
  '<span style="x">',
  '|',
  '| --- | --- |',
  '---',
  '\r\n',
  '\r',
  '\n',
  '\n\n',
  '\t',
  '# ',
  '###### ',
  '\\',
  '\\-',
  '`',
  '&nbsp;',
  '&amp;',
  '\u200b',
  '\ufeff',
  '\u2060',
  '⁽1⁾',
  '¹',
  '[1]',
  '“',
  '”',
  '(',
  ')',
  ':',
  ';',
  '.',
  ',',
  ' ',
  '/',
  '-',
];

/** Pieces of Vietnamese policy text that reach the header, citation, task, agency and deadline paths. */
const VIETNAMESE = [
  'Số: ',
  'Số: /KH-UBND',
  '167/KH-UBND',
  '57-CTr/TU',
  '04-Ctr/TU',
  '36-NQ/TW',
  '569/QĐ-TTg',
  '202/2025/QH15',
  'ngày 29 tháng 11 năm 2021',
  'ngày tháng 4 năm 2024',
  'ngày 31/6/2022',
  '15/8/2023',
  '31/02/2023',
  'Quảng Ngãi, ',
  'Hà Nội, ngày 05 tháng 01 năm 2024',
  'KẾ HOẠCH',
  'QUYẾT ĐỊNH',
  'CHƯƠNG TRÌNH HÀNH ĐỘNG',
  'I. ',
  'II. NHIỆM VỤ, GIẢI PHÁP',
  'III. TỔ CHỨC THỰC HIỆN',
  'III. ',
  '1. ',
  '1. ',
  '2.1. ',
  'a) ',
  'đ) ',
  'd) ',
  '- ',
  '+ ',
  'Thực hiện ',
  'Căn cứ ',
  'xét đề nghị của ',
  'theo chỉ đạo của ',
  'về việc triển khai thực hiện ',
  'Quyết định số ',
  'Kế hoạch số ',
  'Kết luận 93',
  'Chỉ thị 42',
  'Nghị quyết Trung ương 2 (khóa X)',
  'Chiến lược phát triển khoa học',
  'của Bộ Chính trị',
  'của Ban Bí thư',
  'của Thủ tướng Chính phủ',
  'Ủy ban nhân dân tỉnh Kon Tum',
  "UBND huyện Ia H'Drai",
  'Ban Thường vụ Tỉnh ủy',
  'Sở Khoa học và Công nghệ',
  'phòng Kinh tế - Hạ tầng',
  'các sở, ban, ngành',
  'UBND các huyện, thành phố',
  ' chủ trì, ',
  'phối hợp với ',
  'Cơ quan chủ trì: ',
  'Đơn vị phối hợp: ',
  'Thời gian thực hiện: ',
  'Thường xuyên',
  'Hoàn thành trong quý II/2023',
  'trước ngày 31/3/2022',
  'Định kỳ hàng năm trước ngày 05/12',
  'Bắt đầu từ ngày 18/5/2022',
  '(sau đây gọi tắt là ',
  'Kế hoạch 93',
  'Nơi nhận:',
  'TM. ỦY BAN NHÂN DÂN',
  'KT. CHỦ TỊCH',
  'CHỦ TỊCH',
];

const COMBINING = fc.constantFrom(
  '\u0300',
  '\u0301',
  '\u0302',
  '\u0303',
  '\u0306',
  '\u0309',
  '\u031b',
  '\u0323',
  '\u0308',
  '\u20dd',
);
const LONE_SURROGATE = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const SEED_LINES = [...new Set(SEEDS.flatMap((s) => s.text.split('\n')).filter((l) => l.trim() !== ''))].map(
  (l) => l.slice(0, 300),
);

const AGENCIES = [
  'Sở Khoa học và Công nghệ',
  'Sở Tài chính',
  'Sở Kế hoạch và Đầu tư',
  'Sở Lao động - Thương binh và Xã hội',
  'Phòng Kinh tế và Hạ tầng',
  'phòng Kinh tế - Hạ tầng',
  'UBND các huyện, thành phố',
  'Ủy ban nhân dân các huyện, thị xã, thành phố',
  'Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh',
  'Ban Tuyên giáo Tỉnh ủy',
  'các sở, ban, ngành',
  'các cơ quan, đơn vị liên quan',
];
const DEADLINES = [
  'Thường xuyên',
  'Hằng năm',
  'Năm 2023',
  'Hoàn thành trong quý II/2023',
  'Quý IV/2022',
  'trước ngày 31/3/2022',
  'Trước ngày 31/6/2022.',
  'Định kỳ hàng năm trước ngày 05/12',
  'Định kỳ 6 tháng',
  'Bắt đầu từ ngày 18/5/2022',
  'Giai đoạn 2021-2025',
  'Ngay sau khi Đề án được phê duyệt (sau khi Đề án được phê duyệt)',
];
const HEADINGS = [
  'I. MỤC ĐÍCH, YÊU CẦU',
  'I. NHIỆM VỤ',
  'II. NHIỆM VỤ, GIẢI PHÁP',
  'II. NHIỆM VỤ, GIẢI PHÁP',
  'II. NHIỆM VỤ TRỌNG TÂM',
  'III. GIẢI PHÁP CHỦ YẾU',
  'III. TỔ CHỨC THỰC HIỆN',
  'IV. KINH PHÍ',
  'Phần I',
  'II.',
];
const ITEM_MARKERS = [
  '1. ',
  '2. ',
  '3. ',
  '1. ',
  '10) ',
  '2.1. ',
  '2.1 ',
  'a) ',
  'b) ',
  'đ) ',
  'a) ',
  '- ',
  '+ ',
  '• ',
  '',
];
const LABELS = [
  'Cơ quan chủ trì: ',
  'Đơn vị chủ trì: ',
  'Đơn vị thực hiện: ',
  'Đơn vị phối hợp: ',
  'Cơ quan phối hợp thực hiện: ',
  'Chủ trì: ',
  'Thời gian thực hiện: ',
  'Thời gian hoàn thành: ',
  'Tiến độ: ',
  'Sản phẩm: ',
];

/** Vietnamese-looking units with noise: each has a single NFC form, so NFC and NFD inputs must agree. */
const vietnameseUnit = fc.oneof(
  { arbitrary: fc.constantFrom(...VIETNAMESE), weight: 6 },
  { arbitrary: fc.constantFrom(...AGENCIES), weight: 2 },
  { arbitrary: fc.constantFrom(...DEADLINES), weight: 1 },
  { arbitrary: fc.constantFrom(...NOISE), weight: 4 },
  { arbitrary: fc.constantFrom(...SEED_LINES), weight: 2 },
  { arbitrary: COMBINING, weight: 1 },
);

/** Anything: every code point (astral too), lone surrogates, combining marks, and the units above. */
const anyUnit = fc.oneof(
  { arbitrary: vietnameseUnit, weight: 6 },
  { arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 4 }), weight: 2 },
  { arbitrary: COMBINING, weight: 1 },
  { arbitrary: LONE_SURROGATE, weight: 1 },
);

/**
 * Text shaped like a plan: an optional header, then headings, numbered and lettered items, labelled
 * lines (lead, coordinators, deadline) and free lines, all made of `unit`s, so that the outline, task,
 * agency and deadline paths run and not just the "nothing found" path.
 */
function planOf(unit: fc.Arbitrary<string>): fc.Arbitrary<string> {
  const words = fc.array(unit, { maxLength: 8 }).map((parts) => parts.join(''));
  const line = fc.oneof(
    { arbitrary: fc.constantFrom(...HEADINGS), weight: 1 },
    { arbitrary: fc.tuple(fc.constantFrom(...ITEM_MARKERS), words).map(([m, w]) => m + w), weight: 6 },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom('', '- ', '+ ', '- *'),
          fc.constantFrom(...LABELS),
          fc.constantFrom(...AGENCIES, ...DEADLINES),
          words,
        )
        .map((parts) => parts.join('')),
      weight: 4,
    },
    {
      arbitrary: fc
        .tuple(
          fc.constantFrom(...AGENCIES),
          fc.constantFrom(' chủ trì, phối hợp với ', ' chủ trì; ', ' tham mưu '),
          fc.constantFrom(...AGENCIES),
          words,
        )
        .map((parts) => parts.join('')),
      weight: 2,
    },
    { arbitrary: words, weight: 3 },
  );
  const section = fc
    .tuple(fc.constantFrom(...HEADINGS), fc.array(line, { maxLength: 15 }))
    .map(([heading, lines]) => [heading, ...lines]);
  const header = fc.constantFrom(
    '',
    'Số: 167/KH-UBND\nQuảng Ngãi, ngày 29 tháng 11 năm 2021\nKẾ HOẠCH\n',
    'KẾ HOẠCH\nThực hiện Kết luận số 93-KL/TW ngày 20/11/2020 của Ban Bí thư\n',
  );
  return fc
    .tuple(header, words, fc.array(section, { maxLength: 4 }), fc.constantFrom('\n', '\r\n', '\n\n'))
    .map(([head, preamble, sections, eol]) => head + [preamble, ...sections.flat()].join(eol));
}

const flat = (unit: fc.Arbitrary<string>) =>
  fc.array(unit, { maxLength: 150 }).map((parts) => parts.join(''));

const vietnameseText = fc.oneof(planOf(vietnameseUnit), flat(vietnameseUnit));
const anyText = fc.oneof(
  { arbitrary: planOf(anyUnit), weight: 3 },
  { arbitrary: flat(anyUnit), weight: 2 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 300 }), weight: 1 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }), weight: 1 },
);

// --- Properties ---------------------------------------------------------------------------------

/** Inputs these properties once failed on, kept as examples: one row per bug, with what went wrong. */
const FOUND: [string][] = [
  // A symbol glued to the next word: relation evidence started after its end ([25, 23)).
  ['57-CTr/TU của 04-Ctr/TUSố'],
  // The same, after an issuer phrase ending a line, with a lone surrogate glued on ([81, 80)).
  ['KẾ HOẠCH\nThực hiện Kết luận số 93-KL/TW ngày 20/11/2020 của Ban Bí thư\n04-Ctr/TU\ud800'],
  // The same with an agency glued to the symbol ([105, 81)).
  [
    'KẾ HOẠCH\nThực hiện Kết luận số 93-KL/TW ngày 20/11/2020 của Ban Bí thư\n569/QĐ-TTgSở Khoa học và Công nghệ',
  ],
];

describe('extractDocument on arbitrary text', () => {
  it('never crashes; output is schema-valid, offsets in range, relation ends exist', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expectSound(text);
      }),
      {
        numRuns: runs(1000),
        examples: [[''], ['\r\n'], ['\u0301'], ['\ud800'], ['<sup>1</sup>'], ['**|**'], ...FOUND],
      },
    );
  });

  it('gives the same result for NFD as for NFC input, offsets aside', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        const nfc = expectSound(text.normalize('NFC'));
        const nfd = expectSound(text.normalize('NFD'));
        expect(withoutOffsets(nfd)).toEqual(withoutOffsets(nfc));
      }),
      { numRuns: runs(400) },
    );
  });
});

describe.each(SEEDS)('seed $name, mangled', ({ text }) => {
  const lines = text.split('\n');

  it('is sound in full', () => {
    const doc = expectSound(text);
    // A seed that yields nothing means the pipeline is not wired: the properties below would prove little.
    expect(doc.tasks.length + doc.references.length).toBeGreaterThan(0);
  });

  it('is sound when truncated anywhere', () => {
    fc.assert(
      fc.property(fc.nat({ max: text.length }), (cut) => {
        expectSound(text.slice(0, cut));
      }),
      { numRuns: runs(60) },
    );
  });

  it('is sound with its lines shuffled', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(lines, { minLength: lines.length }),
        fc.constantFrom('\n', '\r\n'),
        (shuffled, eol) => {
          expectSound(shuffled.join(eol));
        },
      ),
      { numRuns: runs(30) },
    );
  });

  it('gives the same result for NFD as for NFC input, offsets aside (any prefix)', () => {
    fc.assert(
      fc.property(fc.nat({ max: text.length }), (cut) => {
        const part = text.slice(0, cut);
        const nfc = expectSound(part.normalize('NFC'));
        const nfd = expectSound(part.normalize('NFD'));
        expect(withoutOffsets(nfd)).toEqual(withoutOffsets(nfc));
      }),
      { numRuns: runs(20), examples: [[text.length]] },
    );
  });
});
