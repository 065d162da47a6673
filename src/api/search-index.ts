// API search: a ranked index over a catalog snapshot (MiniSearch over folded Vietnamese words), built once per
// snapshot. The order is the one a researcher expects:
//   1. exact names — a document by its own symbol ("66-NQ/TW", "569/qd-ttg") or by type and number ("nghị quyết
//      36", "QĐ 569"), an agency by its whole name ("Bo Tai chinh");
//   2. documents with every word: central before provincial before district, then the most cited, then the
//      closest match (MiniSearch's BM25 score), newest, id;
//   3. agencies with every word: those whose name holds the words before those matched by jurisdiction only;
//   4. tasks with every word: those with the words in their key or title first.
// Every word must start a word of the node's text (case and diacritics ignored), as before.
import MiniSearch from 'minisearch';
import { geoKey, provinceKeysOf } from '../gazetteer/geo.ts';
import { typeOfCode, typeWords } from '../lexicon/lexicon.ts';
import type { DocType } from '../model/extraction.ts';
import {
  type AgencyNode,
  type DocumentNode,
  foldText,
  type GraphNode,
  searchTokens,
  symbolKey,
  type TaskNode,
} from '../model/graph.ts';
import type { CatalogSnapshot } from './catalog.ts';
import { apiError } from './errors.ts';
import type { NodeKind, SearchFilter } from './generated/resolver-types.ts';
import { provinceCriterion, symbolTypeCode, typeCriterion } from './lineage-index.ts';

const LEVEL_RANK: Readonly<Record<string, number>> = { CENTRAL: 0, PROVINCE: 1, DISTRICT: 2, COMMUNE: 3 };
const levelRank = (level: string | null) => (level === null ? 4 : (LEVEL_RANK[level] ?? 4));
const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The searchable words are already folded and space-separated: the index only splits them. */
const words = (text: string) => text.split(' ').filter((w) => w.length > 0);

function miniSearch(): MiniSearch<{ id: number; text: string }> {
  return new MiniSearch({ fields: ['text'], tokenize: words, processTerm: (t) => t });
}

/** What a search asks for, parsed once. */
export interface SearchQuery {
  tokens: readonly string[];
  kinds: ReadonlySet<NodeKind>;
  filter: SearchCriteria;
}

interface SearchCriteria {
  province: string | null;
  level: string | null;
  year: number | null;
  /** Folded type code as in symbols ("nq", "kh", "qd"). */
  type: string | null;
  typeAsGiven: string | null;
}

export function parseSearch(
  text: string,
  kinds: readonly NodeKind[] | null | undefined,
  filter: SearchFilter | null | undefined,
): SearchQuery {
  const tokens = searchTokens(text);
  if (tokens.length === 0) throw apiError('BAD_USER_INPUT', 'search text has no words', { field: 'text' });
  if (kinds?.includes('MANDATE'))
    throw apiError('BAD_USER_INPUT', 'kinds: mandates are not searched (list them with `mandates`)', {
      field: 'kinds',
    });
  const want = new Set<NodeKind>(kinds && kinds.length > 0 ? kinds : ['DOCUMENT', 'TASK', 'AGENCY']);
  const province =
    typeof filter?.province === 'string' ? provinceCriterion(filter.province, { field: 'province' }) : null;
  const type = typeof filter?.type === 'string' ? typeCriterion(filter.type, { field: 'type' }) : null;
  const year = typeof filter?.year === 'number' ? filter.year : null;
  return {
    tokens,
    kinds: want,
    filter: { province, level: filter?.level ?? null, year, type, typeAsGiven: filter?.type ?? null },
  };
}

/** A stable name for a parsed query (memo keys, cursor digests). */
export function searchIdentity(q: SearchQuery): string {
  return JSON.stringify([q.tokens, [...q.kinds].sort(), q.filter]);
}

/** The number a symbol starts with ("36" of "36-NQ/TW", "1693" of "1693/KH-UBND"). */
function symbolNumber(symbol: string): string | null {
  return /^(\d+)/.exec(symbol)?.[1] ?? null;
}

/** "nghi quyet 36", "nghi quyet so 36", "qd 569": a type and a number, or null. */
function typeAndNumber(tokens: readonly string[]): { types: ReadonlySet<DocType>; number: string } | null {
  const folded = tokens.join(' ');
  for (const { word, type } of typeWords) {
    if (!folded.startsWith(`${word} `)) continue;
    const rest = folded.slice(word.length + 1).split(' ');
    if (rest[0] === 'so') rest.shift();
    if (rest.length === 1 && /^\d+$/.test(rest[0] ?? ''))
      return { types: new Set([type]), number: rest[0] as string };
    return null;
  }
  if (tokens.length === 2 && /^\d+$/.test(tokens[1] ?? '')) {
    const types = new Set<DocType>();
    for (const party of [true, false]) {
      const t = typeOfCode(tokens[0] ?? '', party);
      if (t !== null) types.add(t);
    }
    if (types.size > 0) return { types, number: tokens[1] as string };
  }
  return null;
}

export class SearchIndex {
  private readonly documents: DocumentNode[];
  private readonly agencies: readonly AgencyNode[];
  private readonly tasks: readonly TaskNode[];
  private readonly documentIndex = miniSearch();
  private readonly agencyIndex = miniSearch();
  private readonly taskIndex = miniSearch();
  /** Folded words of each agency's name alone (not its variants or jurisdiction). */
  private readonly agencyName: string[];
  /** Folded key and title of each task (a match there ranks before a match in the text only). */
  private readonly taskTitle: string[];
  private readonly bySymbol = new Map<string, number[]>();
  private readonly byNumber = new Map<string, number[]>();
  private readonly byAgencyName = new Map<string, number[]>();
  private readonly provinces = new Map<string, ReadonlySet<string>>();
  private readonly answers = new Map<string, readonly GraphNode[]>();

  private readonly citedBy: ReadonlyMap<string, number>;

  constructor(private readonly snapshot: CatalogSnapshot) {
    this.citedBy = snapshot.citedBy;
    this.documents = [...snapshot.documents.values()].sort(byId);
    this.agencies = snapshot.agencies;
    this.tasks = snapshot.tasks;
    this.documentIndex.addAll(this.documents.map((d, id) => ({ id, text: d.searchText })));
    this.agencyIndex.addAll(this.agencies.map((a, id) => ({ id, text: a.searchText })));
    this.taskIndex.addAll(this.tasks.map((_task, id) => ({ id, text: snapshot.taskText[id] ?? '' })));
    this.agencyName = this.agencies.map((a) => foldText(a.name));
    this.taskTitle = this.tasks.map((t) => ` ${foldText(`${t.key} ${t.title}`)} `);
    this.documents.forEach((d, i) => {
      if (d.symbol === null) return;
      push(this.bySymbol, symbolKey(d.symbol), i);
      const n = symbolNumber(d.symbol);
      if (n !== null) push(this.byNumber, n, i);
    });
    this.agencyName.forEach((name, i) => {
      push(this.byAgencyName, name, i);
    });
  }

  /** Every hit of the query, ranked (see the top of this file); memoized per query. */
  search(q: SearchQuery, whole: string): readonly GraphNode[] {
    const key = `${searchIdentity(q)}|${whole}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known;
    const hits = this.rank(q, whole);
    if (this.answers.size >= 64) this.answers.clear();
    this.answers.set(key, hits);
    return hits;
  }

  private rank(q: SearchQuery, whole: string): GraphNode[] {
    const terms = q.tokens.join(' ');
    const found = (index: MiniSearch<{ id: number; text: string }>) =>
      new Map(
        index.search(terms, { combineWith: 'AND', prefix: true }).map((r) => [r.id as number, r.score]),
      );
    const exact: GraphNode[] = [];
    const seen = new Set<string>();
    const take = (node: GraphNode, into: GraphNode[]) => {
      if (seen.has(node.id) || !this.keeps(node, q)) return;
      seen.add(node.id);
      into.push(node);
    };

    if (q.kinds.has('DOCUMENT')) {
      const named = this.exactDocuments(q.tokens, whole);
      for (const d of named) take(d, exact);
    }
    if (q.kinds.has('AGENCY')) {
      // The whole text folded (the tokens are distinct words: "ban … ủy ban" has "ban" once).
      for (const i of this.byAgencyName.get(foldText(whole)) ?? [])
        take(this.agencies[i] as AgencyNode, exact);
    }

    const documents: GraphNode[] = [];
    if (q.kinds.has('DOCUMENT')) {
      const scores = found(this.documentIndex);
      const doc = (i: number) => this.documents[i] as DocumentNode;
      const cited = (i: number) => this.citedBy.get(doc(i).id) ?? 0;
      const ranked = [...scores.keys()]
        .sort(
          (a, b) =>
            levelRank(doc(a).level) - levelRank(doc(b).level) ||
            cited(b) - cited(a) ||
            (scores.get(b) ?? 0) - (scores.get(a) ?? 0) ||
            Number(doc(b).status === 'FULL_TEXT') - Number(doc(a).status === 'FULL_TEXT') ||
            (doc(b).year ?? 0) - (doc(a).year ?? 0) ||
            a - b,
        )
        .map(doc);
      for (const d of ranked) take(d, documents);
    }
    const agencies: GraphNode[] = [];
    if (q.kinds.has('AGENCY')) {
      const named = (i: number) => q.tokens.every((t) => ` ${this.agencyName[i]}`.includes(` ${t}`));
      const ranked = [...found(this.agencyIndex).keys()].sort(
        (a, b) =>
          Number(named(b)) - Number(named(a)) ||
          levelRank((this.agencies[a] as AgencyNode).level) -
            levelRank((this.agencies[b] as AgencyNode).level) ||
          a - b,
      );
      for (const i of ranked) take(this.agencies[i] as AgencyNode, agencies);
    }
    const tasks: GraphNode[] = [];
    if (q.kinds.has('TASK')) {
      const titled = (i: number) => q.tokens.every((t) => (this.taskTitle[i] ?? '').includes(` ${t}`));
      const ranked = [...found(this.taskIndex).keys()].sort(
        (a, b) => Number(titled(b)) - Number(titled(a)) || a - b,
      );
      for (const i of ranked) take(this.tasks[i] as TaskNode, tasks);
    }
    return [...exact, ...documents, ...agencies, ...tasks];
  }

  /** Documents the query names exactly: its own symbol, or a type and number. */
  private exactDocuments(tokens: readonly string[], whole: string): DocumentNode[] {
    const out: DocumentNode[] = [];
    let key: string | null = null;
    try {
      key = symbolKey(whole.replace(/@.*$/, ''));
    } catch {
      key = null;
    }
    for (const i of (key === null ? undefined : this.bySymbol.get(key)) ?? [])
      out.push(this.documents[i] as DocumentNode);
    const tn = typeAndNumber(tokens);
    if (tn !== null)
      for (const i of this.byNumber.get(tn.number) ?? []) {
        const d = this.documents[i] as DocumentNode;
        if (tn.types.has(d.type)) out.push(d);
      }
    // Several documents of one name (36-NQ/TW of 2018 and of 2023): central and most cited first, then newest.
    return out.sort(
      (a, b) =>
        levelRank(a.level) - levelRank(b.level) ||
        (this.citedBy.get(b.id) ?? 0) - (this.citedBy.get(a.id) ?? 0) ||
        Number(b.status === 'FULL_TEXT') - Number(a.status === 'FULL_TEXT') ||
        (b.year ?? 0) - (a.year ?? 0) ||
        byId(a, b),
    );
  }

  /** The filter's criteria: a task is judged by its document; an agency has no year or type. */
  private keeps(node: GraphNode, q: SearchQuery): boolean {
    const c = q.filter;
    if (c.province === null && c.level === null && c.year === null && c.type === null) return true;
    const holder: DocumentNode | AgencyNode | null =
      node.kind === 'TASK' ? (this.snapshot.documents.get(node.documentId) ?? null) : node;
    if (holder === null) return false;
    if (c.level !== null && holder.level !== c.level) return false;
    if (c.province !== null && !this.inProvince(holder, c.province)) return false;
    if (holder.kind === 'AGENCY') return c.year === null && c.type === null;
    if (c.year !== null && holder.year !== c.year) return false;
    if (c.type !== null) {
      if (holder.symbol !== null) return symbolTypeCode(holder.symbol) === c.type;
      return typeOfCode(c.typeAsGiven ?? '', holder.branch === 'PARTY') === holder.type;
    }
    return true;
  }

  private inProvince(holder: DocumentNode | AgencyNode, province: string): boolean {
    if (holder.kind === 'DOCUMENT' && holder.province !== null) return geoKey(holder.province) === province;
    if (holder.jurisdiction === null) return false;
    let set = this.provinces.get(holder.jurisdiction);
    if (set === undefined) {
      set = provinceKeysOf(holder.jurisdiction);
      this.provinces.set(holder.jurisdiction, set);
    }
    return set.has(province);
  }
}

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
