// Test helpers: extract a seed or fixture once, and look facts up by symbol, name or task key.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExtractedDocument, Reference, Relation, Task } from '../../src/model/extraction.ts';
import { ExtractedDocument as Schema } from '../../src/model/extraction.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { nameKey } from '../../src/text/fold.ts';

const root = new URL('../../', import.meta.url).pathname;

export function seedPath(prefix: string): string {
  const file = readdirSync(join(root, 'seeds')).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  return join('seeds', file);
}

const cache = new Map<string, ExtractedDocument>();
export function extractFile(path: string): ExtractedDocument {
  const hit = cache.get(path);
  if (hit) return hit;
  const doc = Schema.parse(extractDocument(readFileSync(join(root, path), 'utf8'), { source: path }));
  cache.set(path, doc);
  return doc;
}

export const seed = (prefix: string) => extractFile(seedPath(prefix));

/** The reference with this symbol (and date, when two share it); throws when absent. */
export function ref(doc: ExtractedDocument, symbolOrName: string, date?: string): Reference {
  const key = nameKey(symbolOrName);
  const found = doc.references.filter(
    (r) =>
      (r.symbol !== null && r.symbol.toUpperCase() === symbolOrName.toUpperCase()) ||
      (r.name !== null && nameKey(r.name) === key),
  );
  const pick = date ? found.find((r) => r.date?.value === date) : found[0];
  if (!pick) throw new Error(`no reference ${symbolOrName}${date ? `@${date}` : ''} in ${doc.source}`);
  return pick;
}

export function task(doc: ExtractedDocument, key: string): Task {
  const t = doc.tasks.find((x) => x.key === key);
  if (!t) throw new Error(`no task ${key} in ${doc.source}: ${doc.tasks.map((x) => x.key).join(' ')}`);
  return t;
}

/** Relations as readable triples: "SELF IMPLEMENTS 57-CTr/TU", "task:III.6.h IMPLEMENTS 1693/KH-UBND". */
export function triples(doc: ExtractedDocument, type?: Relation['type']): string[] {
  const label = (id: string) => {
    const r = doc.references.find((x) => x.id === id);
    return r ? (r.symbol ?? r.name ?? id) : id;
  };
  return doc.relations
    .filter((r) => !type || r.type === type)
    .map((r) => `${label(r.from)} ${r.type}${r.basis ? `(${r.basis})` : ''} ${label(r.to)}`);
}

export const leadNames = (t: Task) => t.lead.map((a) => nameKey(a.name));
export const coordNames = (t: Task) => t.coordinators.map((a) => nameKey(a.name));
export const k = nameKey;
