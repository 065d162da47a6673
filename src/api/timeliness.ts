// API timeliness: the `timeliness` query's work — the coverage of the root at a level, the time limits its text
// states (extracted from the stored text, memoized like references), judged by src/query/timeliness.ts.
import type { Level } from '../model/extraction.ts';
import type { DocumentNode } from '../model/graph.ts';
import { coverageUnits } from '../query/coverage-units.ts';
import { timeliness, todayInVietnam } from '../query/timeliness.ts';
import type { ApiContext } from './context.ts';
import type { Era } from './generated/resolver-types.ts';
import type { TimelinessView } from './mappers.ts';

export async function timelinessOf(
  ctx: ApiContext,
  root: DocumentNode,
  level: Level,
  era: Era | null | undefined,
  province: string | null | undefined,
  asOf: string | null | undefined,
): Promise<TimelinessView> {
  const { units, era: used } = coverageUnits(level, root, era, province);
  const [coverage, text] = await Promise.all([
    ctx.store.coverage(root.id, level, units),
    ctx.services.texts.textOf(root),
  ]);
  const limits =
    text === null
      ? []
      : ctx.services.extractions.of(root.contentHash ?? root.id, text, root.sources[0] ?? root.id)
          .issueDeadlines;
  const ids = coverage.covered.flatMap((c) => c.documentIds);
  const nodes = await ctx.loaders.node.loadMany(ids);
  const byId = new Map<string, DocumentNode>();
  for (const n of nodes) if (!(n instanceof Error) && n.kind === 'DOCUMENT') byId.set(n.id, n);
  const documentsOf = new Map(
    coverage.covered.map((c) => [
      c.unit,
      c.documentIds.map((id) => byId.get(id)).filter((d) => d !== undefined),
    ]),
  );
  const answer = timeliness({
    root: coverage.root,
    limits,
    units: units.map((unit) => ({ unit, documents: documentsOf.get(unit) ?? [] })),
    asOf: asOf ?? todayInVietnam(),
  });
  return { ...answer, level, era: used };
}
