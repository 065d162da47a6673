// The national corpus generator (bench `generate`): a small corpus goes through the real pipeline (extractDocument +
// toGraphFacts) and every document must read exactly as expected.json says — its own graph id, the documents it
// implements, its tasks with their leads and coordinators; the output is deterministic; the lineage helpers walk
// expected.json as the graph does.
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  chainsUp,
  descendants,
  type Expected,
  type ExpectedDoc,
  expectedDocumentId,
  readExpected,
} from '../../bench/national/expected.ts';
import { buildPlan } from '../../bench/national/plan.ts';
import { compareCorpus, type Found, findFacts } from '../../bench/national/verify.ts';
import { generateDocuments, writeCorpus } from '../../bench/national/write.ts';

const SEED = 7;
const SIZE = 520;

const plan = buildPlan(SEED, SIZE);
const docs = [...generateDocuments(plan)];
const expected: ExpectedDoc[] = docs.map((d) => d.expected);
const found: Found[] = docs.map((d) => findFacts(d.text, d.file));
const idOf = (i: number) => (found[i] as Found).id;

describe('national corpus through the pipeline', () => {
  it('has exactly N documents on every level, drafts, communes and cross-links among them', () => {
    expect(docs).toHaveLength(SIZE);
    const levels = new Set(expected.map((e) => e.level));
    expect([...levels].sort()).toEqual(['CENTRAL', 'COMMUNE', 'DISTRICT', 'PROVINCE']);
    expect(expected.some((e) => e.symbol === null)).toBe(true);
    expect(expected.some((e) => e.tasks.some((t) => t.implements.length > 0))).toBe(true);
    expect(expected.some((e) => e.level === 'CENTRAL' && e.symbol?.includes('QĐ-TTg'))).toBe(true);
    expect(expected.some((e) => e.level === 'CENTRAL' && e.implements.length > 0)).toBe(true);
    expect(expected.some((e) => e.implements.length === 2)).toBe(true);
  });

  it('gives every document its own graph id, the one its symbol, jurisdiction and date make', () => {
    expect(new Set(found.map((f) => f.id)).size).toBe(SIZE);
    expected.forEach((e, i) => {
      const want = expectedDocumentId(e);
      if (want !== null) expect(idOf(i), e.file).toBe(want);
      else expect(idOf(i), e.file).toMatch(/^doc:~ke-hoach-/);
    });
  });

  it('reads drafts as printed without a number', () => {
    const drafts = expected.flatMap((e, i) => (e.symbol === null ? [i] : []));
    expect(drafts.length).toBeGreaterThan(0);
    for (const i of drafts) {
      expect((found[i] as Found).symbol, expected[i]?.file).toBeNull();
      expect(expected[i]?.date).toBeNull();
      expect(expected[i]?.implements.length).toBe(1);
    }
  });

  it('finds exactly the expected IMPLEMENTS of each document, by the parents’ own graph ids', () => {
    expected.forEach((e, i) => {
      const f = found[i] as Found;
      expect([...f.implements].sort(), e.file).toEqual(e.implements.map(idOf).sort());
    });
  });

  it('states IMPLEMENTS between other documents only where they are true (nested chains)', () => {
    const index = new Map(found.map((f, i) => [f.id, i]));
    let stated = 0;
    expected.forEach((e, i) => {
      for (const [from, to] of (found[i] as Found).between) {
        const a = index.get(from);
        const b = index.get(to);
        expect(a !== undefined && b !== undefined, `${e.file}: ${from} → ${to}`).toBe(true);
        expect(expected[a as number]?.implements, `${e.file}: ${from} → ${to}`).toContain(b);
        stated++;
      }
    });
    expect(stated).toBeGreaterThan(100);
  });

  it('numbers tasks as expected, each with its lead, coordinators and own IMPLEMENTS', () => {
    expected.forEach((e, i) => {
      const f = found[i] as Found;
      expect(
        f.tasks.map((t) => t.key),
        e.file,
      ).toEqual(e.tasks.map((t) => t.key));
      e.tasks.forEach((t, k) => {
        const ft = f.tasks[k];
        expect(ft?.lead, `${e.file} ${t.key}`).toEqual([t.lead]);
        expect([...(ft?.coordinators ?? [])].sort(), `${e.file} ${t.key}`).toEqual(
          [...t.coordinators].sort(),
        );
        expect([...(f.taskImplements.get(t.key) ?? [])].sort(), `${e.file} ${t.key}`).toEqual(
          t.implements.map(idOf).sort(),
        );
      });
    });
  });

  it('keeps task counts in range per level', () => {
    const range = { CENTRAL: [8, 14], PROVINCE: [10, 25], DISTRICT: [6, 12], COMMUNE: [4, 8] } as const;
    for (const e of expected) {
      const [lo, hi] = range[e.level];
      expect(e.tasks.length, e.file).toBeGreaterThanOrEqual(lo);
      expect(e.tasks.length, e.file).toBeLessThanOrEqual(hi);
    }
  });

  it('has nothing else for the shared comparison to report', () => {
    expect(compareCorpus(expected, found)).toEqual([]);
  });
});

describe('national corpus on disk', () => {
  const dirs: string[] = [];
  const write = (seed: number) => {
    const out = mkdtempSync(join(tmpdir(), 'national-corpus-'));
    dirs.push(out);
    return { out, result: writeCorpus({ seed, documents: 300, out }) };
  };
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const digest = (out: string) => {
    const h = createHash('sha256');
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
        const p = join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else h.update(relative(out, p)).update(readFileSync(p));
      }
    };
    walk(out);
    return h.digest('hex');
  };

  it('writes texts and an expected.json that validates and matches them', () => {
    const { out, result } = write(SEED);
    const e: Expected = readExpected(out);
    expect(e.documents).toBe(300);
    expect(e.docs).toHaveLength(300);
    let bytes = 0;
    for (const d of e.docs) bytes += readFileSync(join(out, d.file)).length;
    expect(e.textBytes).toBe(bytes);
    expect(result.textBytes).toBe(bytes);
    expect(e.docs[0]?.file).toMatch(/^docs\/0000\/000000-central-central\.txt$/);
  });

  it('is byte-identical for the same seed and differs for another', () => {
    const a = digest(write(SEED).out);
    const b = digest(write(SEED).out);
    const c = digest(write(SEED + 1).out);
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });
});

describe('lineage helpers', () => {
  // 0 resolution ← 1 programme ← 2 plan (implements both) ← 3 district plan (task III.2.a also implements 4)
  // 4 another plan ← 5 its district plan; 6 a resolution nothing implements.
  const tiny = {
    docs: [
      { implements: [], tasks: [{ key: 'III.1', implements: [] }] },
      { implements: [0], tasks: [{ key: 'II.1', implements: [] }] },
      { implements: [1, 0], tasks: [{ key: 'III.1', implements: [] }] },
      {
        implements: [2],
        tasks: [
          { key: 'III.1', implements: [] },
          { key: 'III.2', implements: [] },
          { key: 'III.2.a', implements: [4] },
          { key: 'III.2.b', implements: [] },
        ],
      },
      { implements: [], tasks: [{ key: 'III.1', implements: [] }] },
      { implements: [4], tasks: [{ key: 'III.1', implements: [] }] },
      { implements: [], tasks: [{ key: 'I.1', implements: [] }] },
    ],
  } as unknown as Pick<Expected, 'docs'>;

  it('descendants: through document and task IMPLEMENTS, transitively', () => {
    expect([...descendants(tiny, 0)].sort()).toEqual([1, 2, 3]);
    expect([...descendants(tiny, 2)].sort()).toEqual([3]);
    expect([...descendants(tiny, 4)].sort()).toEqual([3, 5]);
    expect(descendants(tiny, 6).size).toBe(0);
  });

  it('chainsUp: through the task’s own IMPLEMENTS, else its parent task, else its document', () => {
    expect(chainsUp(tiny, 3, 'III.1')).toEqual([
      [3, 2, 1, 0],
      [3, 2, 0],
    ]);
    expect(chainsUp(tiny, 3, 'III.2.a')).toEqual([[4]]);
    expect(chainsUp(tiny, 3, 'III.2.b')).toEqual([
      [3, 2, 1, 0],
      [3, 2, 0],
    ]);
    expect(chainsUp(tiny, 5, 'III.1')).toEqual([[5, 4]]);
    expect(chainsUp(tiny, 0, 'III.1')).toEqual([[0]]);
    expect(() => chainsUp(tiny, 0, 'IX.9')).toThrow(RangeError);
  });

  it('matches the generated corpus: a cross-linked task climbs through the plan it implements', () => {
    const i = expected.findIndex((e) => e.tasks.some((t) => t.implements.length > 0));
    const task = expected[i]?.tasks.find((t) => t.implements.length > 0);
    const target = task?.implements[0] as number;
    const paths = chainsUp({ docs: expected }, i, task?.key as string);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) {
      expect(p[0]).toBe(target);
      expect(expected[p.at(-1) as number]?.level).toBe('CENTRAL');
    }
    expect(descendants({ docs: expected }, target).has(i)).toBe(true);
  });
});
