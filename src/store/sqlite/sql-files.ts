// SQLite adapter: loads the query files of `sql/` by name (one statement each, `{{fragment}}` filled from
// `sql/fragments/`) and the numbered migrations of `sql/migrations/`.
import { readdirSync, readFileSync } from 'node:fs';
import { StoreError } from '../graph-store.ts';

export const SQL_DIR = new URL('../../../sql/', import.meta.url);
const FRAGMENT = /\{\{([a-z-]+)\}\}/g;
const MIGRATION_FILE = /^(\d{3})-[a-z0-9-]+\.sql$/;

function read(url: URL): string {
  try {
    return readFileSync(url, 'utf8');
  } catch (cause) {
    throw new StoreError('UNAVAILABLE', `query file missing: ${url.pathname}`, { cause });
  }
}

/** Text without `--` comment lines (comments stay in the files for people; SQLite would accept them too). */
function withoutComments(text: string): string {
  return text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('--'))
    .join('\n')
    .trim();
}

/** One query's text with its fragments filled in; a fragment cannot hold another. */
export function loadQuery(name: string, dir: URL = SQL_DIR): string {
  const text = withoutComments(read(new URL(`${name}.sql`, dir)));
  if (text.length === 0) throw new StoreError('INTERNAL', `query file ${name}.sql is empty`);
  return text.replace(FRAGMENT, (_m, fragment: string) =>
    withoutComments(read(new URL(`fragments/${fragment}.sql`, dir))),
  );
}

export function loadQueries<N extends string>(names: readonly N[], dir: URL = SQL_DIR): Record<N, string> {
  return Object.fromEntries(names.map((n) => [n, loadQuery(n, dir)])) as Record<N, string>;
}

export interface Migration {
  /** The schema version the database has after it (PRAGMA user_version). */
  version: number;
  name: string;
  sql: string;
}

/** The migrations in order; their numbers must run 1, 2, 3 … without a gap. */
export function loadMigrations(dir: URL = new URL('migrations/', SQL_DIR)): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.sql'))
    .sort();
  return files.map((name, i) => {
    const m = MIGRATION_FILE.exec(name);
    if (!m || Number(m[1]) !== i + 1) {
      throw new StoreError(
        'INTERNAL',
        `migration ${name}: expected ${String(i + 1).padStart(3, '0')}-<name>.sql`,
      );
    }
    return { version: i + 1, name, sql: read(new URL(name, dir)) };
  });
}
