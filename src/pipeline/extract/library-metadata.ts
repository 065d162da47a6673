// Extract (header, legal-library copies): the metadata table that legal libraries print above a document
// ("Số hiệu: 186/KH-UBND | Loại văn bản: Kế hoạch | Ngày ban hành: 29/12/2025 | Nơi ban hành: Tỉnh Bắc Ninh").
// It states the document's own fields; the printed header, when the copy has one, still comes first.
import { typeOfWord } from '../../lexicon/lexicon.ts';
import type { DateValue, DocType } from '../../model/extraction.ts';
import { fold } from '../../text/fold.ts';
import type { NormalizedText } from '../normalize.ts';
import type { Line } from '../segment.ts';
import { dateAt } from './dates.ts';
import { findSymbols, type SymbolMatch } from './symbols.ts';

export interface LibraryMetadata {
  symbol: SymbolMatch | null;
  date: DateValue | null;
  type: DocType | null;
  /** "Tỉnh Bắc Ninh", "Quốc hội": where the library says the document comes from. */
  issuerPhrase: string | null;
}

const LABEL_SOURCE = '(so hieu|ngay ban hanh|loai van ban|co quan ban hanh|noi ban hanh)\\s*:';
const LABELS = new RegExp(LABEL_SOURCE, 'g');
const HAS_LABEL = new RegExp(LABEL_SOURCE);
/** A line of the metadata table (any of its labels), never an issuer block line. */
export const LIBRARY_LABEL_LINE =
  /^(so hieu|loai van ban|noi ban hanh|co quan ban hanh|ngay ban hanh|nguoi ky|ngay hieu luc|linh vuc)\b/;
const SCAN_LINES = 24;

/** The metadata block, when at least two of its labels are printed near the top; null otherwise. */
export function readLibraryMetadata(n: NormalizedText, lines: Line[]): LibraryMetadata | null {
  const fields = new Map<string, { start: number; end: number }>();
  const top = lines.slice(0, SCAN_LINES);
  for (const [k, l] of top.entries()) {
    const labels = [...l.fold.matchAll(LABELS)];
    for (const [j, m] of labels.entries()) {
      const label = m[1] as string;
      if (fields.has(label)) continue;
      let start = l.start + (m.index as number) + m[0].length;
      let end = l.start + ((labels[j + 1]?.index as number | undefined) ?? l.text.length);
      // A table cell per line: the value is the next line.
      if (n.text.slice(start, end).trim() === '') {
        const next = top[k + 1];
        if (!next || HAS_LABEL.test(next.fold)) continue;
        start = next.start;
        end = next.end;
      }
      fields.set(label, { start, end });
    }
  }
  if (fields.size < 2) return null;
  const value = (label: string) => {
    const r = fields.get(label);
    return r ? n.text.slice(r.start, r.end).trim() : null;
  };

  const symbolRange = fields.get('so hieu');
  const sym = symbolRange ? findSymbols(n.text.slice(symbolRange.start, symbolRange.end))[0] : undefined;
  const dateRange = fields.get('ngay ban hanh');
  const typeText = value('loai van ban');
  return {
    symbol:
      sym && symbolRange
        ? { ...sym, start: sym.start + symbolRange.start, end: sym.end + symbolRange.start }
        : null,
    date: dateRange ? (dateAt(n.fold, n.text, dateRange.start)?.date ?? null) : null,
    type: typeText ? typeOfWord(fold(typeText)) : null,
    issuerPhrase: value('co quan ban hanh') ?? value('noi ban hanh'),
  };
}
