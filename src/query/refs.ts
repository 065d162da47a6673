// Query: references typed by people — a symbol with an optional @YYYY / @YYYY-MM / @YYYY-MM-DD, a node id,
// or "<document ref>#<task key>" — parsed and resolved through the store port (CLI and API share this).
import { type GraphNode, nodeKindOf, taskId } from '../model/graph.ts';
import { type GraphStore, StoreError } from '../store/graph-store.ts';

export type ParsedRef =
  | { kind: 'id'; id: string }
  | { kind: 'symbol'; symbol: string; date: string | null; year: number | null; taskKey: string | null };

const DATE_SUFFIX = /^(.+?)\s*@\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Parses a reference; INVALID_ARGUMENT (with the position) for text that is none of the accepted forms. */
export function parseRef(input: string): ParsedRef {
  const ref = input.normalize('NFC').trim();
  if (ref.length === 0 || ref.length > 300)
    throw new StoreError('INVALID_ARGUMENT', `a reference must be 1–300 characters, got ${ref.length}`, {
      details: { position: 0 },
    });
  if (nodeKindOf(ref) !== null) return { kind: 'id', id: ref };
  const hash = ref.indexOf('#');
  const docPart = hash >= 0 ? ref.slice(0, hash).trim() : ref;
  const taskKey = hash >= 0 ? ref.slice(hash + 1).trim() : null;
  if (taskKey !== null && taskKey.length === 0)
    throw new StoreError('INVALID_ARGUMENT', `"${ref}": a task key is missing after "#"`, {
      details: { position: hash + 1 },
    });
  const dated = DATE_SUFFIX.exec(docPart);
  const symbol = (dated ? (dated[1] as string) : docPart).trim();
  if (!/^\d{1,5}/.test(symbol) || !/[/-]/.test(symbol))
    throw new StoreError(
      'INVALID_ARGUMENT',
      `"${ref}" is not a reference: expected a symbol such as 36-NQ/TW@2023, a node id, or <document>#<task key>`,
      { details: { position: 0 } },
    );
  const date = dated?.[3] ? `${dated[2]}-${dated[3]}${dated[4] ? `-${dated[4]}` : ''}` : null;
  const year = dated ? Number(dated[2]) : null;
  return { kind: 'symbol', symbol, date, year, taskKey };
}

/** The node a reference names: NOT_FOUND for none, AMBIGUOUS (details.candidates) for several. */
export async function resolveRef(store: GraphStore, input: string): Promise<GraphNode> {
  const ref = parseRef(input);
  if (ref.kind === 'id') return store.getNode(ref.id);
  const doc = await store.resolveDocument({
    symbol: ref.symbol,
    ...(ref.date && ref.date.length === 10 ? { date: ref.date } : {}),
    ...(ref.year !== null && !(ref.date && ref.date.length === 10) ? { year: ref.year } : {}),
  });
  if (ref.taskKey === null) return doc;
  return store.getNode(taskId(doc.id, ref.taskKey));
}
