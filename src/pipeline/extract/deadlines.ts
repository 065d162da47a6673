// Extract (deadlines): "Thường xuyên", "Hoàn thành trong quý II/2023", "trước ngày 31/3/2022",
// "Định kỳ hàng năm trước ngày 05/12", "Bắt đầu ... 18/5/2022". Impossible dates stay as written, invalid.
import type { Deadline } from '../../model/extraction.ts';
import { fold as foldText } from '../../text/fold.ts';
import { daysInMonth, findDates } from './dates.ts';

const QUARTER = /quy\s+(iv|iii|ii|i|[1-4])\s*(?:\/|nam|-)\s*((?:19|20)\d{2})/;
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };
// "6 tháng" alone is a span ("trong 6 tháng đầu năm 2024"); "định kỳ 6 tháng", "6 tháng một lần" recur.
const RECURRING_WORDS =
  /(dinh ky|hang nam|moi nam|hang quy|moi quy|cuoi quy|hang thang|moi thang|(?:6|sau) thang (?:mot lan|\/\s*lan))/;
const DAY_MONTH =
  /(?:truoc|den|vao|tu) ngay\s*(\d{1,2})\s*(?:\/|-|thang)\s*(\d{1,2})(?!\s*(?:\/|-|nam)\s*\d)(?!\d)/;
const ONGOING = /(thuong xuyen|lien tuc|duy tri)/;
const START = /(bat dau|tu ngay|khoi dong|khoi cong)/;
const YEAR_ONLY = /(?:nam|trong nam|truoc nam|den nam)\s+((?:19|20)\d{2})(?!\s*-)/;
const PERIOD = /((?:19|20)\d{2})\s*-\s*((?:19|20)\d{2})/;

function recurrence(f: string): Deadline['recurrence'] {
  // "trước ngày 20 của tháng cuối quý" is quarterly: the quarter decides before the month does.
  if (/(?<![a-z])(hang quy|moi quy|cuoi quy|dau quy)/.test(f)) return 'QUARTERLY';
  if (/(?<![a-z])(hang thang|moi thang)/.test(f)) return 'MONTHLY';
  if (/(?<![a-z])(6|sau) thang/.test(f)) return 'HALF_YEARLY';
  return 'YEARLY';
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Parses a deadline text; never throws. `folded` (the text's fold, when the caller has it) saves a pass. */
export function parseDeadline(text: string, folded?: string): Deadline {
  const multi = /\s\s|[\t\n]/.test(text);
  const shown = multi ? text.replace(/\s+/g, ' ').trim() : text.trim();
  const f =
    folded !== undefined && !multi && shown.length === folded.trim().length ? folded.trim() : foldText(shown);
  const dates = findDates(f, shown).map((d) => d.date);
  const condition = /\(([^()]{5,300})\)/.exec(shown)?.[1]?.trim() ?? null;
  const base = { text: shown, dates, condition };

  const q = QUARTER.exec(f);
  if (q) {
    const n = ROMAN[q[1] as string] ?? Number(q[1]);
    return { ...base, kind: 'BY_QUARTER', value: `${q[2]}-Q${n}`, valid: true, recurrence: null };
  }
  if (START.test(f) && dates.length > 0) {
    const first = dates[0] as Deadline['dates'][number];
    return { ...base, kind: 'START', value: first.value, valid: first.valid, recurrence: null };
  }
  const dm = DAY_MONTH.exec(f);
  if (RECURRING_WORDS.test(f) && (dates.length === 0 || dm)) {
    let value: string | null = null;
    let valid = true;
    if (dm) {
      const day = Number(dm[1]);
      const month = Number(dm[2]);
      valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(2024, month);
      value = valid ? `--${pad(month)}-${pad(day)}` : null;
    }
    return { ...base, kind: 'RECURRING', value, valid, recurrence: recurrence(f) };
  }
  if (dates.length > 0) {
    const first = dates[0] as Deadline['dates'][number];
    return { ...base, kind: 'BY_DATE', value: first.value, valid: first.valid, recurrence: null };
  }
  if (ONGOING.test(f)) return { ...base, kind: 'ONGOING', value: null, valid: true, recurrence: null };
  const y = YEAR_ONLY.exec(f);
  if (y) return { ...base, kind: 'BY_DATE', value: y[1] as string, valid: true, recurrence: null };
  const p = PERIOD.exec(f);
  if (p) return { ...base, kind: 'ONGOING', value: null, valid: true, recurrence: null };
  return { ...base, kind: 'UNKNOWN', value: null, valid: true, recurrence: null };
}

/** A recurring reporting duty inside running text ("Định kỳ hàng năm trước ngày 05/12 ... báo cáo"). */
export function findRecurringDuty(text: string, folded?: string): Deadline | null {
  const f = folded ?? foldText(text);
  if (!/dinh ky|hang nam|truoc ngay|vao ngay/.test(f)) return null;
  const re =
    /(dinh ky|hang nam|hang nam)[^.;]{0,160}?(?:truoc|vao) ngay\s*\d{1,2}\s*(?:\/|-|thang)\s*\d{1,2}|(?:truoc|vao) ngay\s*\d{1,2}\s*(?:\/|-|thang)\s*\d{1,2}[^.;]{0,40}?(hang nam|hang nam|dinh ky)/;
  const m = re.exec(f);
  if (m && /bao cao/.test(f)) {
    const d = parseDeadline(text.slice(m.index, m.index + m[0].length));
    if (d.kind === 'RECURRING') return { ...d, text: text.slice(m.index, m.index + m[0].length).trim() };
  }
  const plain = /dinh ky(?: hang nam| hang nam| hang quy| hang thang| 6 thang)?[^.;]{0,80}?bao cao/.exec(f);
  if (plain) {
    const t = text.slice(plain.index, plain.index + plain[0].length).trim();
    return {
      text: t,
      kind: 'RECURRING',
      value: null,
      valid: true,
      recurrence: recurrence(plain[0]),
      dates: [],
      condition: null,
    };
  }
  return null;
}

const INLINE_LABEL = /(?:thoi gian|thoi han|tien do)(?: thuc hien| hoan thanh)?\s*:\s*([^.;\n]+)/;
const INLINE_RECURRING =
  /(?<![a-z])(?:dinh ky|hang nam|moi nam|hang quy|moi quy|cuoi quy|hang thang|moi thang|(?:6|sau) thang (?:mot lan|\/\s*lan))/;
const INLINE_BY =
  /(?<![a-z])(?:hoan thanh (?:trong|truoc|vao|cham nhat)|truoc ngay|cham nhat (?:truoc |vao )?ngay)/;

/**
 * The deadline written inside a mandate's sentences: a labelled time ("… thực hiện. Thời gian hoàn thành:
 * trước ngày 30/6/2024."), a recurrence ("báo cáo định kỳ 6 tháng", "hằng năm trước ngày 15/12"), or a
 * term ("; hoàn thành trong quý III/2024", "báo cáo kết quả trước ngày 15/12/2024"). Null when none.
 */
export function findInlineDeadline(text: string, folded?: string): Deadline | null {
  const f = folded ?? foldText(text);
  const label = INLINE_LABEL.exec(f);
  if (label) {
    const value = label[1] as string;
    const at = label.index + label[0].length - value.length;
    const d = parseDeadline(text.slice(at, at + value.length), value);
    if (d.kind !== 'UNKNOWN') return d;
  }
  // The clause around a time word: between the nearest ".", ";" or line break on either side.
  const clause = (at: number): Deadline => {
    const before = Math.max(f.lastIndexOf('.', at), f.lastIndexOf(';', at), f.lastIndexOf('\n', at));
    const ends = ['.', ';', '\n'].map((c) => f.indexOf(c, at)).filter((k) => k >= 0 && !isDatePoint(f, k));
    const end = ends.length > 0 ? Math.min(...ends) : f.length;
    const start = before >= 0 && !isDatePoint(f, before) ? before + 1 : 0;
    return parseDeadline(text.slice(start, end), f.slice(start, end));
  };
  const rec = INLINE_RECURRING.exec(f);
  if (rec) {
    // "chương trình công tác hằng năm" is a yearly programme, not a due date, and a bare "định kỳ"
    // ("định kỳ chủ động kiểm tra") names no period: a recurring duty reports, sends or falls due on a day,
    // or says "định kỳ" with its period.
    const d = clause(rec.index);
    const c = foldText(d.text);
    const due = /(?<![a-z])(?:bao cao|gui|truoc ngay|vao ngay)/.test(c);
    const period = /(?<![a-z])(?:hang|moi|cuoi|6|sau) (?:nam|quy|thang)/.test(c);
    if (d.kind === 'RECURRING' && (due || (period && /(?<![a-z])dinh ky/.test(c)))) return d;
  }
  const by = INLINE_BY.exec(f);
  if (by) {
    const d = clause(by.index);
    if (d.kind !== 'UNKNOWN') return d;
  }
  return null;
}

/** A "." inside a date ("30.01.2023") or a number, not a sentence end. */
function isDatePoint(f: string, k: number): boolean {
  return f.charAt(k) === '.' && /\d/.test(f.charAt(k - 1)) && /\d/.test(f.charAt(k + 1));
}
