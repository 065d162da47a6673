// CLI command `serve` (the main job behind `npm start`): ingests the given paths (idempotent: unchanged files
// are skipped), then serves the GraphQL API, the viewer and /healthz until Ctrl-C, which closes the store.
import { createServer as createNetServer } from 'node:net';
import type { Command } from 'commander';
import { type ApiConfig, apiConfigFromEnv, isConfigError } from '../../api/config.ts';
import { jsonLinesLogger } from '../../api/logger.ts';
import { listenError, startServer } from '../../api/server.ts';
import { ingestDocuments } from '../../ingest/ingest.ts';
import { defaultExtractThreads } from '../../io/extract-pool.ts';
import { expandPaths, streamDocuments } from '../../io/input-files.ts';
import type { ReadTextError } from '../../io/read-text.ts';
import { resolveStoreTarget } from '../../store/create-store.ts';
import { viewerRoutes } from '../../viewer/static-routes.ts';
import { aborted, EXIT_INTERRUPTED, onInterrupt } from '../interrupt.ts';
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
  const note = (message: string) => io.stderr(`policy-graph: ${message}\n`);
  // Every setting is checked before any work: a bad one costs the user no ingest.
  let config: ApiConfig;
  const limit = resolveMaxFileBytes(options.maxFileBytes);
  if (!limit.ok) {
    note(`configuration: ${limit.message}`);
    return EXIT_USAGE;
  }
  try {
    config = apiConfigFromEnv(process.env);
    await checkPortFree(config.port, config.host);
  } catch (error) {
    if (!isConfigError(error)) throw error;
    note(`configuration: ${error.message}`);
    return EXIT_USAGE;
  }
  const target = resolveStoreTarget(process.env);
  io.stdout(
    `store: ${target.kind === 'embedded' ? `embedded (${target.directory})` : `Neo4j (${target.uri})`}\n`,
  );
  const interrupt = onInterrupt(note);
  try {
    if (paths.length > 0) {
      const listed = await expandPaths(paths, note);
      for (const error of listed.errors) note(`${error.message} (not stored)`);
      const readErrors: ReadTextError[] = [];
      const started = performance.now();
      // Streamed as `ingest` does: a signal stops it between batches, whatever the size of the corpus.
      const inputs = streamDocuments(listed.files, note, readErrors, {
        threads: listed.files.length >= 16 ? defaultExtractThreads() : 0,
        maxFileBytes: limit.bytes,
      });
      const report = await withStore(
        (store) => ingestDocuments(store, inputs, { signal: interrupt.signal, total: listed.files.length }),
        'serve',
      );
      for (const error of readErrors) note(`${error.message} (not stored)`);
      if (report.interrupted) {
        note(`interrupted during ingest: ${report.files.length} files stored, the store is closed; stopped`);
        return EXIT_INTERRUPTED;
      }
      if (report.files.length === 0 && listed.errors.length + readErrors.length > 0) return EXIT_USAGE;
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
    const logger = jsonLinesLogger((line) => io.stderr(line));
    const server = await startServer({ routes: viewerRoutes(), logger, config });
    io.stdout(
      `viewer:  ${server.url}/\ngraphql: ${server.url}/graphql\nhealth:  ${server.url}/healthz\nCtrl-C stops.\n`,
    );
    await aborted(interrupt.signal);
    // Running requests finish (or are cut after the drain deadline), then the store closes; "stopped" is logged last.
    await server.shutdown();
    return EXIT_OK;
  } catch (error) {
    if (isConfigError(error)) {
      note(`configuration: ${error.message}`);
      return EXIT_USAGE;
    }
    return storeErrorExit(error, io);
  } finally {
    interrupt.dispose();
  }
}

/** Fails with a configuration error when the port is taken, before the ingest that precedes serving. */
function checkPortFree(port: number, host: string): Promise<void> {
  if (port === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', (error) => reject(listenError(error, host, port)));
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
