// CLI command `lineage`: descendants of a document (--down) or every chain up to the roots (--up) of a
// document or task, as a tree or as JSON.
import type { Command } from 'commander';
import { resolveRef } from '../../query/refs.ts';
import { chainJson, chainText, lineageJson, lineageTree } from '../../query/views.ts';
import { type CliIo, type CommandContext, EXIT_OK, EXIT_USAGE } from '../main.ts';
import { storeErrorExit } from '../store-errors.ts';
import { withStore } from '../with-store.ts';

interface LineageOptions {
  up?: true;
  down?: true;
  depth: string;
  json?: true;
}

export function registerLineage(program: Command, context: CommandContext): void {
  program
    .command('lineage')
    .description(
      'what implements a document (--down) or what a document or task implements, up to the roots (--up)',
    )
    .argument(
      '<ref>',
      'a symbol (36-NQ/TW, 36-NQ/TW@2023, 36-NQ/TW@2023-01-30), a node id, or <document ref>#<task key>',
    )
    .option('--down', 'descendants through IMPLEMENTS (the default)')
    .option('--up', 'every path up to the root documents')
    .option('--depth <n>', 'levels down', '10')
    .option('--json', 'print JSON: root, nodes, edges (with provenance)')
    .action(async (ref: string, options: LineageOptions) => {
      context.setExitCode(await runLineage(ref, options, context.io));
    });
}

export async function runLineage(ref: string, options: LineageOptions, io: CliIo): Promise<number> {
  const depth = Number(options.depth);
  if (!Number.isInteger(depth) || depth < 1 || depth > 32) {
    io.stderr(`policy-graph: --depth must be a whole number from 1 to 32, got "${options.depth}"\n`);
    return EXIT_USAGE;
  }
  if (options.up && options.down) {
    io.stderr('policy-graph: choose --up or --down, not both\n');
    return EXIT_USAGE;
  }
  try {
    return await withStore(async (store) => {
      const node = await resolveRef(store, ref);
      if (options.up) {
        const chain = await store.chainUp(node.id);
        io.stdout(options.json ? `${JSON.stringify(chainJson(chain), null, 2)}\n` : chainText(chain));
      } else {
        const lineage = await store.lineageDown(node.id, depth);
        io.stdout(options.json ? `${JSON.stringify(lineageJson(lineage), null, 2)}\n` : lineageTree(lineage));
      }
      return EXIT_OK;
    });
  } catch (error) {
    return storeErrorExit(error, io);
  }
}
