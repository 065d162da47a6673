// Browser-test fixtures: documents ingested into a temporary embedded store, served by the API server with the
// viewer mounted, on a free port of 127.0.0.1 — the seeds, or a generated national corpus (bench/national/).
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPlan } from '../../bench/national/plan.ts';
import { generateDocuments } from '../../bench/national/write.ts';
import { type ApiServer, createApiServer } from '../../src/api/server.ts';
import { ingestDocuments } from '../../src/ingest/ingest.ts';
import { extractDocument } from '../../src/pipeline/extract-document.ts';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { viewerRoutes } from '../../src/viewer/static-routes.ts';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface SeedsServer {
  url: string;
  api: ApiServer;
  close(): Promise<void>;
}

export interface Source {
  source: string;
  text: string;
}

/** Ingests `sources` (paths relative to one of `roots`, where the API reads each text back) and serves them. */
async function startServer(roots: string[], sources: Source[], cleanup: () => void): Promise<SeedsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-viewer-'));
  const store = new SqliteStore({ directory: dir });
  const remove = () => {
    rmSync(dir, { recursive: true, force: true });
    cleanup();
  };
  await store.init();
  try {
    const inputs = sources.map(({ source, text }) => ({
      source,
      text,
      document: extractDocument(text, { source }),
    }));
    await ingestDocuments(store, inputs);
    // The API's answer cache (API_CACHE_TTL_MS, 1 s by default) for a minute: nothing writes to this store, and a
    // lazy tree's requests then share one lineage answer instead of rebuilding it each second (building the
    // answer of a 30,000-entry tree takes the API 1–3 s on a small machine, see the report in the commit).
    const api = await createApiServer({
      store,
      sourceRoots: roots,
      routes: viewerRoutes(),
      answerCacheTtlMs: 60_000,
    });
    const { url } = await api.listen(0, '127.0.0.1');
    return {
      url,
      api,
      close: async () => {
        await api.close();
        await store.close();
        remove();
      },
    };
  } catch (error) {
    await store.close();
    remove();
    throw error;
  }
}

/**
 * The seeds, and `extra` documents (a source path and its text: written to a temporary directory the API also
 * reads texts from) when a test needs what the seeds do not have.
 */
export async function startSeedsServer(extra: Source[] = []): Promise<SeedsServer> {
  // Sources relative to the repository, as `npm start` stores them, so the API can serve each text.
  const sources = readdirSync(join(REPO_ROOT, 'seeds'))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => `seeds/${name}`)
    .map((source) => ({ source, text: readFileSync(join(REPO_ROOT, source), 'utf8') }));
  if (extra.length === 0) return startServer([REPO_ROOT], sources, () => {});
  const dir = mkdtempSync(join(tmpdir(), 'pg-extra-'));
  for (const { source, text } of extra) {
    mkdirSync(dirname(join(dir, source)), { recursive: true });
    writeFileSync(join(dir, source), text);
  }
  return startServer([REPO_ROOT, dir], [...sources, ...extra], () =>
    rmSync(dir, { recursive: true, force: true }),
  );
}

export interface NationalServer extends SeedsServer {
  /** The generated documents' own symbols by tree index; the central one of tree 0 first. */
  central: string;
  documents: number;
}

/**
 * A generated national corpus (bench/national/), written to a temporary directory and ingested. Seed 7 with
 * 1,400 documents makes tree 0 (60-NQ/TW) about a thousand documents: tree 1, a Prime Minister's decision, is
 * the Government's programme for it and brings its own provinces along.
 */
export async function startNationalServer(seed = 7, documents = 1400): Promise<NationalServer> {
  const out = mkdtempSync(join(tmpdir(), 'pg-national-'));
  try {
    const plan = buildPlan(seed, documents);
    const sources: Source[] = [];
    for (const d of generateDocuments(plan)) {
      const path = join(out, d.file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, d.text);
      sources.push({ source: d.file, text: d.text });
    }
    const central = plan.docs[0]?.symbol ?? '';
    const server = await startServer([out], sources, () => rmSync(out, { recursive: true, force: true }));
    return { ...server, central, documents };
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    throw error;
  }
}
