// Store internals: flat property records (what both databases hold) to and from the model's nodes and edges, checked field by field.
import { Basis, Branch, DateValue, DeadlineKind, DocType, Level, Recurrence } from '../model/extraction.ts';
import {
  type AgencyNode,
  type DocumentNode,
  DocumentStatus,
  EdgeType,
  foldText,
  type GraphEdge,
  type GraphNode,
  jurisdictionKey,
  Method,
  Role,
  symbolKey,
  type TaskNode,
} from '../model/graph.ts';
import { StoreError } from './graph-store.ts';
import type { DocumentRow, StoredDocument, StoredNode } from './store-ops.ts';

export type Row = Readonly<Record<string, unknown>>;

/** Node table / label names in both databases. */
export const LABEL_OF = { DOCUMENT: 'Document', TASK: 'Task', AGENCY: 'Agency' } as const;

function bad(key: string, value: unknown, expected: string): never {
  throw new StoreError(
    'INTERNAL',
    `stored property ${key} is ${JSON.stringify(String(value))}, expected ${expected}`,
  );
}

function str(r: Row, key: string): string {
  const v = r[key];
  return typeof v === 'string' ? v : bad(key, v, 'a string');
}

/**
 * Free text the model requires but allows empty (a task printed as "a)" alone has no title). A database that
 * returns an empty string as NULL (LadybugDB did) cannot lose it: for these fields NULL can only have been "".
 */
function text(r: Row, key: string): string {
  const v = r[key];
  return v === null ? '' : typeof v === 'string' ? v : bad(key, v, 'a string');
}

function strOrNull(r: Row, key: string): string | null {
  const v = r[key];
  return v === null || v === undefined ? null : typeof v === 'string' ? v : bad(key, v, 'a string or null');
}

function oneOf<T extends string>(r: Row, key: string, values: readonly T[]): T {
  const v = r[key];
  return values.includes(v as T) ? (v as T) : bad(key, v, values.join('|'));
}

function oneOfOrNull<T extends string>(r: Row, key: string, values: readonly T[]): T | null {
  return r[key] === null || r[key] === undefined ? null : oneOf(r, key, values);
}

function bool(r: Row, key: string): boolean {
  const v = r[key];
  return typeof v === 'boolean' ? v : bad(key, v, 'a boolean');
}

/** A database may give a 64-bit integer as bigint, and Neo4j integers may come as floats: both become numbers. */
export function toNumber(v: unknown, key = 'value'): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  return bad(key, v, 'a number');
}

function num(r: Row, key: string): number {
  return toNumber(r[key], key);
}

function intOrNull(r: Row, key: string): number | null {
  const v = r[key];
  return v === null || v === undefined ? null : toNumber(v, key);
}

/**
 * A list of dates kept as one JSON string (Neo4j properties hold no maps, SQLite no lists): absent on rows written
 * before it existed, which read as none.
 */
function dateList(r: Row, key: string): DateValue[] {
  const v = r[key];
  if (v === null || v === undefined) return [];
  let parsed: unknown;
  try {
    parsed = typeof v === 'string' ? JSON.parse(v) : v;
  } catch {
    return bad(key, v, 'a JSON list of dates');
  }
  const dates = DateValue.array().safeParse(parsed);
  return dates.success ? dates.data : bad(key, v, 'a JSON list of dates {text, value, valid}');
}

function strList(r: Row, key: string): string[] {
  const v = r[key];
  if (v === null || v === undefined) return [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  return bad(key, v, 'a list of strings');
}

/** Folded title, subject and promulgated name, kept apart so a match never spans two of them. */
export function subjectText(d: DocumentNode): string {
  return [d.title, d.subject, d.promulgates]
    .filter((p): p is string => p !== null)
    .map(foldText)
    .join(' | ');
}

export function documentToRecord(row: DocumentRow): Record<string, unknown> {
  const d = row.node;
  return {
    id: d.id,
    symbol: d.symbol,
    symbolKey: d.symbol === null ? null : symbolKey(d.symbol),
    type: d.type,
    issuerName: d.issuerName,
    branch: d.branch,
    level: d.level,
    jurisdiction: d.jurisdiction,
    jurisdictionKey: jurisdictionKey(d.jurisdiction),
    province: d.province,
    dateValue: d.dateValue,
    dateText: d.dateText,
    dateValid: d.dateValid,
    year: d.year,
    title: d.title,
    subject: d.subject,
    promulgates: d.promulgates,
    signer: d.signer,
    signerTitle: d.signerTitle,
    term: d.term,
    status: d.status,
    sources: d.sources,
    contentHash: d.contentHash,
    extractorVersion: d.extractorVersion,
    searchText: d.searchText,
    subjectText: subjectText(d),
    mergedIds: d.mergedIds,
    identityNotes: d.identityNotes,
    assertedFrom: row.assertedFrom,
  };
}

export function documentFromRecord(r: Row): StoredDocument {
  return {
    node: {
      kind: 'DOCUMENT',
      id: str(r, 'id'),
      symbol: strOrNull(r, 'symbol'),
      type: oneOf(r, 'type', DocType.options),
      issuerName: strOrNull(r, 'issuerName'),
      branch: oneOfOrNull(r, 'branch', Branch.options),
      level: oneOfOrNull(r, 'level', Level.options),
      jurisdiction: strOrNull(r, 'jurisdiction'),
      province: strOrNull(r, 'province'),
      dateValue: strOrNull(r, 'dateValue'),
      dateText: strOrNull(r, 'dateText'),
      dateValid: bool(r, 'dateValid'),
      year: intOrNull(r, 'year'),
      title: strOrNull(r, 'title'),
      subject: strOrNull(r, 'subject'),
      promulgates: strOrNull(r, 'promulgates'),
      signer: strOrNull(r, 'signer'),
      // Absent on nodes written before schema 2 (Neo4j has no columns to default; SQLite's are NULL): unknown.
      signerTitle: strOrNull(r, 'signerTitle'),
      term: strOrNull(r, 'term'),
      status: oneOf(r, 'status', DocumentStatus.options),
      sources: strList(r, 'sources'),
      contentHash: strOrNull(r, 'contentHash'),
      extractorVersion: strOrNull(r, 'extractorVersion'),
      searchText: str(r, 'searchText'),
      // Absent on nodes written before merges existed (Neo4j has no columns to default): none.
      mergedIds: strList(r, 'mergedIds'),
      identityNotes: strList(r, 'identityNotes'),
    },
    assertedFrom: strList(r, 'assertedFrom'),
  };
}

export function agencyToRecord(a: AgencyNode): Record<string, unknown> {
  return {
    id: a.id,
    name: a.name,
    variants: a.variants,
    jurisdiction: a.jurisdiction,
    level: a.level,
    sources: a.sources,
    searchText: a.searchText,
  };
}

export function agencyFromRecord(r: Row): AgencyNode {
  return {
    kind: 'AGENCY',
    id: str(r, 'id'),
    name: str(r, 'name'),
    variants: strList(r, 'variants'),
    jurisdiction: strOrNull(r, 'jurisdiction'),
    level: oneOfOrNull(r, 'level', Level.options),
    sources: strList(r, 'sources'),
    searchText: str(r, 'searchText'),
  };
}

export function taskToRecord(t: TaskNode): Record<string, unknown> {
  return {
    id: t.id,
    documentId: t.documentId,
    key: t.key,
    label: t.label,
    parentKey: t.parentKey,
    title: t.title,
    text: t.text,
    groups: t.groups,
    deadlineKind: t.deadlineKind,
    deadlineValue: t.deadlineValue,
    deadlineText: t.deadlineText,
    deadlineValid: t.deadlineValid,
    deadlineDates: JSON.stringify(t.deadlineDates),
    deadlineCondition: t.deadlineCondition,
    deadlineRecurrence: t.deadlineRecurrence,
    sources: t.sources,
  };
}

export function taskFromRecord(r: Row): TaskNode {
  return {
    kind: 'TASK',
    id: str(r, 'id'),
    documentId: str(r, 'documentId'),
    key: str(r, 'key'),
    label: text(r, 'label'),
    parentKey: strOrNull(r, 'parentKey'),
    title: text(r, 'title'),
    text: text(r, 'text'),
    groups: strList(r, 'groups'),
    deadlineKind: oneOfOrNull(r, 'deadlineKind', DeadlineKind.options),
    deadlineValue: strOrNull(r, 'deadlineValue'),
    deadlineText: strOrNull(r, 'deadlineText'),
    deadlineValid: bool(r, 'deadlineValid'),
    // Absent on tasks written before schema 2: no dates, condition or recurrence known.
    deadlineDates: dateList(r, 'deadlineDates'),
    deadlineCondition: strOrNull(r, 'deadlineCondition'),
    deadlineRecurrence: oneOfOrNull(r, 'deadlineRecurrence', Recurrence.options),
    sources: strList(r, 'sources'),
  };
}

/** A node record by its table / label name ("Document", "Task", "Agency"); null for labels that are not graph nodes. */
export function storedFromRecord(label: string, r: Row): StoredNode | null {
  switch (label) {
    case LABEL_OF.DOCUMENT:
      return { kind: 'DOCUMENT', stored: documentFromRecord(r) };
    case LABEL_OF.TASK:
      return { kind: 'TASK', node: taskFromRecord(r) };
    case LABEL_OF.AGENCY:
      return { kind: 'AGENCY', node: agencyFromRecord(r) };
    default:
      return null;
  }
}

export function graphNodeOf(s: StoredNode): GraphNode {
  return s.kind === 'DOCUMENT' ? s.stored.node : s.node;
}

export function nodeFromRecord(label: string, r: Row): GraphNode {
  const stored = storedFromRecord(label, r);
  if (stored === null) throw new StoreError('INTERNAL', `unexpected node label ${label}`);
  return graphNodeOf(stored);
}

/** Flat edge record; `basis` only for CITES and `role` only for ASSIGNS (the other tables have no such column). */
export function edgeToRecord(e: GraphEdge): Record<string, unknown> {
  const p = e.provenance;
  const base = {
    id: e.id,
    fromId: e.from,
    toId: e.to,
    assertedBy: p.assertedBy,
    source: p.source,
    evidenceStart: p.evidence.start,
    evidenceEnd: p.evidence.end,
    method: p.method,
    confidence: p.confidence,
    extractorVersion: p.extractorVersion,
  };
  if (e.type === 'CITES') return { ...base, basis: e.basis };
  if (e.type === 'ASSIGNS') return { ...base, role: e.role };
  return base;
}

export function edgeFromRecord(type: string, from: string, to: string, r: Row): GraphEdge {
  const parsedType = EdgeType.safeParse(type);
  if (!parsedType.success) throw new StoreError('INTERNAL', `unexpected edge type ${type}`);
  const base = {
    id: str(r, 'id'),
    from,
    to,
    provenance: {
      assertedBy: str(r, 'assertedBy'),
      source: str(r, 'source'),
      evidence: { start: num(r, 'evidenceStart'), end: num(r, 'evidenceEnd') },
      method: oneOf(r, 'method', Method.options),
      confidence: num(r, 'confidence'),
      extractorVersion: str(r, 'extractorVersion'),
    },
  };
  switch (parsedType.data) {
    case 'CITES':
      return { ...base, type: 'CITES', basis: oneOfOrNull(r, 'basis', Basis.options) };
    case 'ASSIGNS':
      return { ...base, type: 'ASSIGNS', role: oneOf(r, 'role', Role.options) };
    default:
      return { ...base, type: parsedType.data };
  }
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
