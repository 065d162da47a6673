// API support: task deadlines as dates — the last day a deadline allows, and the date criteria of mandate filters.
import type { TaskNode } from '../model/graph.ts';
import { apiError } from './errors.ts';
import type { DeadlineView } from './mappers.ts';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day "YYYY-MM-DD" (2022-06-31 is not one), else null. */
export function parseDay(text: string): string | null {
  const m = ISO_DAY.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null;
  return text;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Last day allowed by a BY_DATE / BY_QUARTER value of any precision; null for other kinds or an impossible date. */
export function dueBy(kind: string | null, value: string | null, valid: boolean): string | null {
  if (!valid || value === null) return null;
  if (kind === 'BY_DATE') {
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return parseDay(value);
    const month = /^(\d{4})-(\d{2})$/.exec(value);
    if (month) {
      const [y, mo] = [Number(month[1]), Number(month[2])];
      return mo >= 1 && mo <= 12 ? `${month[1]}-${month[2]}-${pad(daysInMonth(y, mo))}` : null;
    }
    return /^\d{4}$/.test(value) ? `${value}-12-31` : null;
  }
  if (kind === 'BY_QUARTER') {
    const q = /^(\d{4})-Q([1-4])$/.exec(value);
    if (!q) return null;
    const endMonth = Number(q[2]) * 3;
    return `${q[1]}-${pad(endMonth)}-${pad(daysInMonth(Number(q[1]), endMonth))}`;
  }
  return null;
}

export function deadlineOf(task: TaskNode): DeadlineView | null {
  if (task.deadlineKind === null) return null;
  return {
    kind: task.deadlineKind,
    text: task.deadlineText,
    value: task.deadlineValue,
    valid: task.deadlineValid,
    dueBy: dueBy(task.deadlineKind, task.deadlineValue, task.deadlineValid),
    dates: task.deadlineDates,
    condition: task.deadlineCondition,
    recurrence: task.deadlineRecurrence,
  };
}

export interface DateCriteria {
  /** Exclusive upper bound on the due-by day. */
  before: string | null;
  /** Exclusive lower bound. */
  after: string | null;
}

export function dateCriteria(f: {
  dueBefore?: string | null;
  dueAfter?: string | null;
  overdueOn?: string | null;
}): DateCriteria | null {
  const uppers = [f.dueBefore, f.overdueOn].filter((d): d is string => typeof d === 'string');
  const before = uppers.length > 0 ? (uppers.sort()[0] ?? null) : null;
  const after = f.dueAfter ?? null;
  if (before === null && after === null) return null;
  if (before !== null && after !== null && after >= before)
    throw apiError('BAD_USER_INPUT', `dueAfter (${after}) must be before ${before}`);
  return { before, after };
}

export type DateVerdict = 'MATCH' | 'NO_MATCH' | 'INVALID';

/** Whether a task's deadline meets the criteria; an impossible date cannot be compared and is INVALID (reported, not dropped). */
export function judgeDeadline(task: TaskNode, c: DateCriteria): DateVerdict {
  if (task.deadlineKind !== null && !task.deadlineValid) return 'INVALID';
  const due = dueBy(task.deadlineKind, task.deadlineValue, task.deadlineValid);
  if (due === null) return 'NO_MATCH';
  if (c.before !== null && !(due < c.before)) return 'NO_MATCH';
  if (c.after !== null && !(due > c.after)) return 'NO_MATCH';
  return 'MATCH';
}
