// Bench support: parses a benchmark's arguments with commander; help and usage errors become exit codes
// (0 for --help, 2 for a usage error) instead of commander exiting the process.
import { type Command, CommanderError } from 'commander';

export function parseCommand<T extends object>(program: Command, args: readonly string[]): T | number {
  program.exitOverride().configureOutput({
    writeOut: (s) => process.stdout.write(s),
    writeErr: (s) => process.stderr.write(s),
  });
  try {
    program.parse(args, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
  return program.opts<T>();
}
