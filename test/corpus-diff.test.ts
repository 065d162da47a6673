// Corpus diff: re-extracts seeds/ and compares per-document counts with test/fixtures/corpus-baseline.json.
//
// A change in recall (more or fewer references, relations, tasks, leads, deadlines, warnings) must show up
// in review: either it is a regression, or the baseline is regenerated in the same change.
import { describe, expect, it } from 'vitest';
import {
  type DocumentCounts,
  diffCounts,
  extractSeeds,
  readBaseline,
  UPDATE_COMMAND,
} from '../scripts/update-corpus-baseline.ts';

describe('corpus diff', () => {
  it('per-document extraction counts on seeds/ match the committed baseline', async () => {
    const baseline = readBaseline();
    const current = await extractSeeds();
    const diff = diffCounts(baseline.documents, current);
    if (diff.length > 0) {
      throw new Error(
        `Extraction counts on seeds/ differ from test/fixtures/corpus-baseline.json (baseline → now):\n\n` +
          `${diff.join('\n')}\n\nIf the change is intended, run: ${UPDATE_COMMAND}\n`,
      );
    }
    expect(Object.keys(current)).toEqual(Object.keys(baseline.documents));
  });

  // Rows: the diff itself, so that its message can be trusted when the test above fails.
  const counts = (over: Partial<DocumentCounts> = {}): DocumentCounts => ({
    references: 3,
    relations: { CITES: 2 },
    tasks: 4,
    tasksWithLead: 2,
    deadlines: { ONGOING: 1 },
    warnings: {},
    ...over,
  });
  it.each([
    // identical counts: no diff
    [{ a: counts() }, { a: counts() }, []],
    // a changed total and a code that appears
    [
      { a: counts() },
      { a: counts({ references: 5, warnings: { INVALID_DATE: 1 } }) },
      ['a', '  references: 3 → 5', '  warnings.INVALID_DATE: 0 → 1'],
    ],
    // a code that disappears
    [{ a: counts() }, { a: counts({ relations: {} }) }, ['a', '  relations.CITES: 2 → 0']],
    // documents added to and removed from seeds/
    [
      { a: counts() },
      { b: counts() },
      ['a: in the baseline, no longer in seeds/', 'b: new in seeds/, not in the baseline'],
    ],
  ])('diffCounts %#', (before, after, expected) => {
    expect(diffCounts(before, after)).toEqual(expected);
  });
});
