// National corpus (verify): runs every generated document through the real pipeline (extractDocument +
// toGraphFacts) and compares what it finds with expected.json — identities, document- and task-level IMPLEMENTS,
// task keys, leads and coordinators. Used by the test and by `generate --verify`.
import type { ExtractedDocument } from '../../src/model/extraction.ts';
import { CENTRAL } from '../../src/model/graph.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { contentHash, toGraphFacts } from '../../src/pipeline/to-graph.ts';
import { type ExpectedDoc, expectedDocumentId } from './expected.ts';

/** What the pipeline made of one document, reduced to what the comparison needs. */
export interface Found {
  id: string;
  symbol: string | null;
  date: string | null;
  jurisdiction: string | null;
  level: string | null;
  /** Document ids the document itself implements. */
  implements: string[];
  /** Task key → document ids the task implements. */
  taskImplements: Map<string, string[]>;
  /** IMPLEMENTS stated between other documents ("A ... về triển khai thực hiện B"). */
  between: Array<[string, string]>;
  tasks: Array<{ key: string; lead: string[]; coordinators: string[] }>;
}

export function findFacts(text: string, source: string): Found {
  const doc: ExtractedDocument = extractDocument(text, { source });
  const facts = toGraphFacts(doc, contentHash(text));
  const self = facts.document.id;
  const taskImplements = new Map<string, string[]>();
  const implementsSelf: string[] = [];
  const between: Array<[string, string]> = [];
  for (const e of facts.edges) {
    if (e.type !== 'IMPLEMENTS') continue;
    if (e.from === self) implementsSelf.push(e.to);
    else if (e.from.startsWith(`${self}#`)) {
      const key = e.from.slice(self.length + 1);
      taskImplements.set(key, [...(taskImplements.get(key) ?? []), e.to]);
    } else between.push([e.from, e.to]);
  }
  return {
    id: self,
    symbol: doc.document.symbol,
    date: doc.document.date?.value ?? null,
    jurisdiction: doc.document.issuer?.jurisdiction ?? null,
    level: doc.document.issuer?.level ?? null,
    implements: implementsSelf,
    taskImplements,
    between,
    tasks: doc.tasks.map((t) => ({
      key: t.key,
      lead: t.lead.map((a) => a.name),
      coordinators: t.coordinators.map((a) => a.name),
    })),
  };
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  const x = new Set(a);
  const y = new Set(b);
  return x.size === y.size && [...x].every((v) => y.has(v));
};
const show = (xs: readonly string[]) => `[${[...xs].sort().join(', ')}]`;

/** Every difference between the expected corpus and what the pipeline found, as readable lines. */
export function compareCorpus(expected: readonly ExpectedDoc[], found: readonly Found[]): string[] {
  const problems: string[] = [];
  const say = (i: number, message: string) => problems.push(`${expected[i]?.file ?? i}: ${message}`);
  const indexOfId = new Map<string, number>();
  found.forEach((f, i) => {
    const other = indexOfId.get(f.id);
    if (other !== undefined) say(i, `graph id ${f.id} also belongs to ${expected[other]?.file}`);
    else indexOfId.set(f.id, i);
  });
  const idOf = (i: number) => (found[i] as Found).id;

  expected.forEach((e, i) => {
    const f = found[i];
    if (!f) {
      say(i, 'not extracted');
      return;
    }
    if (f.symbol !== e.symbol) say(i, `symbol ${f.symbol} ≠ ${e.symbol}`);
    const jurisdiction = e.jurisdiction === CENTRAL ? null : e.jurisdiction;
    if (f.jurisdiction !== jurisdiction) say(i, `jurisdiction ${f.jurisdiction} ≠ ${jurisdiction}`);
    if (f.level !== e.level) say(i, `level ${f.level} ≠ ${e.level}`);
    if (e.date !== null && f.date !== e.date) say(i, `date ${f.date} ≠ ${e.date}`);
    const want = expectedDocumentId(e);
    if (want !== null && want !== f.id) say(i, `graph id ${f.id} ≠ ${want}`);
    if (e.symbol === null && !f.id.startsWith('doc:~')) say(i, `a draft with graph id ${f.id}`);

    const targets = e.implements.map(idOf);
    if (!sameSet(f.implements, targets)) say(i, `implements ${show(f.implements)} ≠ ${show(targets)}`);

    const keys = f.tasks.map((t) => t.key).join(' ');
    const wantKeys = e.tasks.map((t) => t.key).join(' ');
    if (keys !== wantKeys) say(i, `task keys "${keys}" ≠ "${wantKeys}"`);
    for (const t of e.tasks) {
      const ft = f.tasks.find((x) => x.key === t.key);
      if (!ft) continue;
      if (ft.lead.length !== 1 || ft.lead[0] !== t.lead)
        say(i, `task ${t.key} lead ${show(ft.lead)} ≠ ${t.lead}`);
      if (!sameSet(ft.coordinators, t.coordinators))
        say(i, `task ${t.key} coordinators ${show(ft.coordinators)} ≠ ${show(t.coordinators)}`);
      const ti = f.taskImplements.get(t.key) ?? [];
      const tw = t.implements.map(idOf);
      if (!sameSet(ti, tw)) say(i, `task ${t.key} implements ${show(ti)} ≠ ${show(tw)}`);
    }
    for (const key of f.taskImplements.keys())
      if (!e.tasks.some((t) => t.key === key)) say(i, `unexpected task ${key} implements something`);

    // Relations the text states between other documents must be true ones.
    for (const [from, to] of f.between) {
      const a = indexOfId.get(from.split('#')[0] as string);
      const b = indexOfId.get(to);
      const ok = a !== undefined && b !== undefined && (expected[a]?.implements.includes(b) ?? false);
      if (!ok) say(i, `states ${from} IMPLEMENTS ${to}, which is not in the corpus`);
    }
  });
  return problems;
}
