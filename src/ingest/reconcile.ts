// Ingest (reconcile): identity across documents, settled against the store after a batch is applied.
// Every document first gets the id its own text allows; here nodes found to be one document are merged
// (the full text, else the more specific node, survives), whatever order the texts arrived in:
//  0. a legal normative document whose symbol carries its year ("61/2020/QH14", "06/2021/NĐ-CP"): that
//     number is unique for its issuer, so every node of it is one document; differing dates are a conflict
//     noted on the survivor with both dates and where each was read, never a second node;
//  1. an undated (or year-only) citation of a symbol and the one dated node with that symbol and issuer;
//  2. a document named by subject ("Chiến lược ... đến năm 2030") and the document that promulgated it;
//  3. a full text printed without a number and the one cited document with the same issuer, type and
//     implemented document (seed 004 = 1693/KH-UBND as seed 000 cites it).
// Two or more candidates are never merged: they are reported.
import type { DocumentNode } from '../model/graph.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { isStoreError } from '../store/graph-store.ts';
import { nameKey } from '../text/fold.ts';

export interface MergeNote {
  from: string;
  into: string;
  method: 'IDENTITY_INFERRED' | 'SUBJECT_INFERRED';
  reason: string;
}

export interface ReconcileReport {
  merges: MergeNote[];
  /** Human-readable notes on matches left undecided (two or more candidates). */
  ambiguities: string[];
}

/** Full text survives; else the node with a symbol and the finer date. */
function survivorFirst(a: DocumentNode, b: DocumentNode): [DocumentNode, DocumentNode] | null {
  if (a.status === 'FULL_TEXT' && b.status === 'FULL_TEXT') return null;
  if (a.status === 'FULL_TEXT') return [a, b];
  if (b.status === 'FULL_TEXT') return [b, a];
  const score = (d: DocumentNode) => (d.symbol ? 100 : 0) + (d.dateValue?.length ?? 0);
  return score(a) >= score(b) ? [a, b] : [b, a];
}

/** Where a document's date was read: its own file, else the first citation of it ("file@start-end"). */
async function whereStated(store: GraphStore, d: DocumentNode): Promise<string> {
  if (d.status === 'FULL_TEXT') return d.sources[0] ?? 'its own text';
  const cited = (await store.citations(d.id, 'IN')).citations[0]?.edge.provenance;
  return cited
    ? `${cited.source}@${cited.evidence.start}-${cited.evidence.end}`
    : (d.sources[0] ?? 'no source');
}

const YEAR_IN_SYMBOL = /\/(?:19|20)\d{2}\//;

/**
 * Which node of one year-in-symbol document survives: the full text, then the finest date, then the smallest
 * id (the earliest date). Nothing that depends on the order of arrival, so every order ends with one survivor.
 */
function byStanding(a: DocumentNode, b: DocumentNode): number {
  const rank = (d: DocumentNode) => (d.status === 'FULL_TEXT' ? 1000 : 0) + (d.dateValue?.length ?? 0);
  return rank(b) - rank(a) || (a.id < b.id ? -1 : 1);
}

const dated = (d: DocumentNode) => d.dateValue !== null && d.dateValue.length === 10;
/** A coarser date (none, a year, a month) that the full date does not contradict. */
const compatible = (coarse: DocumentNode, full: DocumentNode) =>
  coarse.dateValue === null || (full.dateValue ?? '').startsWith(coarse.dateValue);

export async function reconcile(store: GraphStore, touchedIds: readonly string[]): Promise<ReconcileReport> {
  const report: ReconcileReport = { merges: [], ambiguities: [] };
  const merge = async (
    into: DocumentNode,
    from: DocumentNode,
    method: MergeNote['method'],
    reason: string,
  ) => {
    try {
      await store.mergeDocuments(from.id, into.id, { method, reason });
      report.merges.push({ from: from.id, into: into.id, method, reason });
    } catch (error) {
      // A node merged away by an earlier step of this pass is not an error.
      if (!isStoreError(error, 'NOT_FOUND')) throw error;
    }
  };
  // One document at a time, as each step reaches it (a national corpus touches 100,000s: never all held at once).
  const load = async function* (ids: readonly string[]): AsyncGenerator<DocumentNode> {
    for (const id of new Set(ids)) {
      try {
        yield await store.getDocument(id);
      } catch (error) {
        if (!isStoreError(error, 'NOT_FOUND')) throw error;
      }
    }
  };

  // 0. A year in the symbol: one document per symbol and issuer, whatever dates its citations give.
  for await (const doc of load(touchedIds)) {
    if (!doc.symbol || !YEAR_IN_SYMBOL.test(doc.symbol)) continue;
    const same = await store.findDocuments({ symbol: doc.symbol, issuerJurisdiction: doc.jurisdiction });
    if (same.length < 2) continue;
    const [into, ...rest] = [...same].sort(byStanding);
    for (const other of rest) {
      if (!into || (into.status === 'FULL_TEXT' && other.status === 'FULL_TEXT')) {
        report.ambiguities.push(`${doc.symbol}: two full texts carry this number: not merged`);
        continue;
      }
      const conflict =
        other.dateValue !== null && into.dateValue !== null && !into.dateValue.startsWith(other.dateValue)
          ? `; dates differ: ${into.dateValue} (${await whereStated(store, into)}) kept, ${other.dateValue} (${await whereStated(store, other)}) noted`
          : '';
      await merge(
        into,
        other,
        'IDENTITY_INFERRED',
        `symbol ${doc.symbol} carries its year: unique for its issuer${conflict}`,
      );
    }
  }

  // 1. Same symbol and issuer: coarse-dated nodes join the one fully dated node.
  for await (const doc of load(touchedIds)) {
    if (!doc.symbol) continue;
    const same = await store.findDocuments({ symbol: doc.symbol, issuerJurisdiction: doc.jurisdiction });
    const full = same.filter(dated);
    const coarse = same.filter((d) => !dated(d));
    if (coarse.length === 0) continue;
    if (full.length > 1) {
      report.ambiguities.push(
        `${doc.symbol}: ${coarse.length} undated citation(s), ${full.length} dated documents: not merged`,
      );
      continue;
    }
    const target = full[0];
    for (const c of coarse) {
      if (target && !compatible(c, target)) continue;
      const into = target ?? coarse.find((x) => x.status === 'FULL_TEXT');
      if (!into || into.id === c.id) continue;
      const pair = survivorFirst(into, c);
      if (pair)
        await merge(
          pair[0],
          pair[1],
          'IDENTITY_INFERRED',
          `same symbol ${doc.symbol} and issuer; the only dated candidate`,
        );
    }
  }

  // 2. By subject: a node titled by a name joins the document that promulgated that name.
  for await (const doc of load(touchedIds)) {
    const name = doc.promulgates ?? (doc.symbol === null && doc.status === 'CITED_ONLY' ? doc.title : null);
    if (!name) continue;
    const key = nameKey(name);
    if (key.length === 0) continue;
    const found = await store.findDocumentsByName(name);
    const promulgators = found.filter((d) => d.promulgates !== null && nameKey(d.promulgates) === key);
    const named = found.filter(
      (d) => d.symbol === null && d.status === 'CITED_ONLY' && d.title !== null && nameKey(d.title) === key,
    );
    if (promulgators.length !== 1) {
      if (promulgators.length > 1 && named.length > 0)
        report.ambiguities.push(`"${name}": promulgated by ${promulgators.length} documents: not merged`);
      continue;
    }
    const into = promulgators[0] as DocumentNode;
    for (const n of named)
      if (n.id !== into.id)
        await merge(
          into,
          n,
          'SUBJECT_INFERRED',
          `"${name}" is the instrument that ${into.symbol ?? into.id} promulgated`,
        );
  }

  // 3. An unnumbered full text and the one cited document with its issuer, type and implemented document.
  for await (const doc of load(touchedIds)) {
    const mine = new Set((await store.implementsTargets([doc.id]))[doc.id] ?? []);
    if (mine.size === 0 || doc.jurisdiction === null) continue;
    // Only the peers on the other side of the number (a numbered document and an unnumbered one), asked of the
    // store directly: a province holds thousands of plans of one type, and reading them all per document
    // made this step quadratic in a national corpus.
    const peers = await store.findDocuments({
      issuerJurisdiction: doc.jurisdiction,
      type: doc.type,
      ...(doc.level === null ? {} : { level: doc.level }),
      ...(doc.branch === null ? {} : { branch: doc.branch }),
      numbered: doc.symbol === null,
    });
    const others = peers.filter(
      (p) =>
        p.id !== doc.id &&
        p.level === doc.level &&
        p.branch === doc.branch &&
        (p.symbol === null) !== (doc.symbol === null),
    );
    if (others.length === 0) continue;
    const theirs = await store.implementsTargets(others.map((o) => o.id));
    const matches = others.filter(
      (o) => (theirs[o.id] ?? []).some((t) => mine.has(t)) && compatibleDates(o, doc),
    );
    if (matches.length > 1) {
      report.ambiguities.push(
        `${doc.id}: ${matches.length} documents with the same issuer, type and implemented document: not merged`,
      );
      continue;
    }
    const match = matches[0];
    if (!match) continue;
    const pair = survivorFirst(doc, match);
    if (!pair) continue;
    const shared = [...mine].filter((t) => (theirs[match.id] ?? []).includes(t));
    await merge(
      pair[0],
      pair[1],
      'IDENTITY_INFERRED',
      `same issuer (${doc.jurisdiction}), type (${doc.type}) and implemented document (${shared.join(', ')})`,
    );
  }
  return report;
}

function compatibleDates(a: DocumentNode, b: DocumentNode): boolean {
  if (!a.dateValue || !b.dateValue) return true;
  return a.dateValue.startsWith(b.dateValue) || b.dateValue.startsWith(a.dateValue);
}
