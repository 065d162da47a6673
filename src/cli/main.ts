// CLI entry: builds the commander program (one module per command under ./commands) and maps outcomes to exit codes.
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerExport } from './commands/export.ts';
import { registerExtract } from './commands/extract.ts';
import { registerIngest } from './commands/ingest.ts';
import { registerLineage } from './commands/lineage.ts';
import { registerServe } from './commands/serve.ts';
import { registerTimeliness } from './commands/timeliness.ts';

/** Where the CLI writes; tests pass a capturing pair, the binary uses the process streams. */
export interface CliIo {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Bytes on stdout (a workbook piped to a file); absent where only text can be written. */
  stdoutBytes?: (bytes: Uint8Array) => void;
  /** Whether stdout is a terminal, where binary output is refused. */
  readonly stdoutIsTTY?: boolean;
}

/** Exit codes: 0 success, 1 internal error (a bug), 2 bad usage or unusable input. */
export const EXIT_OK = 0;
export const EXIT_INTERNAL = 1;
export const EXIT_USAGE = 2;

/** What a command module receives: where to write, and how to report its exit code. */
export interface CommandContext {
  io: CliIo;
  setExitCode: (code: number) => void;
}

/** Adding a command = one file under ./commands exporting a registrar, plus one entry here. */
export type RegisterCommand = (program: Command, context: CommandContext) => void;
const COMMANDS: readonly RegisterCommand[] = [
  registerExtract,
  registerIngest,
  registerLineage,
  registerExport,
  registerTimeliness,
  registerServe,
];

const processIo: CliIo = {
  stdout: (s) => {
    process.stdout.write(s);
  },
  stderr: (s) => {
    process.stderr.write(s);
  },
  stdoutBytes: (bytes) => {
    process.stdout.write(bytes);
  },
  get stdoutIsTTY() {
    return process.stdout.isTTY === true;
  },
};

/** The version in package.json, read once (the binary runs the sources, so there is no build to stamp it). */
function packageVersion(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version?: unknown;
  };
  return typeof pkg.version === 'string' ? pkg.version : 'unknown';
}

/** The one store setting a run may override on the command line. */
const STORE_VARIABLE = 'POLICY_GRAPH_STORE';

function createProgram(context: CommandContext): Command {
  const program = new Command('policy-graph')
    .description('Turns Vietnamese policy documents into a knowledge graph.')
    .version(packageVersion(), '-V, --version', 'print the version')
    .option('--store <dir>', `directory of the embedded store for this run (as ${STORE_VARIABLE})`)
    // Throw instead of calling process.exit, so runCli can return the code and run in-process.
    .exitOverride()
    .configureOutput({ writeOut: context.io.stdout, writeErr: context.io.stderr });
  // Set in the environment before any command runs: every reader of the store setting (withStore, serve's
  // configuration and its banner) sees the same directory. runCli puts the previous value back.
  program.hook('preAction', (command) => {
    const dir = command.opts<{ store?: string }>().store;
    if (dir === undefined) return;
    if (dir.trim() === '') command.error('policy-graph: --store needs a directory');
    process.env[STORE_VARIABLE] = dir;
  });
  // Subcommands created with program.command() inherit exitOverride and the output configuration.
  for (const register of COMMANDS) register(program, context);
  return program;
}

/** Runs the CLI on `argv` (without node and script) and resolves to the process exit code. */
export async function runCli(argv: string[], io: CliIo = processIo): Promise<number> {
  let exitCode = EXIT_OK;
  const program = createProgram({
    io,
    setExitCode: (code) => {
      exitCode = code;
    },
  });
  const storeBefore = process.env[STORE_VARIABLE];
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // commander has already printed the usage error (or the help text).
      return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    io.stderr(`policy-graph: internal error: ${detail}\n`);
    return EXIT_INTERNAL;
  } finally {
    // A run's --store does not outlive it (tests and embedders call runCli more than once in one process).
    if (storeBefore === undefined) delete process.env[STORE_VARIABLE];
    else process.env[STORE_VARIABLE] = storeBefore;
  }
}
