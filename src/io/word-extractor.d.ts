// Types for the parts of word-extractor (no types of its own) that read-doc.ts uses: its OLE Word extractor
// and the sector allocation table, reached by path because the package exports only a wrapper that cleans
// the text (and turns cell marks into tabs, which cannot then be told from the document's own tabs).

declare module 'word-extractor/lib/word-ole-extractor.js' {
  /** Reads the file for the OLE container; `read` fills `buffer` and resolves to it. */
  export interface WordReader {
    open(): Promise<void>;
    close(): Promise<void>;
    read(buffer: Buffer, offset: number, length: number, position: number): Promise<Buffer>;
  }
  export interface WordPiece {
    /** The piece's characters, row ends and deleted text already written over. */
    text: string;
  }
  export interface WordStoryLengths {
    ccpText: number;
    ccpFtn: number;
    ccpHdd: number;
    ccpAtn: number;
    ccpEdn: number;
  }
  export default class WordOleExtractor {
    protected _pieces: WordPiece[];
    protected _boundaries: WordStoryLengths;
    /** Resolves to what buildDocument returns. */
    extract(reader: WordReader): Promise<unknown>;
    documentStream(document: unknown, streamName: string): Promise<unknown>;
    buildDocument(): unknown;
  }
}

declare module 'word-extractor/lib/ole-allocation-table.js' {
  export default class AllocationTable {
    protected _table: number[];
    getSecIdChain(startSecId: number): number[];
  }
}
