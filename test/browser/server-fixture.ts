// Browser-test fixture: the seeds ingested into a temporary embedded store, served by the API server with the
// viewer mounted, on a free port of 127.0.0.1.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
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

export async function startSeedsServer(): Promise<SeedsServer> {
  const dir = mkdtempSync(join(tmpdir(), 'pg-viewer-'));
  const store = new SqliteStore({ directory: dir });
  await store.init();
  try {
    // Sources relative to the repository, as `npm start` stores them, so the API can serve each text.
    const sources = readdirSync(join(REPO_ROOT, 'seeds'))
      .filter((name) => name.endsWith('.txt'))
      .sort()
      .map((name) => `seeds/${name}`);
    const inputs = sources.map((source) => {
      const text = readFileSync(join(REPO_ROOT, source), 'utf8');
      return { source, text, document: extractDocument(text, { source }) };
    });
    await ingestDocuments(store, inputs);
    const api = await createApiServer({ store, sourceRoots: [REPO_ROOT], routes: viewerRoutes() });
    const { url } = await api.listen(0, '127.0.0.1');
    return {
      url,
      api,
      close: async () => {
        await api.close();
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
