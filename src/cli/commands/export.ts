// CLI command `export`: the whole graph as JSON, GraphML or a Cypher script, on stdout.
import type { Command } from 'commander';
import { cypherSchemaStatements } from '../../query/cypher-script.ts';
import { type ExportFormat, renderExport } from '../../query/export-formats.ts';
import { type CliIo, type CommandContext, EXIT_OK, EXIT_USAGE } from '../main.ts';
import { storeErrorExit } from '../store-errors.ts';
import { withStore } from '../with-store.ts';

const FORMATS: readonly ExportFormat[] = ['json', 'graphml', 'cypher'];

export function registerExport(program: Command, context: CommandContext): void {
  program
    .command('export')
    .description('print the whole graph')
    .option('--format <format>', `one of ${FORMATS.join(', ')}`, 'json')
    .action(async (options: { format: string }) => {
      context.setExitCode(await runExport(options.format, context.io));
    });
}

export async function runExport(format: string, io: CliIo): Promise<number> {
  if (!FORMATS.includes(format as ExportFormat)) {
    io.stderr(`policy-graph: --format must be one of ${FORMATS.join(', ')}, got "${format}"\n`);
    return EXIT_USAGE;
  }
  try {
    const graph = await withStore((store) => store.exportAll());
    // A Cypher script starts with the store's constraints (cypher/schema.cypher).
    const cypherSchema = format === 'cypher' ? await cypherSchemaStatements() : undefined;
    io.stdout(
      renderExport(graph, format as ExportFormat, cypherSchema === undefined ? {} : { cypherSchema }),
    );
    return EXIT_OK;
  } catch (error) {
    return storeErrorExit(error, io);
  }
}
