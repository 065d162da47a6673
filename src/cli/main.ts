// CLI entry: parses arguments and dispatches to commands. Returns the process exit code.
export async function runCli(argv: string[]): Promise<number> {
  process.stderr.write(`policy-graph: not implemented yet (${argv.join(' ')})\n`);
  return 2;
}
