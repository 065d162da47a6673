// Extract (dates): Vietnamese dates in numeric and spelled-out forms. Blank parts give a coarser
// precision ("ngày  tháng 4 năm 2024" → "2024-04"); impossible dates keep their text, value null, valid false.
import type { DateValue } from '../../model/extraction.ts';

export interface DateMatch {
  start: number;
  end: number;
  date: DateValue;
}

const NUMERIC = /(?<![\d/])(\d{1,2})\s?[/.-]\s?(\d{1,2})\s?[/.-]\s?((?:19|20)\d{2})(?![\d/])/y;
// "ngày 03 tháng 12 năm 2020", "ngày  tháng 4 năm 2024", "tháng 4/2024", "ngày ... tháng ... năm 2024".
// A wrapped line may fall anywhere inside a spelled-out date ("ngày 30 tháng 01\nnăm 2023").
const SPELLED =
  /(?:ngay\s*(\d{1,2}|[._…]*)[\s,]*)?thang\s*(\d{1,2}|[._…]*)[\s,]*(?:nam\s*|\/\s?)((?:19|20)\d{2})(?!\d)/y;
const MONTH_YEAR = /(?<![\d/])(\d{1,2})\/((?:19|20)\d{2})(?![\d/])/y;

const pad = (n: number) => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Builds a DateValue from parts; missing day or month lowers the precision. */
export function dateValue(text: string, year: number, month?: number, day?: number): DateValue {
  if (month === undefined) return { text, value: String(year), valid: true };
  if (month < 1 || month > 12) return { text, value: null, valid: false };
  if (day === undefined) return { text, value: `${year}-${pad(month)}`, valid: true };
  if (day < 1 || day > daysInMonth(year, month)) return { text, value: null, valid: false };
  return { text, value: `${year}-${pad(month)}-${pad(day)}`, valid: true };
}

const num = (s: string | undefined) => (s && /^\d+$/.test(s) ? Number(s) : undefined);

/**
 * A date starting at `at` (leading spaces allowed) on the folded text; `text` gives the display slice.
 * Accepts "ngày" before a numeric date too.
 */
export function dateAt(fold: string, text: string, at: number): DateMatch | null {
  let i = at;
  while (i < fold.length && (fold[i] === ' ' || fold[i] === '\t')) i++;
  const attempt = (re: RegExp, from: number) => {
    re.lastIndex = from;
    return re.exec(fold);
  };
  let m = attempt(SPELLED, i);
  if (m) {
    const day = num(m[1]);
    const month = num(m[2]);
    const year = Number(m[3]);
    const end = i + m[0].length;
    const shown = text.slice(i, end).trim();
    return { start: i, end, date: dateValue(shown, year, month, month === undefined ? undefined : day) };
  }
  const afterNgay = /^ngay\s*/.exec(fold.slice(i, i + 8));
  const j = afterNgay ? i + afterNgay[0].length : i;
  m = attempt(NUMERIC, j);
  if (m) {
    const end = j + m[0].length;
    return {
      start: i,
      end,
      date: dateValue(text.slice(i, end).trim(), Number(m[3]), Number(m[2]), Number(m[1])),
    };
  }
  m = attempt(MONTH_YEAR, j);
  if (m && afterNgay === null) {
    const end = j + m[0].length;
    return { start: i, end, date: dateValue(text.slice(i, end).trim(), Number(m[2]), Number(m[1])) };
  }
  return null;
}

const ANY_DATE =
  /ngay[ \t]*(?:\d{1,2}|[._…]*)[ \t,]*thang|thang[ \t]*\d{1,2}[ \t,]*(?:nam|\/)|\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4}/g;

/** Every date in fold[from, to). */
export function findDates(fold: string, text: string, from = 0, to = fold.length): DateMatch[] {
  const out: DateMatch[] = [];
  const slice = fold.slice(0, to);
  ANY_DATE.lastIndex = from;
  for (let m = ANY_DATE.exec(slice); m; m = ANY_DATE.exec(slice)) {
    const d = dateAt(slice, text, m.index);
    if (d) {
      out.push(d);
      ANY_DATE.lastIndex = d.end;
    }
  }
  return out;
}
