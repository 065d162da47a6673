// CLI command `export`: the whole graph (JSON, GraphML, a Cypher script), or a table for auditors — mandates,
// a lineage tree, coverage — as CSV, XLSX or JSON; on stdout, or into a file with --out.
import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { Catalog } from '../../api/catalog.ts';
import type { ExportSource } from '../../api/export/common.ts';
import {
  type ExportParams,
  exportFailure,
  exportTables,
  TABLE_WHATS,
  type TableWhat,
} from '../../api/export/run.ts';
import { DEFAULT_LIMITS } from '../../api/limits.ts';
import { cypherSchemaStatements } from '../../query/cypher-script.ts';
import { type ExportFormat, renderExport } from '../../query/export-formats.ts';
import { TABLE_FORMATS, type TableFormat } from '../../query/table-export.ts';
import type { GraphStore } from '../../store/graph-store.ts';
import { type CliIo, type CommandContext, EXIT_OK, EXIT_USAGE } from '../main.ts';
import { storeErrorExit } from '../store-errors.ts';
import { withStore } from '../with-store.ts';
import { fileIssueLimits } from './timeliness.ts';

const GRAPH_FORMATS: readonly ExportFormat[] = ['json', 'graphml', 'cypher'];
const WHATS = ['graph', ...TABLE_WHATS] as const;

interface ExportOptions {
  format: string;
  what: string;
  ref?: string;
  agency?: string;
  jurisdiction?: string;
  level?: string;
  province?: string;
  era?: string;
  asOf?: string;
  out?: string;
}

export function registerExport(program: Command, context: CommandContext): void {
  program
    .command('export')
    .description(
      'the whole graph (json, graphml, cypher), or a table for auditors: mandates, lineage, coverage or timeliness (csv, xlsx, json)',
    )
    .option(
      '--format <format>',
      `graph: ${GRAPH_FORMATS.join(', ')}; tables: ${TABLE_FORMATS.join(', ')}`,
      'json',
    )
    .option('--what <what>', WHATS.join(', '), 'graph')
    .option(
      '--ref <ref>',
      'mandates: under this document or task; lineage, coverage, timeliness: of this document',
    )
    .option('--agency <id>', 'mandates: of this agency (its id, agency:…)')
    .option('--jurisdiction <place>', 'mandates: in documents of this province or district')
    .option('--level <level>', 'coverage, timeliness: PROVINCE (default) or DISTRICT')
    .option(
      '--province <name>',
      'coverage, timeliness: the districts of this province (with --level DISTRICT)',
    )
    .option(
      '--era <era>',
      "coverage, timeliness: PRE_2025 or POST_2025 province list (default: the document's date)",
    )
    .option(
      '--as-of <date>',
      'mandates: overdue as of this day; timeliness: silence judged on it (YYYY-MM-DD, default today)',
    )
    .option('--out <file>', 'write to this file instead of stdout (xlsx on a terminal needs it)')
    .action(async (options: ExportOptions) => {
      context.setExitCode(await runExport(options, context.io));
    });
}

function usage(io: CliIo, message: string): number {
  io.stderr(`policy-graph: ${message}\n`);
  return EXIT_USAGE;
}

async function output(
  io: CliIo,
  body: string | Buffer,
  out: string | undefined,
  what: string,
): Promise<number> {
  if (out !== undefined) {
    await writeFile(out, body);
    io.stderr(`policy-graph: wrote ${what} to ${out}\n`);
    return EXIT_OK;
  }
  if (typeof body === 'string') io.stdout(body);
  else if (io.stdoutBytes === undefined || io.stdoutIsTTY === true)
    return usage(io, 'xlsx is a binary file: give --out FILE, or redirect stdout to a file');
  else io.stdoutBytes(body);
  return EXIT_OK;
}

async function graphExport(store: GraphStore, format: ExportFormat, io: CliIo, out?: string) {
  const graph = await store.exportAll();
  const cypherSchema = format === 'cypher' ? await cypherSchemaStatements() : undefined;
  const body = renderExport(graph, format, cypherSchema === undefined ? {} : { cypherSchema });
  return output(io, body, out, `${graph.nodes.length} nodes and ${graph.edges.length} edges`);
}

export async function runExport(options: ExportOptions, io: CliIo): Promise<number> {
  const what = options.what as (typeof WHATS)[number];
  if (!WHATS.includes(what))
    return usage(io, `--what must be one of ${WHATS.join(', ')}, got "${options.what}"`);
  const params: ExportParams = {
    ref: options.ref ?? null,
    agency: options.agency ?? null,
    jurisdiction: options.jurisdiction ?? null,
    level: options.level ?? null,
    province: options.province ?? null,
    era: options.era ?? null,
    asOf: options.asOf ?? null,
  };
  if (what === 'graph') {
    const format = options.format as ExportFormat;
    if (!GRAPH_FORMATS.includes(format))
      return usage(
        io,
        `--format must be one of ${GRAPH_FORMATS.join(', ')} for the graph, got "${options.format}"`,
      );
    const given = Object.entries(params).find(([, v]) => v !== null);
    if (given !== undefined)
      return usage(io, `--${flag(given[0])} applies to --what ${TABLE_WHATS.join('|')}`);
    try {
      return await withStore((store) => graphExport(store, format, io, options.out));
    } catch (error) {
      return storeErrorExit(error, io);
    }
  }
  const format = options.format as TableFormat;
  if (!TABLE_FORMATS.includes(format))
    return usage(
      io,
      `--format must be one of ${TABLE_FORMATS.join(', ')} for ${what}, got "${options.format}"`,
    );
  if (
    format === 'xlsx' &&
    options.out === undefined &&
    (io.stdoutBytes === undefined || io.stdoutIsTTY === true)
  )
    return usage(io, 'xlsx is a binary file: give --out FILE, or redirect stdout to a file');
  try {
    return await withStore(async (store) => {
      const source: ExportSource = {
        store,
        allMandates: async () => (await new Catalog(store).snapshot()).mandates,
        maxLineageDepth: DEFAULT_LIMITS.maxLineageDepth,
        issueLimitsOf: fileIssueLimits(),
      };
      const { export: e, file } = await exportTables(source, what as TableWhat, format, params);
      return output(io, file.body, options.out, `${e.tables[0].rows.length} rows (${what})`);
    });
  } catch (error) {
    const failure = exportFailure(error);
    if (failure === null) return storeErrorExit(error, io);
    io.stderr(
      `policy-graph: ${failure.code}: ${failure.field ? `--${flag(failure.field)}: ` : ''}${failure.message}\n`,
    );
    for (const c of failure.candidates ?? []) io.stderr(`  candidate: ${c}\n`);
    return EXIT_USAGE;
  }
}

/** The CLI flag of a parameter ("asOf" → "as-of"). */
function flag(param: string): string {
  return param.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
