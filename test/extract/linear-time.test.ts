// Extraction takes time linear in its input: a shape repeated 4n times takes about four times as long as n
// repeats, never the sixteen times a per-mention scan of the text gives. Each shape is one a hostile or broken
// input takes (a citation pasted thousands of times, a paragraph without line breaks, parentheses that never
// close …); fast-check picks the words and separators of each.
//
// Times are CPU times of this process (process.cpuUsage: other processes on a loaded machine do not count), each
// run from a collected heap; n is timed as the median of three runs, 4n by one run when that is clearly within
// the limit, else by the median of three; a ratio past the limit is measured again at twice the size before it
// counts. n is sized so the file spends a few seconds of CPU. A quadratic stage fails here by its ratio (or, far
// slower, by the test's time limit).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/pipeline/extract-document.ts';

/** Above this, doubling the input twice more than quadruples the work: not linear. */
const MAX_RATIO = 6;
const RUNS = 2;

const HEAD =
  'ỦY BAN NHÂN DÂN\nTỈNH KON TUM\nSố: 12/KH-UBND\nKon Tum, ngày 3 tháng 5 năm 2023\nKẾ HOẠCH\n' +
  'Triển khai thực hiện Nghị quyết số 36-NQ/TW\n' +
  'Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị, UBND tỉnh ban hành Kế hoạch như sau:\n' +
  'III. NHIỆM VỤ, GIẢI PHÁP\n';

const repeat = (n: number, piece: (i: number) => string, sep: string) =>
  Array.from({ length: n }, (_, i) => piece(i)).join(sep);

const citation = fc.constantFrom(
  'Nghị quyết số 36-NQ/TW',
  'Kế hoạch số 12/KH-UBND',
  'Quyết định số 569/QĐ-TTg',
  'Chương trình số 57-CTr/TU',
);
const words = fc.constantFrom('về phát triển', 'ngày 30/01/2023', 'của Bộ Chính trị về', 'thực hiện', '');
const separator = fc.constantFrom(' ', '\n', ', ', '; ');
const agency = fc.constantFrom(
  'Sở Tài chính',
  'Sở Nội vụ',
  'Sở Kế hoạch và Đầu tư',
  'Phòng Kinh tế và Hạ tầng',
);
const deadline = fc.constantFrom(
  'hoàn thành trước ngày 31/3/2022',
  'hoàn thành trong quý II/2023',
  'định kỳ hằng năm trước ngày 05/12 báo cáo',
);

// Each run starts from a collected heap, so that garbage left by the run before is not collected in this one.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

/** Milliseconds of CPU this process spent extracting `text`. */
function timeOf(text: string): number {
  collect();
  const start = process.cpuUsage();
  extractDocument(text);
  const spent = process.cpuUsage(start);
  return (spent.user + spent.system) / 1000;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

/** Below this a run is too short to time well: n is doubled (from the n given, at most three times) to reach it. */
const MIN_MS = 10;

/**
 * Time of 4n over time of n. n: the median of three runs after a warm-up; 4n: one run when it is well within the
 * limit, else the median of three (two past the limit end it).
 */
function growth(make: (n: number) => string, n0: number) {
  let n = n0;
  while (n < 8 * n0 && timeOf(make(n)) < MIN_MS) n *= 2;
  const smallText = make(n);
  const largeText = make(4 * n);
  const small = median([timeOf(smallText), timeOf(smallText), timeOf(smallText)]);
  const limit = MAX_RATIO * small;
  const large = [timeOf(largeText)];
  if ((large[0] as number) >= 0.75 * limit) {
    large.push(timeOf(largeText));
    if (!large.every((t) => t > limit)) large.push(timeOf(largeText));
  }
  const l = median(large.length === 2 ? [...large, Math.max(...large)] : large);
  return { n, small, large: l, ratio: l / small };
}

/** A property over the shape's variants: the time of 4n repeats stays within MAX_RATIO of n repeats. */
function linear<T>(variant: fc.Arbitrary<T>, make: (v: T, n: number) => string, n: number) {
  fc.assert(
    fc.property(variant, (v) => {
      let g = growth((k) => make(v, k), n);
      let said = `n=${g.n}: ${g.small.toFixed(1)} ms, 4n: ${g.large.toFixed(1)} ms (×${g.ratio.toFixed(2)})`;
      // A ratio past the limit is measured once more at twice the size: tens of milliseconds on a loaded machine
      // can read 6× by noise, while a per-mention scan only grows further apart (9–19× at these sizes).
      if (g.ratio >= MAX_RATIO) {
        g = growth((k) => make(v, k), 2 * g.n);
        said += `; again at n=${g.n}: ${g.small.toFixed(1)} ms, 4n: ${g.large.toFixed(1)} ms (×${g.ratio.toFixed(2)})`;
      }
      if (process.env.LINEAR_TIME_LOG) console.log(said);
      expect(g.ratio, said).toBeLessThan(MAX_RATIO);
    }),
    { numRuns: RUNS, endOnFailure: true },
  );
}

describe('extraction time is linear in the input', () => {
  it('one citation repeated, joined by spaces, line breaks or commas', () => {
    linear(fc.tuple(citation, words, separator), ([c, w, sep], n) => repeat(n, () => `${c} ${w}`, sep), 2000);
  });

  it('one task line repeated under one item (the same letter each time)', () => {
    linear(
      fc.tuple(
        fc.constantFrom('Thực hiện.', 'Tổ chức tuyên truyền.', 'Báo cáo kết quả.'),
        fc.constantFrom('a)', 'b)', 'đ)'),
      ),
      ([line, marker], n) => `${HEAD}1. Nhiệm vụ\n${repeat(n, () => `${marker} ${line}`, '\n')}`,
      1200,
    );
  });

  it('an agency list repeated in one task heading, leads then coordinators', () => {
    linear(
      fc.tuple(agency, agency, fc.constantFrom('Sở Văn hóa, Thể thao và Du lịch', 'Sở Y tế')),
      ([a, b, c], n) =>
        `${HEAD}1. ${repeat(n, (i) => (i % 2 === 0 ? a : b), ', ')}: phối hợp với ${repeat(n, () => c, ', ')}`,
      700,
    );
  });

  it('a text with no line breaks: one paragraph of citations and clauses', () => {
    linear(
      fc.tuple(citation, fc.constantFrom('Căn cứ', 'Thực hiện', 'Theo đề nghị của Sở Nội vụ tại')),
      ([c, lead], n) =>
        repeat(
          n,
          (i) => `${lead} ${c.replace(/\d+/, String((i % 97) + 1))}, UBND tỉnh ban hành kế hoạch`,
          ' ',
        ),
      800,
    );
  });

  it('nested parentheses that close only at the end, and restating parentheses', () => {
    linear(
      fc.tuple(citation, fc.boolean()),
      ([c, nested], n) =>
        nested
          ? `${repeat(n, () => `(${c} `, '')}${')'.repeat(n)}`
          : repeat(n, () => `${c} ngày 11/5/2022 (${c}) ban hành`, ' '),
      1000,
    );
  });

  it('deadlines repeated in one task, each naming the plan it follows', () => {
    linear(
      fc.tuple(deadline, citation, fc.constantFrom('; ', ', ')),
      ([d, c, sep], n) =>
        `${HEAD}1. Nhiệm vụ\nSở Tài chính chủ trì, ${repeat(n, () => `${d} theo ${c}`, sep)}.`,
      800,
    );
  });

  it('validity verbs repeated: acts, a list the clause opens, and verbs with their object far away', () => {
    linear(
      fc.tuple(
        citation,
        fc.constantFrom('act', 'list', 'far'),
        fc.constantFrom('thay thế', 'sửa đổi, bổ sung', 'bãi bỏ'),
      ),
      ([c, shape, verb], n) => {
        if (shape === 'act') return `${HEAD}${repeat(n, () => `Quyết định này ${verb} ${c}`, '. ')}.`;
        if (shape === 'list')
          return `${HEAD}2. Các văn bản sau đây hết hiệu lực kể từ ngày Quyết định này có hiệu lực:\n${repeat(n, () => `a) Điều 3 ${c} ngày 30/01/2023;`, '\n')}`;
        return `${HEAD}Điều 2. ${repeat(n, () => `Quyết định này ${verb}`, ' ')} ${c}`;
      },
      1000,
    );
  });
});
