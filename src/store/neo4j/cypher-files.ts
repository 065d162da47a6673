// Store internals: loads the adapters' Cypher files by name at start-up; each file declares its parameters, checked against the text and every call.
import { readFile } from 'node:fs/promises';
import { StoreError } from '../graph-store.ts';

export interface CypherQuery {
  name: string;
  /** Statements in order (schema files hold several, separated by ';' at a line end). */
  statements: string[];
  /** Parameters declared by the file's `// params:` line. */
  params: readonly string[];
}

/** Where the Neo4j query files live: `cypher/`, at the repository root. */
export const CYPHER_DIR = new URL('../../../cypher/', import.meta.url);

const PARAMS_LINE = /^\/\/\s*params:\s*(.*)$/m;

function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\/\/.*$/gm, '');
}

/** `$name` occurrences outside comments and string literals. */
export function usedParameters(text: string): string[] {
  const code = stripComments(text).replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return [...new Set([...code.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string))].sort();
}

/** The parameters a file declares: `// params: a, b` or `// params: none`; null when the line is missing. */
export function declaredParameters(text: string): string[] | null {
  const line = PARAMS_LINE.exec(text)?.[1];
  if (line === undefined) return null;
  const trimmed = line.trim();
  if (trimmed === 'none') return [];
  return trimmed
    .split(',')
    .map((p) => p.trim().replace(/^\$/, ''))
    .filter((p) => p.length > 0)
    .sort();
}

export function parseCypherFile(name: string, text: string): CypherQuery {
  const declared = declaredParameters(text);
  if (declared === null) throw new StoreError('INTERNAL', `query file ${name} has no "// params:" line`);
  const used = usedParameters(text);
  if (used.join(',') !== declared.join(',')) {
    throw new StoreError(
      'INTERNAL',
      `query file ${name} declares [${declared.join(', ')}] but uses [${used.join(', ')}]`,
    );
  }
  const statements = stripComments(text)
    .split(/;\s*$/m)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (statements.length === 0) throw new StoreError('INTERNAL', `query file ${name} is empty`);
  return { name, statements, params: declared };
}

/** Reads every named file; a missing or malformed file stops start-up with UNAVAILABLE naming it. */
export async function loadCypherFiles<N extends string>(
  dir: URL,
  names: readonly N[],
): Promise<Record<N, CypherQuery>> {
  const entries = await Promise.all(
    names.map(async (name) => {
      const url = new URL(`${name}.cypher`, dir);
      let text: string;
      try {
        text = await readFile(url, 'utf8');
      } catch (cause) {
        throw new StoreError('UNAVAILABLE', `query file missing: ${url.pathname}`, { cause });
      }
      return [name, parseCypherFile(name, text)] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<N, CypherQuery>;
}

/** The call must pass exactly the declared parameters: a mismatch is a bug between code and query file. */
export function checkParams(query: CypherQuery, params: Readonly<Record<string, unknown>>): void {
  const given = Object.keys(params).sort().join(',');
  if (given !== query.params.join(',')) {
    throw new StoreError(
      'INTERNAL',
      `${query.name} called with [${given}], declares [${query.params.join(', ')}]`,
    );
  }
}
