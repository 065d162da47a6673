// Test support: the CLI run in this process with its output captured, as the binary would print it.
import { runCli } from '../../src/cli/main.ts';

export async function runCliCaptured(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
  });
  return { code, stdout, stderr };
}
