// Bench gold: facts-only expectations for real documents (no text), scored by `npm run bench -- corpus --gold`.
//
// A gold file names documents by their path relative to the corpus directory and states what a careful reader
// finds in them: the document's own header fields, the numbered documents it cites, and the IMPLEMENTS edges the
// text states (SELF → X, and X → Y stated inside a citation). Symbols are written canonically ("57-CTr/TU").
import { z } from 'zod';
import { DocType, Level } from '../../src/model/extraction.ts';

/** An ISO date of the precision the text gives ("2024-05-03", "2024-04", "2024"), or null when not printed. */
const IsoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/u);

export const GoldReference = z.object({
  symbol: z.string().min(1),
  /** The date the text gives the cited document, when it gives one. */
  date: IsoDate.nullable().optional(),
  /** The issuer's name as a reader would write it ("Bộ Chính trị", "Ủy ban nhân dân tỉnh Bắc Ninh"), when stated. */
  issuer: z.string().nullable().optional(),
});
export type GoldReference = z.infer<typeof GoldReference>;

/** `from`/`to`: "SELF" or a canonical symbol. */
export const GoldEdge = z.object({ from: z.string().min(1), to: z.string().min(1) });
export type GoldEdge = z.infer<typeof GoldEdge>;

export const GoldDocument = z.object({
  /** Path relative to the corpus directory. */
  file: z.string().min(1),
  /** Where the copy came from (host name), to count sites; never a text. */
  site: z.string().min(1),
  /** The document's own symbol as printed in its header (canonical form), null when it prints none. */
  symbol: z.string().nullable(),
  date: IsoDate.nullable(),
  type: DocType,
  /** The issuing body ("Ủy ban nhân dân tỉnh Thái Bình", "Ban Thường vụ Tỉnh ủy"), null when the copy does not say. */
  issuer: z.string().nullable(),
  level: Level.nullable(),
  /** Every numbered document the text cites (other than itself), once each. */
  references: z.array(GoldReference),
  /** IMPLEMENTS edges the text states. */
  implements: z.array(GoldEdge),
  /** Optional free note for the next annotator (why a field is null, say); never document text. */
  note: z.string().optional(),
});
export type GoldDocument = z.infer<typeof GoldDocument>;

export const GoldFile = z.object({
  version: z.literal(1),
  /** What the corpus is and how to rebuild it (where its files come from), without the texts. */
  corpus: z.string(),
  documents: z.array(GoldDocument),
});
export type GoldFile = z.infer<typeof GoldFile>;
