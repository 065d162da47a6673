// Test support: the facts of a small generated corpus, cut into batches, the same for a seed in every process.
import { buildPlan } from '../../bench/national/plan.ts';
import { generateDocuments } from '../../bench/national/write.ts';
import type { DocumentFacts } from '../../src/model/graph.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { contentHash, toGraphFacts } from '../../src/pipeline/to-graph.ts';

export const CRASH_CORPUS_DOCUMENTS = 90;

export function crashCorpusBatches(seed: number, size: number): DocumentFacts[][] {
  const facts = [...generateDocuments(buildPlan(seed, CRASH_CORPUS_DOCUMENTS))].map((d) =>
    toGraphFacts(extractDocument(d.text, { source: `crash/${d.file}` }), contentHash(d.text)),
  );
  const batches: DocumentFacts[][] = [];
  for (let i = 0; i < facts.length; i += size) batches.push(facts.slice(i, i + size));
  return batches;
}
