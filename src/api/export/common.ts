// API exports for auditors: what the mandate, lineage and coverage tables are built from (the store port and the
// graph's mandates — the server's catalog or the CLI's), the Vietnamese labels of codes (as the viewer shows
// them, viewer/labels.js), short names of nodes, and the input errors the CLI and the download routes report.
import type { IssueDeadline } from '../../model/extraction.ts';
import { DOC_TYPE_WORDS, type DocumentNode, type GraphNode } from '../../model/graph.ts';
import { resolveRef } from '../../query/refs.ts';
import { type GraphStore, isStoreError } from '../../store/graph-store.ts';
import type { RequestBudget } from '../budget.ts';
import { GraphQLError } from '../graphql.ts';
import type { MandateView } from '../mappers.ts';

export interface ExportSource {
  store: GraphStore;
  /** Every mandate of the graph, sorted by mandateKey (the catalog's list). */
  allMandates(): Promise<readonly MandateView[]>;
  /** How deep a lineage export walks (the API's limit). */
  maxLineageDepth: number;
  /** The time limits a document's text gives for issuing documents implementing it (none without its text). */
  issueLimitsOf(doc: DocumentNode): Promise<readonly IssueDeadline[]>;
  /** A download's time budget: long loops yield and stop once it is spent (the CLI has none). */
  budget?: RequestBudget;
}

/** A parameter the user got wrong: the CLI prints it (exit 2), the routes answer 400 with its field. */
export class ExportInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ExportInputError';
  }
}

export const ROLE = { LEAD: 'Chủ trì', COORDINATOR: 'Phối hợp' } as const;
export const KIND = { DOCUMENT: 'Văn bản', TASK: 'Nhiệm vụ', AGENCY: 'Cơ quan' } as const;
export const LEVEL = {
  CENTRAL: 'Trung ương',
  PROVINCE: 'Cấp tỉnh',
  DISTRICT: 'Cấp huyện',
  COMMUNE: 'Cấp xã',
} as const;
export const METHOD = {
  STATED: 'Nêu trong văn bản',
  ALIAS_RESOLVED: 'Qua tên gọi tắt',
  IDENTITY_INFERRED: 'Suy ra là cùng một văn bản',
  SUBJECT_INFERRED: 'Suy ra từ nội dung trích yếu',
} as const;
export const DEADLINE_KIND = {
  ONGOING: 'Thường xuyên',
  BY_DATE: 'Trước ngày',
  BY_QUARTER: 'Trong quý',
  RECURRING: 'Định kỳ',
  START: 'Bắt đầu từ',
  UNKNOWN: 'Không rõ',
} as const;
/** Relations of a tree entry to the entry above it, and of a chain step. */
export const RELATION = {
  IMPLEMENTS: 'Triển khai',
  HAS_TASK: 'Nhiệm vụ của văn bản',
  PART_OF: 'Nhiệm vụ con',
  LEAD: 'Chủ trì',
  COORDINATOR: 'Phối hợp',
  ASSIGNS: 'Giao cho',
} as const;

/** A document as the viewer names it: its symbol, else "Kế hoạch không số · Ia H'Drai", else its title. */
export function docLabel(d: DocumentNode): string {
  if (d.symbol !== null) return d.symbol;
  const type = DOC_TYPE_WORDS[d.type] || 'Văn bản';
  if (d.status === 'FULL_TEXT' || d.title === null) {
    const place = d.level === 'CENTRAL' ? 'Trung ương' : (d.jurisdiction ?? '');
    return place ? `${type} không số · ${place}` : `${type} không số`;
  }
  return d.title.length <= 60 ? d.title : `${d.title.slice(0, 59).trimEnd()}…`;
}

/** The name a chain or a path shows for a node: a document's label, a task's key, an agency's name. */
export function shortLabel(n: GraphNode): string {
  if (n.kind === 'DOCUMENT') return docLabel(n);
  if (n.kind === 'TASK') return n.key;
  return n.name;
}

/** The node a reference names; a missing one, or text that is no reference, is an input error on `field`. */
export async function nodeOfRef(store: GraphStore, ref: string | null, field = 'ref'): Promise<GraphNode> {
  if (ref === null || ref.trim() === '') throw new ExportInputError(field, `${field} is required`);
  try {
    return await resolveRef(store, ref);
  } catch (error) {
    if (isStoreError(error) && error.code === 'INVALID_ARGUMENT')
      throw new ExportInputError(field, error.message);
    throw error;
  }
}

/** Runs one of the API's argument checks, its refusal (BAD_USER_INPUT, INVALID_ARGUMENT) an input error on `field`. */
export function asInput<T>(field: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (
      (error instanceof GraphQLError && error.extensions.code === 'BAD_USER_INPUT') ||
      (isStoreError(error) && error.code === 'INVALID_ARGUMENT')
    )
      throw new ExportInputError(field, error.message);
    throw error;
  }
}

/** A file name part from free text: ASCII letters, digits and dashes ("36-NQ/TW" → "36-NQ-TW"). */
export function fileSlug(text: string): string {
  const s = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, (c) => (c === 'đ' ? 'd' : 'D'))
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  // Long names are cut at a word boundary.
  const cut = s.length <= 80 ? s : s.slice(0, 80).replace(/-[^-]*$/, '');
  return cut || 'x';
}

/** Distinct values, in order. */
export function distinct<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
