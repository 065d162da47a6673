// CLI support: the `--max-file-bytes` option of the commands that read files (extract, ingest, serve). A file over
// the limit is refused with FILE_TOO_LARGE before it is read; the option beats POLICY_GRAPH_MAX_FILE_BYTES, which
// beats the default (64 MiB).
import { type Command, InvalidArgumentError } from 'commander';
import {
  DEFAULT_MAX_FILE_BYTES,
  MAX_FILE_BYTES_ENV,
  maxFileBytesFromEnv,
  parseByteSize,
} from '../io/read-text.ts';

export function addMaxFileBytesOption(command: Command): Command {
  return command.option(
    '--max-file-bytes <size>',
    `largest input file read, in bytes (64M, 1G …; default ${MAX_FILE_BYTES_ENV} or ${DEFAULT_MAX_FILE_BYTES / 1024 / 1024}M)`,
    (value: string) => {
      try {
        return parseByteSize(value, '--max-file-bytes');
      } catch (error) {
        throw new InvalidArgumentError((error as Error).message);
      }
    },
  );
}

/** The limit to read with: the option, else the environment's; a malformed environment value is a message. */
export function resolveMaxFileBytes(
  option: number | undefined,
): { ok: true; bytes: number } | { ok: false; message: string } {
  if (option !== undefined) return { ok: true, bytes: option };
  try {
    return { ok: true, bytes: maxFileBytesFromEnv(process.env) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
