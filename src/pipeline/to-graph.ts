// Pipeline stage (to-graph): one extraction → the facts its document contributes to the graph, with
// deterministic ids (symbol + jurisdiction + date; a label when unnumbered) and provenance on every edge.
// Pure: identities that need other documents (an undated citation, a plan printed without a number, a
// strategy named by subject) are settled later by the reconcile step against the store.
import { createHash } from 'node:crypto';
import type { AgencyMention, ExtractedDocument, Reference, Task } from '../model/extraction.ts';
import {
  type AgencyFields,
  agencyId,
  type DocumentFacts,
  type DocumentFields,
  documentId,
  type EdgeFields,
  type Provenance,
  type TaskFields,
  taskId,
} from '../model/graph.ts';

/** How sure a stated fact is: the text says it, but extraction can misread. */
const STATED_CONFIDENCE = 0.95;

export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The label of an unnumbered document: its type and a short hash of its title (stable across re-ingests). */
function unnumberedLabel(doc: ExtractedDocument): string {
  const basis = doc.document.title ?? doc.source;
  const hash = createHash('sha256').update(basis.normalize('NFC').toLowerCase()).digest('hex').slice(0, 10);
  return `${doc.document.type.toLowerCase()} ${hash}`;
}

const validDate = (d: { value: string | null; valid: boolean } | null) => (d?.valid ? d.value : null);
const yearOf = (date: string | null) => (date ? Number(date.slice(0, 4)) : null);

function selfFields(doc: ExtractedDocument): DocumentFields {
  const h = doc.document;
  const date = validDate(h.date);
  const id = documentId({
    symbol: h.symbol,
    label: h.symbol ? null : unnumberedLabel(doc),
    jurisdiction: h.issuer?.jurisdiction ?? null,
    date,
  });
  const promulgated = doc.references.find((r) => r.promulgatedBy === 'SELF');
  return {
    id,
    symbol: h.symbol,
    type: h.type,
    issuerName: h.issuer?.name ?? null,
    branch: h.issuer?.branch ?? null,
    level: h.issuer?.level ?? null,
    jurisdiction: h.issuer?.jurisdiction ?? null,
    province: h.issuer?.province ?? null,
    dateValue: date,
    dateText: h.date?.text ?? null,
    dateValid: h.date?.valid ?? true,
    year: yearOf(date),
    title: h.title,
    subject: null,
    promulgates: promulgated?.name ?? null,
    signer: h.signer,
    signerTitle: h.signerTitle,
    term: h.issuer?.term ?? null,
  };
}

function referenceFields(ref: Reference, promulgatedBy: ReadonlyMap<string, Reference>): DocumentFields {
  const date = validDate(ref.date);
  const symbolYear = ref.symbol ? /^\d+\/((?:19|20)\d{2})\//.exec(ref.symbol)?.[1] : undefined;
  const year = yearOf(date) ?? (symbolYear ? Number(symbolYear) : null);
  const label = ref.symbol ? null : (ref.name ?? `${ref.type} ${ref.number ?? ref.id}`);
  const promulgated = promulgatedBy.get(ref.id);
  return {
    id: documentId({ symbol: ref.symbol, label, jurisdiction: ref.issuer?.jurisdiction ?? null, date, year }),
    symbol: ref.symbol,
    type: ref.type,
    issuerName: ref.issuer?.name ?? null,
    branch: ref.issuer?.branch ?? null,
    level: ref.issuer?.level ?? null,
    jurisdiction: ref.issuer?.jurisdiction ?? null,
    province: ref.issuer?.province ?? null,
    dateValue: date,
    dateText: ref.date?.text ?? null,
    dateValid: ref.date?.valid ?? true,
    year,
    // A reference known only by name is titled by it, so search and subject lookups find it.
    title: ref.symbol ? null : ref.name,
    subject: ref.subject,
    promulgates: promulgated?.name ?? null,
    signer: null,
    signerTitle: null,
    // What the citation prints ("Bộ Chính trị khóa X"): a full text's own value wins when both are known.
    term: ref.issuer?.term ?? null,
  };
}

function taskFields(docId: string, t: Task): TaskFields {
  return {
    id: taskId(docId, t.key),
    documentId: docId,
    key: t.key,
    label: t.label,
    parentKey: t.parent,
    title: t.title,
    text: t.text,
    groups: t.groups,
    deadlineKind: t.deadline?.kind ?? null,
    deadlineValue: t.deadline?.value ?? null,
    deadlineText: t.deadline?.text ?? null,
    deadlineValid: t.deadline?.valid ?? true,
    deadlineDates: t.deadline?.dates ?? [],
    deadlineCondition: t.deadline?.condition ?? null,
    deadlineRecurrence: t.deadline?.recurrence ?? null,
  };
}

/** Everything one extracted document contributes, as one batch for `applyDocument`. */
export function toGraphFacts(doc: ExtractedDocument, hash: string): DocumentFacts {
  const self = selfFields(doc);
  const source = doc.source.length > 0 ? doc.source : `text:${hash.slice(0, 12)}`;
  const provenance = (evidence: { start: number; end: number }): Provenance => ({
    assertedBy: self.id,
    source,
    evidence: { start: Math.min(evidence.start, evidence.end), end: evidence.end },
    method: 'STATED',
    confidence: STATED_CONFIDENCE,
    extractorVersion: doc.extractor,
  });

  // Mentioned documents; two references that land on one id (or on the document itself) are one node.
  const refIds = new Map<string, string>();
  const mentioned = new Map<string, DocumentFields>();
  // The first reference each one promulgated, as `references.find((r) => r.promulgatedBy === id)` would give.
  const promulgatedBy = new Map<string, Reference>();
  for (const r of doc.references)
    if (r.promulgatedBy !== null && !promulgatedBy.has(r.promulgatedBy))
      promulgatedBy.set(r.promulgatedBy, r);
  for (const ref of doc.references) {
    const fields = referenceFields(ref, promulgatedBy);
    refIds.set(ref.id, fields.id);
    if (fields.id !== self.id && !mentioned.has(fields.id)) mentioned.set(fields.id, fields);
  }

  // Each agency's printed variants are gathered in a set and sorted once, at the end.
  const agencies = new Map<string, AgencyFields>();
  const variantsOf = new Map<string, Set<string>>();
  const addAgency = (
    name: string,
    jurisdiction: string | null,
    level: AgencyFields['level'],
    printed?: string,
  ) => {
    const id = agencyId({ name, jurisdiction });
    let variants = variantsOf.get(id);
    if (!variants) {
      variants = new Set();
      variantsOf.set(id, variants);
    }
    if (printed && printed !== name) variants.add(printed);
    // The name and place as last printed, the level as first seen (as before).
    agencies.set(id, { id, name, jurisdiction, level: agencies.get(id)?.level ?? level, variants: [] });
    return id;
  };

  const edges: EdgeFields[] = [];
  const seen = new Set<string>();
  const push = (e: EdgeFields) => {
    const key = `${e.type}|${e.from}|${e.to}|${e.type === 'ASSIGNS' ? e.role : e.type === 'CITES' ? e.basis : ''}`;
    if (e.from === e.to || seen.has(key)) return;
    seen.add(key);
    edges.push(e);
  };

  // Issuers: of the document, and of what it cites (what the citation says about them).
  const issuer = doc.document.issuer;
  if (issuer)
    push({
      type: 'ISSUED_BY',
      from: self.id,
      to: addAgency(issuer.name, issuer.jurisdiction, issuer.level),
      provenance: provenance({ start: 0, end: 0 }),
    });
  for (const ref of doc.references) {
    const to = refIds.get(ref.id) as string;
    if (ref.issuer && to !== self.id)
      push({
        type: 'ISSUED_BY',
        from: to,
        to: addAgency(ref.issuer.name, ref.issuer.jurisdiction, ref.issuer.level),
        provenance: provenance(ref.mentions[0] ?? { start: 0, end: 0 }),
      });
  }

  const tasks = doc.tasks.map((t) => taskFields(self.id, t));
  const keys = new Set(doc.tasks.map((t) => t.key));
  for (const t of doc.tasks) {
    const id = taskId(self.id, t.key);
    push({ type: 'HAS_TASK', from: self.id, to: id, provenance: provenance(t.span) });
    if (t.parent && keys.has(t.parent))
      push({ type: 'PART_OF', from: id, to: taskId(self.id, t.parent), provenance: provenance(t.span) });
    const assign = (a: AgencyMention, role: 'LEAD' | 'COORDINATOR') =>
      push({
        type: 'ASSIGNS',
        from: id,
        to: addAgency(a.name, a.jurisdiction, a.level, a.printed),
        role,
        provenance: provenance(a.span),
      });
    for (const a of t.lead) assign(a, 'LEAD');
    for (const a of t.coordinators) assign(a, 'COORDINATOR');
  }

  const endpoint = (ref: string): string | null => {
    if (ref === 'SELF') return self.id;
    if (ref.startsWith('task:')) return keys.has(ref.slice(5)) ? taskId(self.id, ref.slice(5)) : null;
    return refIds.get(ref) ?? null;
  };
  for (const r of doc.relations) {
    const from = endpoint(r.from);
    const to = endpoint(r.to);
    if (!from || !to) continue;
    if (r.type === 'IMPLEMENTS') push({ type: 'IMPLEMENTS', from, to, provenance: provenance(r.evidence) });
    else if (r.type !== 'CITES') {
      // Validity hints join documents only (the extractor states none for tasks).
      if (!from.includes('#') && !to.includes('#'))
        push({ type: r.type, from, to, provenance: provenance(r.evidence) });
    } else if (!from.includes('#'))
      push({ type: 'CITES', from, to, basis: r.basis, provenance: provenance(r.evidence) });
  }

  return {
    source,
    contentHash: hash,
    extractorVersion: doc.extractor,
    document: self,
    mentioned: [...mentioned.values()],
    agencies: [...agencies.values()].map((a) => ({
      ...a,
      variants: [...(variantsOf.get(a.id) ?? [])].sort(),
    })),
    tasks,
    edges,
  };
}
