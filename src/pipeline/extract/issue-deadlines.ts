// Extract (issue deadlines): the time a document gives its addressees for issuing their own implementing
// documents — "Các tỉnh ủy, thành ủy … xây dựng chương trình hành động … trong thời hạn 60 ngày kể từ ngày ký",
// "UBND các tỉnh ban hành kế hoạch thực hiện trước ngày 30/6/2023". A time limit counts only in a sentence that
// asks for a programme, plan or scheme to be built or issued: a report due "trước ngày 15/12" is not one.
// Linear: each limit found looks at its own sentence only (bounded), never back over the whole text.
import type { IssueDeadline } from '../../model/extraction.ts';
import type { NormalizedText } from '../normalize.ts';
import { dateAt } from './dates.ts';

/** "trong thời hạn 60 ngày", "trong vòng 30 ngày làm việc", "chậm nhất 45 ngày". */
const DAYS =
  /\b(?:trong (?:thoi han|vong|thoi gian)|cham nhat(?: la)?(?: trong vong)?|khong qua) (\d{1,3}) ngay( lam viec)?/g;
/** "trước ngày 30/6/2023", "chậm nhất trước ngày …", "hạn cuối là ngày …"; "trong tháng 01/2021" (the month's end). */
const BY = /\b(?:truoc|cham nhat(?: la)?(?: truoc| vao)?|han cuoi(?: la)?|trong) (?=ngay|thang)/g;
/**
 * The sentence asks for an implementing document to be built or issued: a verb, a programme, plan or scheme
 * (not "Bộ Kế hoạch và Đầu tư"), and what it is for ("hành động", "thực hiện", "triển khai").
 */
const ISSUE =
  /\b(?:xay dung|ban hanh|trien khai xay dung|cu the hoa|hoan thanh viec xay dung|hoan thien)\b[^.;]{0,80}?\b(?:chuong trinh|ke hoach|de an)\b(?! va dau tu| tai chinh| dau tu)[^.;]{0,60}?\b(?:hanh dong|thuc hien|trien khai)\b/;
/** Who the sentence addresses, before its verb. */
const ADDRESSEE =
  /\b(?:tinh uy|thanh uy|uy ban nhan dan|ubnd|cac bo|bo nganh|cac tinh|ban can su|dang doan|dang uy|cap uy|dia phuong|huyen uy|quan uy|thi uy|cac co quan|cac don vi)\b/;
const VERB = /\b(?:xay dung|ban hanh|trien khai xay dung|cu the hoa|hoan thanh viec xay dung)\b/;
/** Farthest a sentence is looked for on either side of a limit (real sentences are far shorter). */
const SENTENCE_REACH = 600;

/** The sentence around [start, end): from after the last stop before it to the next stop after it. */
function sentenceAround(fold: string, start: number, end: number): { from: number; to: number } {
  const floor = Math.max(0, start - SENTENCE_REACH);
  let from = start;
  while (from > floor) {
    const c = fold[from - 1];
    if (c === '.' || c === ';' || c === '\n' || c === ':') break;
    from--;
  }
  const ceiling = Math.min(fold.length, end + SENTENCE_REACH);
  let to = end;
  while (to < ceiling) {
    const c = fold[to];
    if (c === '.' || c === ';' || c === '\n') break;
    to++;
  }
  return { from, to };
}

function addresseesOf(n: NormalizedText, from: number, to: number): string | null {
  const verb = VERB.exec(n.fold.slice(from, to));
  if (verb === null) return null;
  const before = n.fold.slice(from, from + verb.index);
  if (!ADDRESSEE.test(before)) return null;
  const shown = n.text
    .slice(from, from + verb.index)
    .replace(/^[\s\-–+*•\d.)]+/, '')
    .replace(/[\s,]+$/, '')
    .trim();
  return shown.length > 0 ? shown : null;
}

export function findIssueDeadlines(n: NormalizedText): IssueDeadline[] {
  const out: IssueDeadline[] = [];
  const seen = new Set<number>();
  const add = (start: number, end: number, limit: Pick<IssueDeadline, 'days' | 'workingDays' | 'by'>) => {
    const { from, to } = sentenceAround(n.fold, start, end);
    if (seen.has(from) || !ISSUE.test(n.fold.slice(from, to))) return;
    seen.add(from);
    out.push({
      text: n.text.slice(from, to).replace(/\s+/g, ' ').trim(),
      ...limit,
      addressees: addresseesOf(n, from, to),
      span: { start: n.toOriginal(start), end: n.toOriginal(end) },
    });
  };
  DAYS.lastIndex = 0;
  for (let m = DAYS.exec(n.fold); m; m = DAYS.exec(n.fold)) {
    add(m.index, m.index + m[0].length, { days: Number(m[1]), workingDays: m[2] !== undefined, by: null });
  }
  BY.lastIndex = 0;
  for (let m = BY.exec(n.fold); m; m = BY.exec(n.fold)) {
    const date = dateAt(n.fold, n.text, m.index + m[0].length);
    if (date === null) continue;
    add(m.index, date.end, { days: null, workingDays: false, by: date.date });
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
