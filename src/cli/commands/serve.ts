// CLI command `serve` (the main job behind `npm start`): ingests the given paths (idempotent: unchanged files
// are skipped), then serves the GraphQL API, the viewer and /healthz until Ctrl-C, which closes the store.
import type { Command } from 'commander';
import { jsonLinesLogger } from '../../api/logger.ts';
import { startServer } from '../../api/server.ts';
import { ingestDocuments } from '../../ingest/ingest.ts';
import { expandPaths, readDocuments } from '../../io/input-files.ts';
import { resolveStoreTarget } from '../../store/create-store.ts';
import { viewerRoutes } from '../../viewer/static-routes.ts';
import { type CliIo, type CommandContext, EXIT_OK, EXIT_USAGE } from '../main.ts';
import { addMaxFileBytesOption, resolveMaxFileBytes } from '../max-file-bytes.ts';
import { storeErrorExit } from '../store-errors.ts';
import { withStore } from '../with-store.ts';

export function registerServe(program: Command, context: CommandContext): void {
  const command = program
    .command('serve')
    .description(
      'ingest documents (optional), then serve the GraphQL API and the viewer (PORT, default 4000)',
    )
    .argument('[paths...]', 'files or directories to ingest first');
  addMaxFileBytesOption(command).action(async (paths: string[], options: { maxFileBytes?: number }) => {
    context.setExitCode(await runServe(paths, context.io, options));
  });
}

export async function runServe(
  paths: readonly string[],
  io: CliIo,
  options: { maxFileBytes?: number } = {},
): Promise<number> {
  const limit = resolveMaxFileBytes(options.maxFileBytes);
  if (!limit.ok) {
    io.stderr(`policy-graph: ${limit.message}\n`);
    return EXIT_USAGE;
  }
  const target = resolveStoreTarget(process.env);
  io.stdout(
    `store: ${target.kind === 'embedded' ? `embedded (${target.directory})` : `Neo4j (${target.uri})`}\n`,
  );
  try {
    if (paths.length > 0) {
      const note = (message: string) => io.stderr(`policy-graph: ${message}\n`);
      const listed = await expandPaths(paths, note);
      const read = await readDocuments(listed.files, note, { maxFileBytes: limit.bytes });
      for (const error of [...listed.errors, ...read.errors]) note(`${error.message} (not stored)`);
      if (read.documents.length === 0 && listed.errors.length + read.errors.length > 0) return EXIT_USAGE;
      const started = performance.now();
      const report = await withStore((store) => ingestDocuments(store, read.documents));
      const counts = report.files.reduce<Record<string, number>>((acc, f) => {
        acc[f.outcome] = (acc[f.outcome] ?? 0) + 1;
        return acc;
      }, {});
      io.stdout(
        `ingest: ${report.files.length} files (${Object.entries(counts)
          .map(([k, v]) => `${v} ${k.toLowerCase()}`)
          .join(', ')}), ${report.merges.length} identities merged, ` +
          `${report.stats.nodes.DOCUMENT} documents in the graph, ${((performance.now() - started) / 1000).toFixed(2)} s\n`,
      );
    }
    const server = await startServer({
      routes: viewerRoutes(),
      logger: jsonLinesLogger((line) => io.stderr(line)),
    });
    io.stdout(
      `viewer:  ${server.url}/\ngraphql: ${server.url}/graphql\nhealth:  ${server.url}/healthz\nCtrl-C stops.\n`,
    );
    await new Promise<void>((resolve) => {
      const stop = () => {
        io.stdout('stopping…\n');
        void server.shutdown().then(resolve, resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return EXIT_OK;
  } catch (error) {
    return storeErrorExit(error, io);
  }
}
