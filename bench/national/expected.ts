// National corpus (expected): what a generated corpus holds, as `<out>/expected.json`, and the lineage helpers a
// benchmark checks answers against.
//
// Format: one JSON object, `{"version":1,"seed":S,"documents":N,"textBytes":B,"docs":[` then one document per
// line, then `]}`. Per document: `file` (relative to the output directory), `level`, `symbol` (as the extractor
// canonicalises it, null for a draft printed without a number), `jurisdiction` (the province, district or commune
// name the extractor gives the issuer, `central` for central bodies — the key graph ids use), `province` (the
// province of a district or commune, null for central documents), `date` (ISO, null for a draft), `implements`
// (indexes into `docs` of what it implements at document level) and `tasks` (`key` exactly as the extractor
// numbers it, `lead` and `coordinators` by canonical agency name, of the writer's jurisdiction; `implements` the
// documents the task itself implements). Empty `implements` and `coordinators` arrays are left out to keep the
// file small; the schema restores them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { CENTRAL, documentId } from '../../src/model/graph.ts';

const Index = z.number().int().nonnegative();

export const ExpectedTask = z.object({
  key: z.string().min(1),
  lead: z.string().min(1),
  coordinators: z.array(z.string().min(1)).default([]),
  implements: z.array(Index).default([]),
});
export type ExpectedTask = z.infer<typeof ExpectedTask>;

export const ExpectedLevel = z.enum(['CENTRAL', 'PROVINCE', 'DISTRICT', 'COMMUNE']);
export type ExpectedLevel = z.infer<typeof ExpectedLevel>;

export const ExpectedDoc = z.object({
  file: z.string().min(1),
  level: ExpectedLevel,
  symbol: z.string().min(1).nullable(),
  jurisdiction: z.string().min(1),
  province: z.string().min(1).nullable(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .nullable(),
  implements: z.array(Index).default([]),
  tasks: z.array(ExpectedTask),
});
export type ExpectedDoc = z.infer<typeof ExpectedDoc>;

export const Expected = z
  .object({
    version: z.literal(1),
    seed: z.number().int(),
    documents: z.number().int().nonnegative(),
    textBytes: z.number().int().nonnegative(),
    docs: z.array(ExpectedDoc),
  })
  .superRefine((e, ctx) => {
    if (e.docs.length !== e.documents)
      ctx.addIssue({ code: 'custom', path: ['docs'], message: `${e.docs.length} docs for ${e.documents}` });
    const bad = (i: number) => i >= e.docs.length;
    e.docs.forEach((d, i) => {
      if (d.implements.some(bad) || d.tasks.some((t) => t.implements.some(bad)))
        ctx.addIssue({ code: 'custom', path: ['docs', i], message: 'implements an index out of range' });
    });
  });
export type Expected = z.infer<typeof Expected>;

/** Reads and validates a corpus's expected.json, given the file or the corpus directory. */
export function readExpected(path: string): Expected {
  const file = path.endsWith('.json') ? path : join(path, 'expected.json');
  return Expected.parse(JSON.parse(readFileSync(file, 'utf8')));
}

/** The graph id the pipeline gives a numbered document (symbol + jurisdiction + date); null for a draft. */
export function expectedDocumentId(doc: ExpectedDoc): string | null {
  if (doc.symbol === null || doc.date === null) return null;
  return documentId({
    symbol: doc.symbol,
    jurisdiction: doc.jurisdiction === CENTRAL ? null : doc.jurisdiction,
    date: doc.date,
  });
}

// ---------------------------------------------------------------------------------------------
// Lineage.

type Lineage = Pick<Expected, 'docs'>;

const childrenCache = new WeakMap<Lineage, number[][]>();

/** For each document, the documents that implement it directly (by document or by one of their tasks). */
function childrenOf(expected: Lineage): number[][] {
  let children = childrenCache.get(expected);
  if (children) return children;
  const lists: number[][] = expected.docs.map(() => []);
  expected.docs.forEach((d, i) => {
    const targets = new Set<number>(d.implements);
    for (const t of d.tasks) for (const x of t.implements) targets.add(x);
    for (const x of targets) lists[x]?.push(i);
  });
  children = lists;
  childrenCache.set(expected, children);
  return children;
}

/**
 * Every document that implements `docIndex` transitively, through document-level or task-level IMPLEMENTS (a
 * document holding an implementing task counts as implementing). The document itself is not included.
 */
export function descendants(expected: Lineage, docIndex: number): Set<number> {
  const children = childrenOf(expected);
  const seen = new Set<number>();
  const stack = [...(children[docIndex] ?? [])];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    if (i === docIndex || seen.has(i)) continue;
    seen.add(i);
    for (const c of children[i] ?? []) stack.push(c);
  }
  return seen;
}

/**
 * Paths of document indexes from a task up to every root, as the graph's chain up walks them: a task with
 * IMPLEMENTS of its own goes up through what it implements (its own document is not on those paths); a task
 * without goes to its parent task (a lettered item to its numbered item), and from a task without any to its
 * document, which then starts the path. Above, documents go up through their document-level IMPLEMENTS until
 * one that implements nothing. A task of a root document with no IMPLEMENTS gives `[[docIndex]]`. Throws for an
 * unknown task.
 */
export function chainsUp(expected: Lineage, docIndex: number, taskKey: string): number[][] {
  const doc = expected.docs[docIndex];
  let task: ExpectedTask | undefined = doc?.tasks.find((t) => t.key === taskKey);
  if (!doc || !task) throw new RangeError(`no task ${taskKey} in document ${docIndex}`);
  while (task.implements.length === 0) {
    const key: string = task.key;
    const parentKey = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '';
    const parent = doc.tasks.find((t) => t.key === parentKey);
    if (!parent) break;
    task = parent;
  }
  const paths: number[][] = [];
  const climb = (path: number[]) => {
    const at = path[path.length - 1] as number;
    const up = (expected.docs[at]?.implements ?? []).filter((p) => !path.includes(p));
    if (up.length === 0) paths.push(path);
    for (const p of up) climb([...path, p]);
  };
  if (task.implements.length === 0) climb([docIndex]);
  else for (const p of task.implements) climb([p]);
  return paths;
}
