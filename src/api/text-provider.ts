// API text provider: the original text of a document, which the store does not keep — read from the source file
// its node names (only under configured roots) or from a content-addressed cache of texts ingested through the
// API, and served only when its hash is the node's contentHash (so offsets are exact and nothing else leaks).
import { mkdir, readFile, realpath, rename, stat, writeFile } from 'node:fs/promises';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { readInputFile } from '../io/read-input.ts';
import type { DocumentNode } from '../model/graph.ts';
import { contentHash } from '../pipeline/to-graph.ts';
import { Lru } from './lru.ts';

export interface TextProvider {
  /** The text a FULL_TEXT document's offsets point into; null when unavailable. */
  textOf(doc: DocumentNode): Promise<string | null>;
  /** Keeps a text ingested through the API so `textOf` can serve it; false when there is nowhere to keep it. */
  keep(text: string): Promise<boolean>;
}

export interface FileTextProviderOptions {
  /** Directories that relative sources are resolved against; absolute sources must lie inside one of them. */
  roots: readonly string[];
  /** Directory of texts ingested through the API, named by content hash; null: such texts are not kept. */
  cacheDir: string | null;
  /** Larger files are not read. */
  maxFileBytes?: number;
  /** Texts kept in memory. */
  memoEntries?: number;
}

const HASH = /^[0-9a-f]{64}$/;

export class FileTextProvider implements TextProvider {
  private readonly roots: readonly string[];
  private readonly cacheDir: string | null;
  private readonly maxFileBytes: number;
  private readonly memo: Lru<string, string>;
  private realRoots: Promise<string[]> | null = null;

  constructor(options: FileTextProviderOptions) {
    this.roots = options.roots.map((r) => resolve(r));
    this.cacheDir = options.cacheDir === null ? null : resolve(options.cacheDir);
    this.maxFileBytes = options.maxFileBytes ?? 8 * 1024 * 1024;
    this.memo = new Lru(options.memoEntries ?? 32);
  }

  async textOf(doc: DocumentNode): Promise<string | null> {
    const hash = doc.contentHash;
    if (hash === null || !HASH.test(hash)) return null;
    const memo = this.memo.get(hash);
    if (memo !== undefined) return memo;
    const text = (await this.fromCache(hash)) ?? (await this.fromSources(doc.sources, hash));
    if (text !== null) this.memo.set(hash, text);
    return text;
  }

  async keep(text: string): Promise<boolean> {
    if (this.cacheDir === null) return false;
    const hash = contentHash(text);
    await mkdir(this.cacheDir, { recursive: true });
    const file = join(this.cacheDir, `${hash}.txt`);
    // Written aside and renamed: a reader never sees half a file.
    const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, file);
    this.memo.set(hash, text);
    return true;
  }

  private async fromCache(hash: string): Promise<string | null> {
    if (this.cacheDir === null) return null;
    try {
      const text = await readFile(join(this.cacheDir, `${hash}.txt`), 'utf8');
      return contentHash(text) === hash ? text : null;
    } catch {
      return null;
    }
  }

  private async fromSources(sources: readonly string[], hash: string): Promise<string | null> {
    for (const source of sources) {
      const candidates = isAbsolute(source) ? [source] : this.roots.map((r) => resolve(r, source));
      for (const path of candidates) {
        const text = await this.readIfInside(path);
        if (text !== null && contentHash(text) === hash) return text;
      }
    }
    return null;
  }

  /** Read as ingestion read it (legacy encodings, PDF, Word, HTML), only for regular files under a root. */
  private async readIfInside(path: string): Promise<string | null> {
    try {
      const real = await realpath(path);
      const roots = await this.resolvedRoots();
      if (!roots.some((r) => real === r || real.startsWith(r.endsWith(sep) ? r : `${r}${sep}`))) return null;
      const info = await stat(real);
      if (!info.isFile() || info.size > this.maxFileBytes) return null;
      return (await readInputFile(real)).text;
    } catch {
      return null;
    }
  }

  private resolvedRoots(): Promise<string[]> {
    this.realRoots ??= Promise.all(this.roots.map((r) => realpath(r).catch(() => r)));
    return this.realRoots;
  }
}
