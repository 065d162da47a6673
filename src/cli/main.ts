// CLI entry: builds the commander program (one module per command under ./commands) and maps outcomes to exit codes.
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
};

function createProgram(context: CommandContext): Command {
  const program = new Command('policy-graph')
    .description('Turns Vietnamese policy documents into a knowledge graph.')
    // Throw instead of calling process.exit, so runCli can return the code and run in-process.
    .exitOverride()
    .configureOutput({ writeOut: context.io.stdout, writeErr: context.io.stderr });
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
  }
}
