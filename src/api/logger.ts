// API support: the logger the server is given (library code never writes to the console).
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** One JSON object per line (for the main job: the lead passes `process.stderr.write`). */
export function jsonLinesLogger(write: (line: string) => void, now: () => Date = () => new Date()): Logger {
  const log =
    (level: string) =>
    (message: string, fields: LogFields = {}) => {
      write(`${JSON.stringify({ time: now().toISOString(), level, message, ...fields })}\n`);
    };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}
