// Model: zod schemas of the lineage graph (nodes, edges with provenance, the per-document write batch, query answers) and its deterministic ids.
import { z } from 'zod';
import {
  Basis,
  Branch,
  DateValue,
  DeadlineKind,
  DocType,
  Level,
  Recurrence,
  Span,
  ValidityType,
} from './extraction.ts';

// ---------------------------------------------------------------------------------------------
// Text keys. Matching is done on a folded form (no diacritics, lower case, punctuation as spaces)
// so that "nghi quyet 36" meets "Nghị quyết 36-NQ/TW" and "Kon Tum" meets "kon tum".
// ---------------------------------------------------------------------------------------------

/** Folds Vietnamese text for matching: NFD, combining marks removed, đ→d, lower case, runs of non-alphanumerics → one space. */
/**
 * Folded forms of recent texts: ingest folds the same issuer names, titles and agency names thousands of
 * times (every citation rebuilds the search text of what it cites). Cleared when full, so it stays small.
 */
const folded = new Map<string, string>();
const FOLD_CACHE_SIZE = 20_000;

export function foldText(text: string): string {
  const known = folded.get(text);
  if (known !== undefined) return known;
  const result = foldUncached(text);
  if (folded.size >= FOLD_CACHE_SIZE) folded.clear();
  folded.set(text, result);
  return result;
}

function foldUncached(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Distinct folded words of a query, in order. */
export function searchTokens(text: string): string[] {
  return [
    ...new Set(
      foldText(text)
        .split(' ')
        .filter((t) => t.length > 0),
    ),
  ];
}

/** Folded text with words joined by '-': the readable part of an id ("Ia H'Drai" → "ia-h-drai"). */
export function slug(text: string): string {
  const folded = foldText(text);
  if (folded.length === 0) throw new RangeError(`cannot build a key from ${JSON.stringify(text)}`);
  return folded.replace(/ /g, '-');
}

/** A symbol's matching key: case and diacritics folded, spaces dropped, dashes unified ("57-Ctr/TU" and "57-CTR/TU" → "57-ctr/tu"). */
export function symbolKey(symbol: string): string {
  const key = symbol
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .replace(/[‐-―−]/g, '-')
    .replace(/\s+/g, '')
    .toLowerCase();
  if (key.length === 0) throw new RangeError('empty symbol');
  return key;
}

/** Central bodies have no jurisdiction; their key is this token (so "no jurisdiction" can be asked for). */
export const CENTRAL = 'central';

export function jurisdictionKey(jurisdiction: string | null): string {
  return jurisdiction === null ? CENTRAL : slug(jurisdiction);
}

// ---------------------------------------------------------------------------------------------
// Ids. Documents: "doc:<symbol key>@<jurisdiction key>@<date|year|?>"; a document without a number
// uses "~<slug of a label>" in place of the symbol key (a name such as "Nghị quyết Trung ương 2
// (khóa VIII)", or a discriminator chosen by the resolver). Tasks: "<document id>#<key>".
// Agencies: "agency:<slug of canonical name>@<jurisdiction key>".
// ---------------------------------------------------------------------------------------------

const PARTIAL_ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export const DocumentIdParts = z
  .object({
    symbol: z.string().nullable(),
    /** Used only when `symbol` is null. */
    label: z.string().nullable().default(null),
    jurisdiction: z.string().nullable(),
    /** ISO date of any precision ("2023-01-30", "2024-04"). */
    date: z.string().regex(PARTIAL_ISO_DATE).nullable(),
    year: z.number().int().nullable().default(null),
  })
  .refine((p) => p.symbol !== null || (p.label !== null && foldText(p.label).length > 0), {
    message: 'a document id needs a symbol or a label',
  });
export type DocumentIdParts = z.input<typeof DocumentIdParts>;

export function documentId(input: DocumentIdParts): string {
  const p = DocumentIdParts.parse(input);
  const key = p.symbol !== null ? symbolKey(p.symbol) : `~${slug(p.label ?? '')}`;
  const when = p.date ?? (p.year !== null ? String(p.year) : '?');
  return `doc:${key}@${jurisdictionKey(p.jurisdiction)}@${when}`;
}

/** What a document id says (the inverse of `documentId`, on keys): symbol key (null for a label), jurisdiction key, date or year. */
export interface DocumentIdKeys {
  symbolKey: string | null;
  jurisdictionKey: string;
  dateValue: string | null;
  year: number | null;
}

/** Null for a string that is not a document id. Jurisdiction keys and dates hold no '@', so the last two parts are unambiguous. */
export function documentIdKeys(id: string): DocumentIdKeys | null {
  if (nodeKindOf(id) !== 'DOCUMENT') return null;
  const parts = id.slice('doc:'.length).split('@');
  const when = parts.pop();
  const jurisdiction = parts.pop();
  const key = parts.join('@');
  if (when === undefined || jurisdiction === undefined || key.length === 0) return null;
  const dated = PARTIAL_ISO_DATE.test(when);
  return {
    symbolKey: key.startsWith('~') ? null : key,
    jurisdictionKey: jurisdiction,
    dateValue: dated && when.length > 4 ? when : null,
    year: dated ? Number(when.slice(0, 4)) : null,
  };
}

export function taskId(documentIdValue: string, key: string): string {
  if (key.trim().length === 0 || key.includes('#'))
    throw new RangeError(`invalid task key ${JSON.stringify(key)}`);
  return `${documentIdValue}#${key.normalize('NFC')}`;
}

export function agencyId(input: { name: string; jurisdiction: string | null }): string {
  return `agency:${slug(input.name)}@${jurisdictionKey(input.jurisdiction)}`;
}

export const NodeKind = z.enum(['DOCUMENT', 'TASK', 'AGENCY']);
export type NodeKind = z.infer<typeof NodeKind>;

/** The kind of node an id names (ids carry their kind), null when the id is not one of ours. */
export function nodeKindOf(id: string): NodeKind | null {
  if (id.startsWith('agency:')) return 'AGENCY';
  if (!id.startsWith('doc:')) return null;
  return id.includes('#') ? 'TASK' : 'DOCUMENT';
}

const DocumentIdString = z.string().regex(/^doc:[^#]+$/, 'a document id ("doc:...")');
const TaskIdString = z.string().regex(/^doc:[^#]+#.+$/, 'a task id ("doc:...#key")');
const AgencyIdString = z.string().regex(/^agency:.+$/, 'an agency id ("agency:...")');
const NodeIdString = z.string().refine((id) => nodeKindOf(id) !== null, 'a node id');

// ---------------------------------------------------------------------------------------------
// Nodes. `*Fields` is what a batch supplies; `*Node` is what the store holds and answers, with the
// fields the store owns (status, sources, hashes, search text).
// ---------------------------------------------------------------------------------------------

export const DocumentStatus = z.enum(['FULL_TEXT', 'CITED_ONLY']);
export type DocumentStatus = z.infer<typeof DocumentStatus>;

export const DocumentFields = z.object({
  id: DocumentIdString,
  symbol: z.string().min(1).nullable(),
  type: DocType,
  issuerName: z.string().nullable(),
  branch: Branch.nullable(),
  level: Level.nullable(),
  jurisdiction: z.string().nullable(),
  province: z.string().nullable(),
  dateValue: z.string().regex(PARTIAL_ISO_DATE).nullable(),
  dateText: z.string().nullable(),
  /** False only for an impossible printed date (kept as text, never shifted). */
  dateValid: z.boolean(),
  year: z.number().int().min(1900).max(2200).nullable(),
  title: z.string().nullable(),
  /** What citations say the document is about ("về triển khai thực hiện ..."). */
  subject: z.string().nullable(),
  /** The named instrument it issues ("Chiến lược phát triển khoa học ... đến năm 2030"), for references by subject. */
  promulgates: z.string().nullable(),
  signer: z.string().nullable(),
  /** The signer's title lines as printed, joined with " / " ("TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH / PHÓ CHỦ TỊCH"). */
  signerTitle: z.string().nullable(),
  /** Party congress term of the issuer ("X" of "Bộ Chính trị khóa X"), when printed: Party numbering restarts per term. */
  term: z.string().nullable(),
});
export type DocumentFields = z.infer<typeof DocumentFields>;

/** A document's fields with nothing known but its id and type (builders fill in the rest). */
export function emptyDocumentFields(id: string, type: DocType = 'OTHER'): DocumentFields {
  return {
    id,
    symbol: null,
    type,
    issuerName: null,
    branch: null,
    level: null,
    jurisdiction: null,
    province: null,
    dateValue: null,
    dateText: null,
    dateValid: true,
    year: null,
    title: null,
    subject: null,
    promulgates: null,
    signer: null,
    signerTitle: null,
    term: null,
  };
}

export const DocumentNode = DocumentFields.extend({
  kind: z.literal('DOCUMENT'),
  status: DocumentStatus,
  /** The ingested files that stated this node: a full text's own file first, then texts citing it, sorted; 24 at most (every edge names its own file). */
  sources: z.array(z.string()),
  contentHash: z.string().nullable(),
  extractorVersion: z.string().nullable(),
  /** Folded words of symbol, type, title, issuer, jurisdiction, subject and year, space-padded for word-prefix matching. */
  searchText: z.string(),
  /** Ids of the nodes merged into this one (`mergeDocuments`); lookups by any of them find this node. Sorted. */
  mergedIds: z.array(DocumentIdString),
  /** One line per merge, "<METHOD> <merged id>: <reason>", oldest first (the merged node's own lines come along; none repeated). */
  identityNotes: z.array(z.string()),
});
export type DocumentNode = z.infer<typeof DocumentNode>;

export const AgencyFields = z.object({
  id: AgencyIdString,
  name: z.string().min(1),
  /** Printed forms seen ("phòng Kinh tế - Hạ tầng"). */
  variants: z.array(z.string()),
  jurisdiction: z.string().nullable(),
  level: Level.nullable(),
});
export type AgencyFields = z.infer<typeof AgencyFields>;

export const AgencyNode = AgencyFields.extend({
  kind: z.literal('AGENCY'),
  sources: z.array(z.string()),
  searchText: z.string(),
});
export type AgencyNode = z.infer<typeof AgencyNode>;

export const TaskFields = z.object({
  id: TaskIdString,
  documentId: DocumentIdString,
  /** "II.4.d~2" (a number repeated in the source is disambiguated); unique within its document. */
  key: z.string().min(1),
  /** The printed label ("II.4.d"). */
  label: z.string(),
  parentKey: z.string().nullable(),
  title: z.string(),
  text: z.string(),
  /** Assignees that are groups, not agencies ("Các đơn vị, địa phương được giao nhiệm vụ"). */
  groups: z.array(z.string()),
  deadlineKind: DeadlineKind.nullable(),
  deadlineValue: z.string().nullable(),
  deadlineText: z.string().nullable(),
  deadlineValid: z.boolean(),
  /** Every date the deadline text writes, in order (a start and a second milestone); empty without a deadline. */
  deadlineDates: z.array(DateValue),
  /** A condition attached to the deadline ("Ngay sau khi Đề án … được phê duyệt"). */
  deadlineCondition: z.string().nullable(),
  /** How often a recurring deadline falls due. */
  deadlineRecurrence: Recurrence.nullable(),
});
export type TaskFields = z.infer<typeof TaskFields>;

export const TaskNode = TaskFields.extend({
  kind: z.literal('TASK'),
  sources: z.array(z.string()),
});
export type TaskNode = z.infer<typeof TaskNode>;

export const GraphNode = z.discriminatedUnion('kind', [DocumentNode, TaskNode, AgencyNode]);
export type GraphNode = z.infer<typeof GraphNode>;

// ---------------------------------------------------------------------------------------------
// Edges and provenance.
// ---------------------------------------------------------------------------------------------

export const EdgeType = z.enum([
  'IMPLEMENTS',
  'CITES',
  'ASSIGNS',
  'ISSUED_BY',
  'HAS_TASK',
  'PART_OF',
  // Validity hints (extract/validity.ts): what a document states it does to another's force.
  ...ValidityType.options,
]);
export type EdgeType = z.infer<typeof EdgeType>;

export const Method = z.enum(['STATED', 'ALIAS_RESOLVED', 'IDENTITY_INFERRED', 'SUBJECT_INFERRED']);
export type Method = z.infer<typeof Method>;

export const Role = z.enum(['LEAD', 'COORDINATOR']);
export type Role = z.infer<typeof Role>;

export const Provenance = z.object({
  /** The document whose text stated the fact; only that document's new version may replace it. */
  assertedBy: DocumentIdString,
  /** The ingested file of that document. */
  source: z.string().min(1),
  /** Offsets into the original text of `source`. */
  evidence: Span.refine((s) => s.end >= s.start, 'evidence end before start'),
  method: Method,
  confidence: z.number().min(0).max(1),
  extractorVersion: z.string().min(1),
});
export type Provenance = z.infer<typeof Provenance>;

/** Which node kinds each edge type connects; checked on every batch. */
export const EDGE_ENDPOINTS: Readonly<
  Record<EdgeType, { from: readonly NodeKind[]; to: readonly NodeKind[] }>
> = {
  IMPLEMENTS: { from: ['DOCUMENT', 'TASK'], to: ['DOCUMENT'] },
  CITES: { from: ['DOCUMENT'], to: ['DOCUMENT'] },
  ASSIGNS: { from: ['TASK'], to: ['AGENCY'] },
  ISSUED_BY: { from: ['DOCUMENT'], to: ['AGENCY'] },
  HAS_TASK: { from: ['DOCUMENT'], to: ['TASK'] },
  PART_OF: { from: ['TASK'], to: ['TASK'] },
  AMENDS: { from: ['DOCUMENT'], to: ['DOCUMENT'] },
  REPLACES: { from: ['DOCUMENT'], to: ['DOCUMENT'] },
  REPEALS: { from: ['DOCUMENT'], to: ['DOCUMENT'] },
  GUIDES: { from: ['DOCUMENT'], to: ['DOCUMENT'] },
};

/** The validity edge types, and whether an edge type is one. */
export const VALIDITY_TYPES: readonly EdgeType[] = ValidityType.options;
export const isValidityType = (t: EdgeType): t is ValidityType =>
  (ValidityType.options as string[]).includes(t);

const edgeBase = { from: NodeIdString, to: NodeIdString, provenance: Provenance };
const ImplementsFields = z.object({ type: z.literal('IMPLEMENTS'), ...edgeBase });
const CitesFields = z.object({ type: z.literal('CITES'), ...edgeBase, basis: Basis.nullable() });
const AssignsFields = z.object({ type: z.literal('ASSIGNS'), ...edgeBase, role: Role });
const IssuedByFields = z.object({ type: z.literal('ISSUED_BY'), ...edgeBase });
const HasTaskFields = z.object({ type: z.literal('HAS_TASK'), ...edgeBase });
const PartOfFields = z.object({ type: z.literal('PART_OF'), ...edgeBase });
const AmendsFields = z.object({ type: z.literal('AMENDS'), ...edgeBase });
const ReplacesFields = z.object({ type: z.literal('REPLACES'), ...edgeBase });
const RepealsFields = z.object({ type: z.literal('REPEALS'), ...edgeBase });
const GuidesFields = z.object({ type: z.literal('GUIDES'), ...edgeBase });

export const EdgeFields = z.discriminatedUnion('type', [
  ImplementsFields,
  CitesFields,
  AssignsFields,
  IssuedByFields,
  HasTaskFields,
  PartOfFields,
  AmendsFields,
  ReplacesFields,
  RepealsFields,
  GuidesFields,
]);
export type EdgeFields = z.infer<typeof EdgeFields>;

const withId = { id: z.string().min(1) };
export const GraphEdge = z.discriminatedUnion('type', [
  ImplementsFields.extend(withId),
  CitesFields.extend(withId),
  AssignsFields.extend(withId),
  IssuedByFields.extend(withId),
  HasTaskFields.extend(withId),
  PartOfFields.extend(withId),
  AmendsFields.extend(withId),
  ReplacesFields.extend(withId),
  RepealsFields.extend(withId),
  GuidesFields.extend(withId),
]);
export type GraphEdge = z.infer<typeof GraphEdge>;

/**
 * One edge per (type, endpoints, asserting document, role or basis): two documents stating the same
 * relation give two edges, each with its own provenance, so either can be replaced alone.
 */
export function edgeId(edge: EdgeFields): string {
  const qualifier =
    edge.type === 'ASSIGNS' ? `|${edge.role}` : edge.type === 'CITES' ? `|${edge.basis ?? '-'}` : '';
  return `${edge.type}:${edge.from}->${edge.to}|${edge.provenance.assertedBy}${qualifier}`;
}

export function withEdgeId(edge: EdgeFields): GraphEdge {
  return { ...edge, id: edgeId(edge) };
}

// ---------------------------------------------------------------------------------------------
// Derived search texts (recomputed by the store after every merge; never trusted from input).
// ---------------------------------------------------------------------------------------------

/** The type word as documents print it, so "nghi quyet 36" finds a node whose title is unknown. */
export const DOC_TYPE_WORDS: Readonly<Record<DocType, string>> = {
  NGHI_QUYET: 'Nghị quyết',
  QUYET_DINH: 'Quyết định',
  QUY_DINH: 'Quy định',
  CHI_THI: 'Chỉ thị',
  KET_LUAN: 'Kết luận',
  THONG_BAO: 'Thông báo',
  KE_HOACH: 'Kế hoạch',
  CHUONG_TRINH: 'Chương trình',
  CONG_VAN: 'Công văn',
  TO_TRINH: 'Tờ trình',
  THONG_TU: 'Thông tư',
  NGHI_DINH: 'Nghị định',
  HUONG_DAN: 'Hướng dẫn',
  BAO_CAO: 'Báo cáo',
  DE_AN: 'Đề án',
  QUY_CHE: 'Quy chế',
  LUAT: 'Luật',
  OTHER: '',
};

function paddedFold(parts: ReadonlyArray<string | number | null>): string {
  const words = parts
    .filter((p): p is string | number => p !== null)
    .map((p) => foldText(String(p)))
    .filter((p) => p.length > 0);
  return ` ${words.join(' ')} `;
}

export function documentSearchText(d: DocumentFields): string {
  return paddedFold([
    d.symbol,
    DOC_TYPE_WORDS[d.type],
    d.title,
    d.issuerName,
    d.jurisdiction,
    d.subject,
    d.promulgates,
    d.year,
  ]);
}

export function agencySearchText(a: AgencyFields): string {
  return paddedFold([a.name, ...a.variants, a.jurisdiction]);
}

// ---------------------------------------------------------------------------------------------
// The unit of one atomic write: everything ONE ingested document contributes.
// ---------------------------------------------------------------------------------------------

export const DocumentFacts = z
  .object({
    /** The ingested file. */
    source: z.string().min(1),
    /** Hash of the text; same hash and extractor version as stored → the apply is a no-op. */
    contentHash: z.string().min(1),
    extractorVersion: z.string().min(1),
    /** The document itself (becomes or stays FULL_TEXT; a CITED_ONLY node with this id is upgraded in place). */
    document: DocumentFields,
    /** Documents its text mentions (created CITED_ONLY when unknown; existing ones only have empty fields filled). */
    mentioned: z.array(DocumentFields),
    agencies: z.array(AgencyFields),
    tasks: z.array(TaskFields),
    /**
     * Every edge its text asserts: `provenance.assertedBy` is the document id, both endpoints are nodes of
     * this batch (a mentioned document already stored is listed too), and each task has its HAS_TASK edge.
     */
    edges: z.array(EdgeFields),
  })
  .superRefine((facts, ctx) => {
    const self = facts.document.id;
    const batch = new Set<string>([self]);
    const addUnique = (id: string, path: (string | number)[]) => {
      if (batch.has(id)) ctx.addIssue({ code: 'custom', path, message: `duplicate node ${id} in the batch` });
      batch.add(id);
    };
    facts.mentioned.forEach((d, i) => {
      addUnique(d.id, ['mentioned', i, 'id']);
    });
    facts.agencies.forEach((a, i) => {
      addUnique(a.id, ['agencies', i, 'id']);
    });
    facts.tasks.forEach((t, i) => {
      addUnique(t.id, ['tasks', i, 'id']);
      if (t.documentId !== self)
        ctx.addIssue({ code: 'custom', path: ['tasks', i], message: 'task of another document' });
      if (t.id !== taskId(self, t.key))
        ctx.addIssue({ code: 'custom', path: ['tasks', i, 'id'], message: 'id ≠ taskId(document, key)' });
    });
    const edgeIds = new Set<string>();
    facts.edges.forEach((e, i) => {
      if (e.provenance.assertedBy !== self)
        ctx.addIssue({
          code: 'custom',
          path: ['edges', i, 'provenance', 'assertedBy'],
          message: 'asserted by another document',
        });
      const allowed = EDGE_ENDPOINTS[e.type];
      for (const end of ['from', 'to'] as const) {
        const kind = nodeKindOf(e[end]);
        if (kind === null || !allowed[end].includes(kind))
          ctx.addIssue({
            code: 'custom',
            path: ['edges', i, end],
            message: `${e.type} cannot have a ${kind} at its ${end}`,
          });
        if (!batch.has(e[end]))
          ctx.addIssue({
            code: 'custom',
            path: ['edges', i, end],
            message: `${e[end]} is not a node of this batch`,
          });
      }
      const id = edgeId(e);
      if (edgeIds.has(id))
        ctx.addIssue({ code: 'custom', path: ['edges', i], message: `duplicate edge ${id}` });
      edgeIds.add(id);
    });
    facts.tasks.forEach((t, i) => {
      if (!facts.edges.some((e) => e.type === 'HAS_TASK' && e.from === self && e.to === t.id))
        ctx.addIssue({
          code: 'custom',
          path: ['tasks', i],
          message: 'task without a HAS_TASK edge from its document',
        });
    });
  });
export type DocumentFacts = z.infer<typeof DocumentFacts>;

// ---------------------------------------------------------------------------------------------
// Query arguments.
// ---------------------------------------------------------------------------------------------

/** A place as asked for: it must keep a letter or digit once folded ("%", "\\" or an emoji name no place). */
const PlaceName = z.string().refine((s) => foldText(s).length > 0, 'has no letters or digits');
/** A symbol as asked for: something besides spaces. */
const SymbolText = z.string().refine((s) => /\S/.test(s), 'is empty');

export const DocumentQuery = z
  .object({
    symbol: SymbolText.optional(),
    year: z.number().int().optional(),
    date: z.string().regex(PARTIAL_ISO_DATE).optional(),
    /** null asks for central issuers (no jurisdiction). */
    issuerJurisdiction: PlaceName.nullable().optional(),
    type: DocType.optional(),
    status: DocumentStatus.optional(),
    level: Level.optional(),
    branch: Branch.optional(),
    /** true: documents printing a number (a symbol); false: unnumbered ones. */
    numbered: z.boolean().optional(),
  })
  .refine((q) => Object.values(q).some((v) => v !== undefined), 'give at least one criterion');
export type DocumentQuery = z.infer<typeof DocumentQuery>;

export const DocumentFilter = z.object({
  type: DocType.optional(),
  status: DocumentStatus.optional(),
  issuerJurisdiction: PlaceName.nullable().optional(),
  level: Level.optional(),
  branch: Branch.optional(),
  year: z.number().int().optional(),
});
export type DocumentFilter = z.infer<typeof DocumentFilter>;

export const PageRequest = z.object({
  limit: z.number().int().min(1).max(500).default(50),
  /** The last id of the previous page (keyset paging, stable under inserts). */
  after: z.string().nullable().default(null),
});
export type PageRequest = z.input<typeof PageRequest>;

export const Direction = z.enum(['IN', 'OUT']);
export type Direction = z.infer<typeof Direction>;

// ---------------------------------------------------------------------------------------------
// Answers.
// ---------------------------------------------------------------------------------------------

const depth = { depth: z.number().int().nonnegative() };
export const LineageNode = z.discriminatedUnion('kind', [
  DocumentNode.extend(depth),
  TaskNode.extend(depth),
  AgencyNode.extend(depth),
]);
export type LineageNode = z.infer<typeof LineageNode>;

/** Descendants of `root`: nodes (root included, depth 0) and the edges between them, each with provenance. */
export const Lineage = z.object({
  root: GraphNode,
  depth: z.number().int().positive(),
  nodes: z.array(LineageNode),
  edges: z.array(GraphEdge),
});
export type Lineage = z.infer<typeof Lineage>;

/** One step of a path; several edges when several documents assert the same relation. */
export const LineageStep = z.object({ from: z.string(), to: z.string(), edges: z.array(GraphEdge).min(1) });
export type LineageStep = z.infer<typeof LineageStep>;

/** A path from the start (first node) to a root (last node). */
export const LineagePath = z.object({ nodes: z.array(GraphNode).min(1), steps: z.array(LineageStep) });
export type LineagePath = z.infer<typeof LineagePath>;

export const ChainUp = z.object({ start: GraphNode, roots: z.array(GraphNode), paths: z.array(LineagePath) });
export type ChainUp = z.infer<typeof ChainUp>;

export const Citation = z.object({ edge: GraphEdge, node: GraphNode });
export type Citation = z.infer<typeof Citation>;

/** CITES and IMPLEMENTS edges at a node (or, for `validity`, AMENDS / REPLACES / REPEALS / GUIDES); `node` of each citation is the other end. */
export const Citations = z.object({ node: GraphNode, direction: Direction, citations: z.array(Citation) });
export type Citations = z.infer<typeof Citations>;

export const Mandate = z.object({ role: Role, task: TaskNode, document: DocumentNode, edge: GraphEdge });
export type Mandate = z.infer<typeof Mandate>;

export const AgencyMandates = z.object({ agency: AgencyNode, mandates: z.array(Mandate) });
export type AgencyMandates = z.infer<typeof AgencyMandates>;

export const DocumentPage = z.object({
  items: z.array(DocumentNode),
  total: z.number().int().nonnegative(),
  /** Pass as `after` for the next page; null on the last page. */
  next: z.string().nullable(),
});
export type DocumentPage = z.infer<typeof DocumentPage>;

export const SearchHit = z.discriminatedUnion('kind', [DocumentNode, AgencyNode]);
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchResult = z.object({ tokens: z.array(z.string()), hits: z.array(SearchHit) });
export type SearchResult = z.infer<typeof SearchResult>;

export const Coverage = z.object({
  root: DocumentNode,
  level: Level,
  /** Units (in the order given) with the documents of that level and unit implementing the root. */
  covered: z.array(z.object({ unit: z.string(), documentIds: z.array(z.string()) })),
  uncovered: z.array(z.string()),
  /** Implementing documents of that level whose jurisdiction is not among the units (a gazetteer gap or a typo). */
  outside: z.array(z.object({ jurisdiction: z.string().nullable(), documentIds: z.array(z.string()) })),
});
export type Coverage = z.infer<typeof Coverage>;

export const GraphExport = z.object({ nodes: z.array(GraphNode), edges: z.array(GraphEdge) });
export type GraphExport = z.infer<typeof GraphExport>;

const count = z.number().int().nonnegative();
export const GraphStats = z.object({
  nodes: z.object({ DOCUMENT: count, TASK: count, AGENCY: count }),
  documents: z.object({ FULL_TEXT: count, CITED_ONLY: count }),
  edges: z.object({
    IMPLEMENTS: count,
    CITES: count,
    ASSIGNS: count,
    ISSUED_BY: count,
    HAS_TASK: count,
    PART_OF: count,
    AMENDS: count,
    REPLACES: count,
    REPEALS: count,
    GUIDES: count,
  }),
});
export type GraphStats = z.infer<typeof GraphStats>;

/** How a merge was decided; re-pointed edges that were STATED or ALIAS_RESOLVED take this method. */
export const IdentityMethod = Method.extract(['IDENTITY_INFERRED', 'SUBJECT_INFERRED']);
export type IdentityMethod = z.infer<typeof IdentityMethod>;

/** Why two document nodes are one document; recorded on the survivor as "<method> <merged id>: <reason>". */
export const IdentityNote = z.object({ method: IdentityMethod, reason: z.string().trim().min(1) });
export type IdentityNote = z.infer<typeof IdentityNote>;

export const MergeResult = z.object({
  /** The merged-away id (now in the survivor's `mergedIds`). */
  from: z.string(),
  /** The survivor. */
  into: z.string(),
  /** Edges re-created at the survivor. */
  edgesMoved: count,
  /** Edges not re-created: one with the same id already existed, or it would have looped on the survivor. */
  edgesDropped: count,
});
export type MergeResult = z.infer<typeof MergeResult>;

export const ApplyOutcome = z.enum(['CREATED', 'UPGRADED', 'REPLACED', 'UNCHANGED']);
export type ApplyOutcome = z.infer<typeof ApplyOutcome>;

export const ApplyResult = z.object({
  documentId: z.string(),
  /** CREATED: new node; UPGRADED: a CITED_ONLY node got its text; REPLACED: a new version; UNCHANGED: same hash. */
  outcome: ApplyOutcome,
  written: z.object({ nodes: count, edges: count }),
  removed: z.object({ edges: count, tasks: count, orphans: count }),
});
export type ApplyResult = z.infer<typeof ApplyResult>;

export const StoreHealth = z.object({
  ok: z.boolean(),
  adapter: z.enum(['embedded', 'neo4j']),
  detail: z.string(),
  /**
   * Reads answer but writes cannot be trusted (the last write failed, the disk is full, the store file was removed
   * or replaced under the process): why. `ok` is then false too.
   */
  degraded: z.string().optional(),
});
export type StoreHealth = z.infer<typeof StoreHealth>;
