// Timeliness judged from dates: the lag from the root's date, a due day from days (calendar or working) or from a
// printed date of any precision, and each unit's status; silence judged on the day asked about.
import { describe, expect, it } from 'vitest';
import type { IssueDeadline } from '../../src/model/extraction.ts';
import { type DocumentNode, emptyDocumentFields } from '../../src/model/graph.ts';
import { statedLimits, timeliness } from '../../src/query/timeliness.ts';

function doc(id: string, dateValue: string | null): DocumentNode {
  return {
    ...emptyDocumentFields(`doc:${id}`),
    dateValue,
    kind: 'DOCUMENT',
    status: 'FULL_TEXT',
    sources: [],
    contentHash: null,
    extractorVersion: null,
    searchText: '',
    mergedIds: [],
    identityNotes: [],
  };
}

const limit = (l: Partial<IssueDeadline>): IssueDeadline => ({
  text: 't',
  days: null,
  workingDays: false,
  by: null,
  addressees: null,
  span: { start: 0, end: 1 },
  ...l,
});

describe('due days', () => {
  it('calendar days, working days (weekends skipped), a date, a month, a year', () => {
    const root = '2023-01-06'; // a Friday
    const due = statedLimits(
      [
        limit({ days: 60 }),
        limit({ days: 5, workingDays: true }),
        limit({ by: { text: '30/6/2023', value: '2023-06-30', valid: true } }),
        limit({ by: { text: 'tháng 2/2024', value: '2024-02', valid: true } }),
        limit({ by: { text: 'năm 2025', value: '2025', valid: true } }),
      ],
      root,
    ).map((l) => l.dueBy);
    expect(due).toEqual(['2023-03-07', '2023-01-13', '2023-06-30', '2024-02-29', '2025-12-31']);
  });

  it('days need the root’s full date', () => {
    expect(statedLimits([limit({ days: 60 })], '2023-01')[0]?.dueBy).toBeNull();
  });
});

describe('units', () => {
  const root = doc('root', '2023-01-10');
  const answer = timeliness({
    root,
    limits: [limit({ days: 60 }), limit({ days: 90 })],
    units: [
      { unit: 'A', documents: [doc('a2', '2023-03-01'), doc('a1', '2023-02-01')] },
      { unit: 'B', documents: [doc('b', '2023-04-01')] },
      { unit: 'C', documents: [doc('c', null)] },
      { unit: 'D', documents: [] },
    ],
    asOf: '2023-03-21',
  });

  it('judges by the earliest due day, from the first dated document', () => {
    expect(answer.dueBy).toBe('2023-03-11');
    expect(answer.units.map((u) => [u.unit, u.status, u.lagDays, u.daysLate, u.first?.id ?? null])).toEqual([
      ['A', 'ON_TIME', 22, null, 'doc:a1'],
      ['B', 'LATE', 81, 21, 'doc:b'],
      ['C', 'UNDATED', null, null, null],
      ['D', 'SILENT_OVERDUE', null, 10, null],
    ]);
    expect(answer.units[0]?.documents.map((d) => d.id)).toEqual(['doc:a1', 'doc:a2']);
    expect(answer.counts).toMatchObject({ ON_TIME: 1, LATE: 1, UNDATED: 1, SILENT_OVERDUE: 1, SILENT: 0 });
    expect(answer.medianLagDays).toBe(52);
  });

  it('silence before the due day is not overdue; without a limit, issued is all it can say', () => {
    const early = timeliness({
      root,
      limits: [limit({ days: 60 })],
      units: [{ unit: 'D', documents: [] }],
      asOf: '2023-02-01',
    });
    expect(early.units[0]?.status).toBe('SILENT');
    const none = timeliness({
      root,
      limits: [],
      units: [{ unit: 'A', documents: [doc('a', '2023-05-01')] }],
      asOf: '2024-01-01',
    });
    expect(none.units[0]).toMatchObject({ status: 'ISSUED', lagDays: 111, daysLate: null });
    expect(none.dueBy).toBeNull();
  });
});
