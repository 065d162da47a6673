// Pipeline entry: composes the pure stages for one document — normalise → segment → extract (header,
// citations, tasks) → resolve references → relations. No I/O; never throws on any string.
import type { ExtractedDocument, ExtractionWarning } from '../model/extraction.ts';
import type { AgencyContext } from './extract/agencies.ts';
import { findCitations, findTypeIssuerMentions, type Mention } from './extract/citations.ts';
import { extractHeader } from './extract/header.ts';
import { findIssueDeadlines } from './extract/issue-deadlines.ts';
import { extractRelations, type Scope } from './extract/relations.ts';
import { extractTasks } from './extract/tasks.ts';
import { extractValidity } from './extract/validity.ts';
import { normalize } from './normalize.ts';
import { resolveReferences } from './resolve-references.ts';
import { type OutlineNode, type Segmented, segment } from './segment.ts';

/** Recorded on every stored fact; a document stored by another version is extracted again (REPLACED) when ingested. 1.1.0: the signer's title; 1.2.0: validity hints. */
export const EXTRACTOR_VERSION = '1.3.0';

export interface ExtractOptions {
  /** Where the text came from (a path); copied into the result. */
  source?: string;
}

/** Extracts one document. Pure: no I/O, never throws on any string input. */
export function extractDocument(text: string, options: ExtractOptions = {}): ExtractedDocument {
  const source = options.source ?? '';
  try {
    return extract(text, source);
  } catch (error) {
    // A bug must not lose the document: keep it raw with a warning naming the failure.
    const message = `extraction failed (${error instanceof Error ? error.message : String(error)}); the text is kept unparsed`;
    return unparsed(source, { code: 'UNPARSED_TEXT', message, start: 0, end: text.length });
  }
}

/** A result with nothing extracted: the text stays with its source, the warning says why. */
function unparsed(source: string, warning: ExtractionWarning): ExtractedDocument {
  return {
    source,
    extractor: EXTRACTOR_VERSION,
    document: {
      symbol: null,
      type: 'OTHER',
      issuer: null,
      date: null,
      place: null,
      title: null,
      signer: null,
      signerTitle: null,
    },
    references: [],
    relations: [],
    tasks: [],
    issueDeadlines: [],
    warnings: [warning],
  };
}

function extract(text: string, source: string): ExtractedDocument {
  const warnings: ExtractionWarning[] = [];
  const n = normalize(text);
  if (n.text.trim().length === 0) {
    // Nothing to read: one warning, not a cascade (no issuer, no sections ...).
    return unparsed(source, {
      code: 'EMPTY_DOCUMENT',
      message: 'the text is empty',
      start: 0,
      end: text.length,
    });
  }
  const seg = segment(n);
  const head = extractHeader(n, seg, seg.lines);
  for (const w of head.warnings) warnings.push(w);

  const citations = findCitations(n, head.ownSymbol);
  if (seg.title) for (const m of findTypeIssuerMentions(n, seg.title)) citations.mentions.push(m);
  citations.mentions.sort((a, b) => a.start - b.start);
  const resolved = resolveReferences(
    n,
    citations.mentions,
    citations.aliasDeclarations,
    citations.aliasUses,
    head.place,
    { symbol: head.header.symbol, date: head.header.date?.value ?? null },
  );
  for (const w of resolved.warnings) warnings.push(w);

  const agencyCtx: AgencyContext = { place: head.place, writerLevel: head.header.issuer?.level ?? null };
  const tasks = extractTasks(n, seg, agencyCtx);

  const scopeOf = scopes(seg);
  const mentions = withAliasUses(citations.mentions, resolved.aliasUses);
  const relations = extractRelations({
    n,
    mentions,
    refOf: resolved.refOf,
    references: resolved.references,
    scopeOf,
    unbroken: seg.title ? [seg.title] : [],
  });
  for (const r of extractValidity({
    n,
    mentions,
    refOf: resolved.refOf,
    titles: [seg.title, seg.header].filter((r) => r !== null),
    docType: head.header.type,
    inTask: (at) => scopeOf(at).kind === 'TASK',
  }))
    relations.push(r);

  for (const ref of resolved.references) {
    if (ref.date && !ref.date.valid) {
      const at = ref.mentions[0] ?? { start: 0, end: 0 };
      warnings.push({
        code: 'INVALID_DATE',
        message: `impossible date "${ref.date.text}" kept as written`,
        ...at,
      });
    }
  }
  for (const t of tasks) {
    if (t.deadline && !t.deadline.valid)
      warnings.push({
        code: 'INVALID_DATE',
        message: `task ${t.key}: impossible deadline "${t.deadline.text}" kept as written`,
        ...t.span,
      });
    if ((t.key.split('.').at(-1) ?? '').includes('~'))
      warnings.push({
        code: 'DUPLICATE_NUMBERING',
        message: `"${t.label}" is numbered twice in the source; the repeat is kept as ${t.key}`,
        ...t.span,
      });
  }
  for (const s of seg.sections)
    if (s.key.includes('~'))
      warnings.push({
        code: 'DUPLICATE_NUMBERING',
        message: `section "${s.label}" is numbered twice in the source; the repeat is kept as ${s.key}`,
        start: n.toOriginal(s.start),
        end: n.toOriginal(s.headLine.end),
      });
  if (seg.sections.length === 0 && n.text.trim().length > 0 && seg.preamble) {
    warnings.push({
      code: 'UNPARSED_TEXT',
      message: 'no numbered sections: the body is kept as text, without tasks',
      start: n.toOriginal(seg.preamble.start),
      end: n.toOriginal(seg.preamble.end),
    });
  }
  warnings.sort((a, b) => a.start - b.start || a.end - b.end);

  return {
    source,
    extractor: EXTRACTOR_VERSION,
    document: head.header,
    references: resolved.references,
    relations,
    tasks,
    issueDeadlines: findIssueDeadlines(n),
    warnings,
  };
}

/**
 * All mentions ordered by start; at one start, the citations first, then the uses of aliases, then the
 * type-and-issuer mentions of the title (the order the finders gave them in).
 */
function withAliasUses(mentions: Mention[], aliasUses: Mention[]): Mention[] {
  if (aliasUses.length === 0) return mentions;
  const rank = (m: Mention) => (m.kind === 'TYPE_ISSUER' ? 2 : m.kind === 'ALIAS' ? 1 : 0);
  return [...mentions, ...aliasUses].sort((a, b) => a.start - b.start || rank(a) - rank(b));
}

/** Which part of the document an offset is in: title, preamble, a task's own lines, or the rest. */
function scopes(seg: Segmented): (offset: number) => Scope {
  const taskRanges: Array<{ start: number; end: number; key: string }> = [];
  const visit = (node: OutlineNode) => {
    for (const l of node.ownLines) taskRanges.push({ start: l.start, end: l.end, key: node.key });
    for (const c of node.children) visit(c);
  };
  for (const s of seg.sections) if (s.kind !== 'OTHER') for (const c of s.children) visit(c);
  taskRanges.sort((a, b) => a.start - b.start);
  const inRange = (r: { start: number; end: number } | null, at: number) =>
    r !== null && at >= r.start && at <= r.end;
  const headerSubject = seg.header;
  return (offset) => {
    if (inRange(seg.title, offset)) return { kind: 'TITLE', owner: 'SELF' };
    if (inRange(seg.preamble, offset)) return { kind: 'PREAMBLE', owner: 'SELF' };
    if (inRange(headerSubject, offset)) return { kind: 'TITLE', owner: 'SELF' };
    let lo = 0;
    let hi = taskRanges.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const r = taskRanges[mid] as { start: number; end: number; key: string };
      if (offset < r.start) hi = mid - 1;
      else if (offset > r.end) lo = mid + 1;
      else return { kind: 'TASK', owner: `task:${r.key}` };
    }
    return { kind: 'BODY', owner: 'SELF' };
  };
}
