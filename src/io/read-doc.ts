// IO (DOC): a legacy Word 97-2003 file's text through word-extractor, which reads the OLE container, the
// piece table and the stories; the text is laid out by word-text.ts. Body, then footnotes and endnotes at the
// end, as the .docx reader has them; headers and footers are left out, as mammoth leaves them out of a .docx.
import AllocationTable from 'word-extractor/lib/ole-allocation-table.js';
import WordOleExtractor, { type WordReader } from 'word-extractor/lib/word-ole-extractor.js';
import { wordStoryText } from './word-text.ts';

/**
 * Thrown for an OLE file that is not a Word document (`notWord`: no WordDocument stream — an .xls, a .ppt)
 * or one word-extractor cannot read; the reader turns it into NOT_TEXT / UNREADABLE.
 */
export class DocReadError extends Error {
  override readonly name = 'DocReadError';
  constructor(
    message: string,
    readonly notWord = false,
  ) {
    super(message);
  }
}

interface Stories {
  body: string;
  footnotes: string;
  endnotes: string;
}

export async function readDoc(bytes: Uint8Array): Promise<string> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The sector size is 2^9 or 2^12; anything else would send the reader through the file one byte at a time.
  const sectorShift = buffer.length >= 512 ? buffer.readUInt16LE(30) : 0;
  if (buffer.length < 512 || (sectorShift !== 9 && sectorShift !== 12)) {
    throw new DocReadError(
      buffer.length < 512
        ? `corrupt Word .doc document: ${buffer.length} bytes, shorter than the 512-byte OLE header`
        : `corrupt Word .doc document: sector size 2^${sectorShift} in the OLE header`,
    );
  }
  const reader = strictReader(buffer);
  let stories: Stories | null = null;
  let failure: unknown = null;
  try {
    stories = (await new StoryExtractor().extract(reader)) as Stories;
  } catch (error) {
    failure = error;
  }
  // A read past the end explains whatever went wrong after it, and makes a success a partial text.
  if (reader.pastEnd !== null) {
    throw new DocReadError(
      Number.isSafeInteger(reader.pastEnd) && reader.pastEnd >= 0
        ? `corrupt Word .doc document: it ends at byte ${buffer.length}, before a sector at byte ${reader.pastEnd} (truncated?)`
        : 'corrupt Word .doc document: a sector number outside the file',
    );
  }
  if (failure instanceof DocReadError) throw failure;
  if (stories === null) {
    throw new DocReadError(
      `corrupt Word .doc document: ${failure instanceof Error ? failure.message : String(failure)}`,
    );
  }
  return [stories.body, stories.footnotes, stories.endnotes]
    .map(wordStoryText)
    .filter((s) => s !== '')
    .join('\n');
}

/** word-extractor's Word reader, giving the stories as stored (its own cleaning would lose the cell marks). */
class StoryExtractor extends WordOleExtractor {
  override documentStream(document: unknown, streamName: string): Promise<unknown> {
    const streams = (document as { _rootStorage?: { _dirEntry?: { streams?: Record<string, unknown> } } })
      ._rootStorage?._dirEntry?.streams;
    // Without this check a missing stream reads as empty and fails later as "outside buffer bounds".
    if (!streams?.[streamName]) {
      throw streamName === 'WordDocument'
        ? new DocReadError(
            'an OLE compound file without a WordDocument stream: not a Word .doc document (an .xls or .ppt?)',
            true,
          )
        : new DocReadError(`corrupt Word .doc document: no ${streamName} stream`);
    }
    return super.documentStream(document, streamName);
  }

  /** The text between character positions: body, footnotes, headers, comments, endnotes, in that order. */
  override buildDocument(): Stories {
    const text = this._pieces.map((p) => p.text).join('');
    const b = this._boundaries;
    const footnotes = b.ccpText;
    const endnotes = footnotes + b.ccpFtn + b.ccpHdd + b.ccpAtn;
    return {
      body: text.slice(0, b.ccpText),
      footnotes: text.slice(footnotes, footnotes + b.ccpFtn),
      endnotes: text.slice(endnotes, endnotes + b.ccpEdn),
    };
  }
}

/**
 * The file for word-extractor. Its own buffer reader pads a read past the end with zeros, so a truncated file
 * reads as a damaged one far from the cause; this one notes such a read, and the caller reports it whatever
 * the extractor made of the zeros. It never throws: word-extractor reads streams in a promise it does not
 * catch, so an error there would end the process instead of rejecting the extraction.
 */
function strictReader(buffer: Buffer): WordReader & { pastEnd: number | null } {
  const reader = {
    pastEnd: null as number | null,
    open: async () => undefined,
    close: async () => undefined,
    async read(target: Buffer, offset: number, length: number, position: number) {
      target.fill(0, offset, offset + length);
      if (!Number.isSafeInteger(position) || position < 0 || position >= buffer.length) {
        reader.pastEnd ??= position;
        return target;
      }
      buffer.copy(target, offset, position, Math.min(position + length, buffer.length));
      return target;
    },
  };
  return reader;
}

// word-extractor follows a sector chain until it ends, stopping only at a sector that points at itself: a
// damaged file whose chain loops would fill memory until the process dies. A sector seen twice is an error.
AllocationTable.prototype.getSecIdChain = function (this: { _table: number[] }, start: number): number[] {
  const chain: number[] = [];
  const seen = new Set<number>();
  for (let id = start; id > -1; id = this._table[id] ?? -1) {
    if (seen.has(id))
      throw new DocReadError(`corrupt Word .doc document: a sector chain loops at sector ${id}`);
    seen.add(id);
    chain.push(id);
  }
  return chain;
};
