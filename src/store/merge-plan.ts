// Store internals: pure rules of a document merge (the survivor's row, the edges re-created at it, and which asserting documents must learn its id).
import { type GraphEdge, type IdentityNote, withEdgeId } from '../model/graph.ts';
import {
  documentNode,
  fieldsOf,
  mergeDocumentFields,
  ownSourceOf,
  union,
  unionSources,
} from './apply-plan.ts';
import { byId } from './records.ts';
import type { DocumentRow, StoredDocument } from './store-ops.ts';

/** An identity inferred after the fact is weaker than a statement: a re-pointed edge claims at most this. */
export const MERGED_EDGE_MAX_CONFIDENCE = 0.8;

export interface MergePlan {
  /** The survivor, then the asserting documents whose recorded edge sources change. */
  documents: DocumentRow[];
  /** Edges re-created at the survivor, sorted by id. */
  edges: GraphEdge[];
  /** Edges of `from` not re-created: the id already exists at the survivor, or they would loop on it. */
  dropped: number;
}

/**
 * The documents that asserted an edge leaving `fromId`: each recorded `fromId` among its edge sources
 * (applyDocument deletes a document's old edges from those sources), so each must now record the survivor.
 */
export function assertersOfEdgesFrom(fromId: string, edges: readonly GraphEdge[]): string[] {
  return union(
    [],
    edges.filter((e) => e.from === fromId).map((e) => e.provenance.assertedBy),
  );
}

function repointed(edge: GraphEdge, fromId: string, intoId: string, note: IdentityNote): GraphEdge {
  const at = (id: string) => (id === fromId ? intoId : id);
  const p = edge.provenance;
  // Only what a text stated becomes inferred: an edge already inferred keeps the method that inferred it.
  const method = p.method === 'STATED' || p.method === 'ALIAS_RESOLVED' ? note.method : p.method;
  return withEdgeId({
    ...edge,
    from: at(edge.from),
    to: at(edge.to),
    provenance: { ...p, method, confidence: Math.min(p.confidence, MERGED_EDGE_MAX_CONFIDENCE) },
  });
}

/** The edge-source list of an asserting document once `fromId` is gone: the survivor in its place. */
function withSurvivor(assertedFrom: readonly string[], fromId: string, intoId: string): string[] {
  return union(
    assertedFrom.filter((id) => id !== fromId),
    [intoId],
  );
}

export function planMerge(input: {
  from: StoredDocument;
  into: StoredDocument;
  /** Every edge at `from`, in or out, each once. */
  fromEdges: readonly GraphEdge[];
  /** Ids of every edge at `into`. */
  intoEdgeIds: ReadonlySet<string>;
  /** The stored documents named by `assertersOfEdgesFrom`, except `into`. */
  asserters: readonly StoredDocument[];
  note: IdentityNote;
}): MergePlan {
  const { from, into, note } = input;
  const fromId = from.node.id;
  const intoId = into.node.id;
  const intoAsserts = assertersOfEdgesFrom(fromId, input.fromEdges).includes(intoId);
  const survivor: DocumentRow = {
    node: documentNode(mergeDocumentFields(fieldsOf(into.node), fieldsOf(from.node)), {
      status: into.node.status,
      sources: unionSources(
        into.node.sources,
        from.node.sources,
        ownSourceOf(into.node) ?? ownSourceOf(from.node),
      ),
      contentHash: into.node.contentHash,
      extractorVersion: into.node.extractorVersion,
      // Ids merged into `from` earlier follow it, so a chain of merges still resolves in one lookup.
      mergedIds: union(into.node.mergedIds, [...from.node.mergedIds, fromId]).filter((id) => id !== intoId),
      identityNotes: [
        ...new Set([
          ...into.node.identityNotes,
          ...from.node.identityNotes,
          `${note.method} ${fromId}: ${note.reason}`,
        ]),
      ],
    }),
    assertedFrom: intoAsserts ? withSurvivor(into.assertedFrom, fromId, intoId) : into.assertedFrom,
  };
  const asserters = input.asserters.map(
    (a): DocumentRow => ({ node: a.node, assertedFrom: withSurvivor(a.assertedFrom, fromId, intoId) }),
  );

  const taken = new Set(input.intoEdgeIds);
  const edges: GraphEdge[] = [];
  let dropped = 0;
  for (const edge of [...input.fromEdges].sort(byId)) {
    const moved = repointed(edge, fromId, intoId, note);
    if (moved.from === moved.to || taken.has(moved.id)) {
      dropped++;
      continue;
    }
    taken.add(moved.id);
    edges.push(moved);
  }
  edges.sort(byId);
  return { documents: [survivor, ...asserters], edges, dropped };
}
