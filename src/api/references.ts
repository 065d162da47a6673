// API references: what a document cites, with every mention's offsets in its original text — the stored
// CITES/IMPLEMENTS edges give the targets (after any identity merge), re-extracting the text gives the mentions;
// the two meet on the relation's evidence span, which the edge's provenance keeps.
import type { ExtractedDocument } from '../model/extraction.ts';
import type { Citations, DocumentNode, GraphEdge } from '../model/graph.ts';
import { extractDocument } from '../pipeline/extract-document.ts';
import { Lru } from './lru.ts';
import type { ReferenceView } from './mappers.ts';

/** Extractions of texts by content hash (extraction is pure, so one per text is enough). */
export class ExtractionMemo {
  private readonly memo: Lru<string, ExtractedDocument>;

  constructor(entries = 16) {
    this.memo = new Lru(entries);
  }

  of(hash: string, text: string, source: string): ExtractedDocument {
    let doc = this.memo.get(hash);
    if (doc === undefined) {
      doc = extractDocument(text, { source });
      this.memo.set(hash, doc);
    }
    return doc;
  }
}

const spanKey = (type: string, start: number, end: number) => `${type}|${Math.min(start, end)}|${end}`;
const firstOffset = (r: ReferenceView) =>
  Math.min(
    r.mentions[0]?.start ?? Number.POSITIVE_INFINITY,
    ...r.relations.map((e) => e.provenance.evidence.start),
  );

/** References of `doc` from its outgoing citations and, when available, its text. */
export function buildReferences(
  doc: DocumentNode,
  out: Citations,
  text: string | null,
  memo: ExtractionMemo,
): ReferenceView[] {
  const byTarget = new Map<string, GraphEdge[]>();
  const targets = new Map<string, DocumentNode>();
  for (const { edge, node } of out.citations) {
    byTarget.set(edge.to, [...(byTarget.get(edge.to) ?? []), edge]);
    if (node.kind === 'DOCUMENT') targets.set(node.id, node);
  }
  const views = new Map<string, ReferenceView>();
  const unmatched: ReferenceView[] = [];

  if (text !== null && doc.contentHash !== null) {
    const extracted = memo.of(doc.contentHash, text, doc.sources[0] ?? doc.id);
    // Only edges this document's own text asserted have evidence inside this text.
    const ownByEvidence = new Map<string, GraphEdge[]>();
    for (const edges of byTarget.values())
      for (const e of edges) {
        if (e.provenance.assertedBy !== doc.id || e.from !== doc.id) continue;
        const k = spanKey(e.type, e.provenance.evidence.start, e.provenance.evidence.end);
        ownByEvidence.set(k, [...(ownByEvidence.get(k) ?? []), e]);
      }
    const targetOfRef = new Map<string, string>();
    for (const rel of extracted.relations) {
      if (rel.from !== 'SELF') continue;
      for (const e of ownByEvidence.get(spanKey(rel.type, rel.evidence.start, rel.evidence.end)) ?? [])
        targetOfRef.set(rel.to, e.to);
    }
    for (const ref of extracted.references) {
      const targetId = targetOfRef.get(ref.id) ?? null;
      if (targetId === null) {
        unmatched.push({
          targetId: null,
          symbol: ref.symbol,
          name: ref.name,
          type: ref.type,
          mentions: ref.mentions,
          relations: [],
        });
        continue;
      }
      const had = views.get(targetId);
      // Two printed references may be one stored document (an alias, an identity merge): one entry, all mentions.
      views.set(targetId, {
        targetId,
        symbol: had?.symbol ?? ref.symbol,
        name: had?.name ?? ref.name,
        type: had?.type ?? ref.type,
        mentions: [...(had?.mentions ?? []), ...ref.mentions].sort((a, b) => a.start - b.start),
        relations: byTarget.get(targetId) ?? [],
      });
    }
  }
  // Stored targets no mention was tied to (no text, another extractor version): listed with their edges.
  for (const [targetId, edges] of byTarget) {
    if (views.has(targetId)) continue;
    const t = targets.get(targetId);
    views.set(targetId, {
      targetId,
      symbol: t?.symbol ?? null,
      name: t && t.symbol === null ? t.title : null,
      type: t?.type ?? null,
      mentions: [],
      relations: edges,
    });
  }
  return [...views.values(), ...unmatched].sort((a, b) => firstOffset(a) - firstOffset(b));
}
