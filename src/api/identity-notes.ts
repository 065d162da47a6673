// API support: a document's identity notes ("<METHOD> <merged id>: <reason>", one per merge, as the store keeps
// them) read into their parts for clients; a line of another form keeps its text with null parts.
import { Method } from '../model/graph.ts';
import type { IdentityNoteView } from './mappers.ts';

/** Node ids hold no spaces, so the id is the run of non-spaces before the first ": ". */
const NOTE_LINE = /^([A-Z_]+) (\S+): ([\s\S]+)$/;

export function parseIdentityNote(text: string): IdentityNoteView {
  const m = NOTE_LINE.exec(text);
  const method = m ? Method.safeParse(m[1]) : null;
  if (!m || !method?.success) return { method: null, mergedId: null, reason: null, text };
  return { method: method.data, mergedId: m[2] as string, reason: m[3] as string, text };
}
