// Query (timeliness): how promptly each unit of a level issued its documents implementing a central one — the lag
// in days from the central document's date to the unit's first implementing document, judged against the time the
// central text gave for issuing them when it states one ("trong thời hạn 60 ngày", "trước ngày 30/6/2023"), and
// who is late or silent. Pure: the caller brings the root, its stated limits and the coverage's documents.
import type { IssueDeadline, Level } from '../model/extraction.ts';
import type { DocumentNode } from '../model/graph.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { coverageUnits, type Era } from './coverage-units.ts';

export type TimelinessStatus =
  /** The first document came by the due date. */
  | 'ON_TIME'
  /** The first document came after the due date. */
  | 'LATE'
  /** Documents came, and the root states no time to judge them by. */
  | 'ISSUED'
  /** Documents came, none with a full date. */
  | 'UNDATED'
  /** Nothing yet, and the due date (if any) has not passed on the day asked about. */
  | 'SILENT'
  /** Nothing, and the due date has passed. */
  | 'SILENT_OVERDUE';

export interface StatedLimit extends IssueDeadline {
  /** The last day allowed, when it can be told (days need the root's full date). */
  dueBy: string | null;
}

export interface UnitTimeliness {
  unit: string;
  status: TimelinessStatus;
  /** Days from the root's date to the first document. */
  lagDays: number | null;
  /** Days past the due date: of the first document (LATE), or of the day asked about (SILENT_OVERDUE). */
  daysLate: number | null;
  first: DocumentNode | null;
  /** The unit's implementing documents, dated ones first by date. */
  documents: DocumentNode[];
}

export interface Timeliness {
  root: DocumentNode;
  rootDate: string | null;
  asOf: string;
  limits: StatedLimit[];
  /** The due date the units are judged by: the earliest stated one. */
  dueBy: string | null;
  units: UnitTimeliness[];
  counts: Record<TimelinessStatus, number>;
  /** Median lag of the units that issued a dated document. */
  medianLagDays: number | null;
}

const DAY_MS = 86_400_000;

/** Today in Vietnam (UTC+7): the day silence is judged on by default. */
export function todayInVietnam(now = Date.now()): string {
  return new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
}
const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;

const toDay = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const toIso = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** The last day of a partial ISO date: "2023-06" → "2023-06-30", "2023" → "2023-12-31". */
function endOf(value: string): string {
  if (FULL_DATE.test(value)) return value;
  if (/^\d{4}-\d{2}$/.test(value)) {
    const [y, m] = value.split('-').map(Number) as [number, number];
    return toIso(Math.round(Date.UTC(y, m, 0) / DAY_MS));
  }
  return `${value.slice(0, 4)}-12-31`;
}

/** `days` after `from`; working days skip Saturdays and Sundays (public holidays are not known here). */
function addDays(from: string, days: number, working: boolean): string {
  let day = toDay(from);
  if (!working) return toIso(day + days);
  for (let left = days; left > 0; ) {
    day++;
    const weekday = new Date(day * DAY_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return toIso(day);
}

export function statedLimits(limits: readonly IssueDeadline[], rootDate: string | null): StatedLimit[] {
  return limits.map((l) => {
    let dueBy: string | null = null;
    if (l.by?.value) dueBy = endOf(l.by.value);
    else if (l.days !== null && rootDate !== null && FULL_DATE.test(rootDate))
      dueBy = addDays(rootDate, l.days, l.workingDays);
    return { ...l, dueBy };
  });
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : Math.round(((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2);
}

export function timeliness(input: {
  root: DocumentNode;
  limits: readonly IssueDeadline[];
  /** Every unit of the level, in order, with its implementing documents (none for a silent unit). */
  units: ReadonlyArray<{ unit: string; documents: readonly DocumentNode[] }>;
  asOf: string;
}): Timeliness {
  const rootDate = input.root.dateValue;
  const limits = statedLimits(input.limits, rootDate);
  const dues = limits.map((l) => l.dueBy).filter((d): d is string => d !== null);
  const dueBy = dues.length === 0 ? null : (dues.sort()[0] as string);
  const counts: Record<TimelinessStatus, number> = {
    ON_TIME: 0,
    LATE: 0,
    ISSUED: 0,
    UNDATED: 0,
    SILENT: 0,
    SILENT_OVERDUE: 0,
  };
  const lags: number[] = [];
  const units = input.units.map(({ unit, documents }): UnitTimeliness => {
    const dated = documents
      .filter((d) => d.dateValue !== null && FULL_DATE.test(d.dateValue))
      .sort((a, b) => ((a.dateValue as string) < (b.dateValue as string) ? -1 : 1));
    const ordered = [...dated, ...documents.filter((d) => !dated.includes(d))];
    const first = dated[0] ?? null;
    let status: TimelinessStatus;
    let lagDays: number | null = null;
    let daysLate: number | null = null;
    if (documents.length === 0) {
      const overdue = dueBy !== null && input.asOf > dueBy;
      status = overdue ? 'SILENT_OVERDUE' : 'SILENT';
      if (overdue) daysLate = toDay(input.asOf) - toDay(dueBy as string);
    } else if (first === null) {
      status = 'UNDATED';
    } else {
      const at = first.dateValue as string;
      if (rootDate !== null && FULL_DATE.test(rootDate)) {
        lagDays = toDay(at) - toDay(rootDate);
        lags.push(lagDays);
      }
      if (dueBy === null) status = 'ISSUED';
      else if (at <= dueBy) status = 'ON_TIME';
      else {
        status = 'LATE';
        daysLate = toDay(at) - toDay(dueBy);
      }
    }
    counts[status]++;
    return { unit, status, lagDays, daysLate, first, documents: ordered };
  });
  return {
    root: input.root,
    rootDate,
    asOf: input.asOf,
    limits,
    dueBy,
    units,
    counts,
    medianLagDays: median(lags),
  };
}

/**
 * The timeliness of `root` at `level`, from the store: the units of the level (coverage-units.ts), their
 * implementing documents (the store's coverage), and the limits the root's text states. The caller says how the
 * text is read and the documents loaded (the API through its request loaders and memo, the CLI directly).
 */
export async function timelinessFromStore(input: {
  store: Pick<GraphStore, 'coverage'>;
  root: DocumentNode;
  level: Level;
  era?: Era | null | undefined;
  province?: string | null | undefined;
  asOf?: string | null | undefined;
  limitsOf: (root: DocumentNode) => Promise<readonly IssueDeadline[]>;
  documents: (ids: readonly string[]) => Promise<readonly DocumentNode[]>;
}): Promise<Timeliness & { era: Era | null }> {
  const { units, era } = coverageUnits(input.level, input.root, input.era, input.province);
  const [coverage, limits] = await Promise.all([
    input.store.coverage(input.root.id, input.level, units),
    input.limitsOf(input.root),
  ]);
  const byId = new Map(
    (await input.documents(coverage.covered.flatMap((c) => c.documentIds))).map((d) => [d.id, d]),
  );
  const documentsOf = new Map(
    coverage.covered.map((c) => [
      c.unit,
      c.documentIds.map((id) => byId.get(id)).filter((d) => d !== undefined),
    ]),
  );
  const answer = timeliness({
    root: coverage.root,
    limits,
    units: units.map((unit) => ({ unit, documents: documentsOf.get(unit) ?? [] })),
    asOf: input.asOf ?? todayInVietnam(),
  });
  return { ...answer, era };
}
