// Store internals: pure merge rules for one document's facts against what is stored (who wins per field, what is replaced, what may become orphaned).
import {
  type AgencyFields,
  type AgencyNode,
  type ApplyOutcome,
  agencySearchText,
  type DocumentFacts,
  type DocumentFields,
  type DocumentNode,
  documentSearchText,
  type GraphEdge,
  type TaskNode,
  withEdgeId,
} from '../model/graph.ts';
import type { DocumentRow, StoredDocument, StoredNode } from './store-ops.ts';

export interface ApplyPlan {
  documentId: string;
  outcome: ApplyOutcome;
  /** Sources of the edges the previous version asserted (where the delete starts). */
  previousAssertedFrom: string[];
  /** Tasks of the previous version that the new one no longer has. */
  staleTaskIds: string[];
  documents: DocumentRow[];
  agencies: AgencyNode[];
  tasks: TaskNode[];
  edges: GraphEdge[];
  /** Batch nodes that may end up without edges (mentioned documents, agencies). */
  orphanCandidates: string[];
}

/** Sorted union: sources and variants do not depend on the order documents were ingested. */
export function union(a: readonly string[], b: readonly string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/**
 * A node's `sources` keep the first files in sort order, at most this many. A resolution cited by every
 * plan of a country would otherwise carry thousands, rewritten by each new citation (quadratic writes). Every mention still names its file on its edge's provenance.
 */
export const MAX_NODE_SOURCES = 24;

/**
 * Sorted union capped at MAX_NODE_SOURCES: the smallest ones, the same set whatever the order of arrival.
 * A full text's own file goes first and is never cut, so its text can always be found again.
 */
export function unionSources(
  a: readonly string[],
  b: readonly string[],
  own: string | null = null,
): string[] {
  const rest = union(a, b).filter((s) => s !== own);
  return own === null ? rest.slice(0, MAX_NODE_SOURCES) : [own, ...rest.slice(0, MAX_NODE_SOURCES - 1)];
}

/** The file of a document's own text: the first source of a full text, none for a document only cited. */
export function ownSourceOf(node: { status: string; sources: readonly string[] }): string | null {
  return node.status === 'FULL_TEXT' ? (node.sources[0] ?? null) : null;
}

function hasDate(d: DocumentFields): boolean {
  return d.dateValue !== null || d.dateText !== null;
}

/**
 * Field-wise merge where `primary` wins unless it is empty (null, or OTHER for the type). The date
 * fields move as one group so a value never pairs with another citation's text or validity.
 */
export function mergeDocumentFields(primary: DocumentFields, secondary: DocumentFields): DocumentFields {
  const pick = <T>(p: T | null, s: T | null): T | null => (p !== null ? p : s);
  const date = hasDate(primary) || !hasDate(secondary) ? primary : secondary;
  return {
    id: primary.id,
    symbol: pick(primary.symbol, secondary.symbol),
    type: primary.type !== 'OTHER' ? primary.type : secondary.type,
    issuerName: pick(primary.issuerName, secondary.issuerName),
    branch: pick(primary.branch, secondary.branch),
    level: pick(primary.level, secondary.level),
    jurisdiction: pick(primary.jurisdiction, secondary.jurisdiction),
    province: pick(primary.province, secondary.province),
    dateValue: date.dateValue,
    dateText: date.dateText,
    dateValid: date.dateValid,
    year: pick(primary.year, secondary.year),
    title: pick(primary.title, secondary.title),
    subject: pick(primary.subject, secondary.subject),
    promulgates: pick(primary.promulgates, secondary.promulgates),
    signer: pick(primary.signer, secondary.signer),
    signerTitle: pick(primary.signerTitle, secondary.signerTitle),
    term: pick(primary.term, secondary.term),
  };
}

/** What the store owns on a document node, besides the fields a batch supplies. */
export type DocumentOwned = Pick<
  DocumentNode,
  'status' | 'sources' | 'contentHash' | 'extractorVersion' | 'mergedIds' | 'identityNotes'
>;

export function documentNode(fields: DocumentFields, rest: DocumentOwned): DocumentNode {
  return { ...fields, kind: 'DOCUMENT', ...rest, searchText: documentSearchText(fields) };
}

export function fieldsOf(node: DocumentNode): DocumentFields {
  const {
    kind: _k,
    status: _s,
    sources: _so,
    contentHash: _c,
    extractorVersion: _e,
    searchText: _t,
    mergedIds: _m,
    identityNotes: _n,
    ...fields
  } = node;
  return fields;
}

/** The document's own text is authoritative for its fields; what citations supplied stays where the text is silent (a plan printed without number keeps the number it was cited by). */
function ownRow(facts: DocumentFacts, prev: StoredDocument | undefined): DocumentRow {
  const fields = prev ? mergeDocumentFields(facts.document, fieldsOf(prev.node)) : facts.document;
  return {
    node: documentNode(fields, {
      status: 'FULL_TEXT',
      sources: unionSources(prev?.node.sources ?? [], [facts.source], facts.source),
      contentHash: facts.contentHash,
      extractorVersion: facts.extractorVersion,
      // Identity is settled across documents: a node's own text never undoes a merge.
      mergedIds: prev?.node.mergedIds ?? [],
      identityNotes: prev?.node.identityNotes ?? [],
    }),
    assertedFrom: union(
      [],
      facts.edges.map((e) => e.from),
    ),
  };
}

/** A citation never overrides what is stored; it only fills empty fields. */
function mentionedRow(fields: DocumentFields, source: string, prev: StoredDocument | undefined): DocumentRow {
  if (!prev) {
    return {
      node: documentNode(fields, {
        status: 'CITED_ONLY',
        sources: [source],
        contentHash: null,
        extractorVersion: null,
        mergedIds: [],
        identityNotes: [],
      }),
      assertedFrom: [],
    };
  }
  const p = prev.node;
  return {
    node: documentNode(mergeDocumentFields(fieldsOf(p), fields), {
      status: p.status,
      sources: unionSources(p.sources, [source], ownSourceOf(p)),
      contentHash: p.contentHash,
      extractorVersion: p.extractorVersion,
      mergedIds: p.mergedIds,
      identityNotes: p.identityNotes,
    }),
    assertedFrom: prev.assertedFrom,
  };
}

function agencyNode(fields: AgencyFields, source: string, prev: AgencyNode | undefined): AgencyNode {
  const merged: AgencyFields = prev
    ? {
        id: prev.id,
        name: prev.name,
        variants: union(prev.variants, fields.variants),
        jurisdiction: prev.jurisdiction ?? fields.jurisdiction,
        level: prev.level ?? fields.level,
      }
    : { ...fields, variants: union([], fields.variants) };
  return {
    ...merged,
    kind: 'AGENCY',
    sources: unionSources(prev?.sources ?? [], [source]),
    searchText: agencySearchText(merged),
  };
}

function storedDocument(s: StoredNode | undefined): StoredDocument | undefined {
  return s?.kind === 'DOCUMENT' ? s.stored : undefined;
}

export function planApply(
  facts: DocumentFacts,
  existing: ReadonlyMap<string, StoredNode>,
  existingTaskIds: readonly string[],
): ApplyPlan {
  const id = facts.document.id;
  const prev = storedDocument(existing.get(id));
  const outcome: ApplyOutcome =
    prev === undefined
      ? 'CREATED'
      : prev.node.status === 'CITED_ONLY'
        ? 'UPGRADED'
        : prev.node.contentHash === facts.contentHash && prev.node.extractorVersion === facts.extractorVersion
          ? 'UNCHANGED'
          : 'REPLACED';
  const newTaskIds = new Set(facts.tasks.map((t) => t.id));
  return {
    documentId: id,
    outcome,
    previousAssertedFrom: prev?.assertedFrom ?? [],
    staleTaskIds: existingTaskIds.filter((t) => !newTaskIds.has(t)).sort(),
    documents: [
      ownRow(facts, prev),
      ...facts.mentioned.map((m) => mentionedRow(m, facts.source, storedDocument(existing.get(m.id)))),
    ],
    agencies: facts.agencies.map((a) => {
      const s = existing.get(a.id);
      return agencyNode(a, facts.source, s?.kind === 'AGENCY' ? s.node : undefined);
    }),
    tasks: facts.tasks.map((t) => ({ ...t, kind: 'TASK', sources: [facts.source] })),
    edges: facts.edges.map(withEdgeId).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
    orphanCandidates: [...facts.mentioned.map((m) => m.id), ...facts.agencies.map((a) => a.id)],
  };
}
