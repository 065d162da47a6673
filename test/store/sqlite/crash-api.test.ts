// kill -9 of the API server while it takes writes: every ingestDocument it acknowledged is in the store
// when it opens again, and the write in flight is there whole or not at all.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlan } from '../../../bench/national/plan.ts';
import { generateDocuments } from '../../../bench/national/write.ts';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const TOKEN = 'crash-test-token-0123456789';
const root = mkdtempSync(join(tmpdir(), 'policy-graph-crash-api-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function startChild(directory: string): Promise<{ child: ChildProcess; url: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['bin/run-ts.js', 'test/support/crash-server.ts', directory, TOKEN],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (\S+)\n/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1] });
    });
    child.on('error', reject);
    child.on('close', () => reject(new Error(`server ended before listening: ${out}`)));
  });
}

const MUTATION = `mutation($text: String!, $source: String) {
  ingestDocument(text: $text, source: $source) { outcome tasks document { id } }
}`;

async function ingest(url: string, text: string, source: string): Promise<{ id: string; tasks: number }> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${TOKEN}` },
    body: JSON.stringify({ query: MUTATION, variables: { text, source } }),
  });
  const body = (await res.json()) as {
    data?: { ingestDocument: { tasks: number; document: { id: string } } };
  };
  const r = body.data?.ingestDocument;
  if (!r) throw new Error(`not acknowledged: ${JSON.stringify(body)}`);
  return { id: r.document.id, tasks: r.tasks };
}

describe('kill -9 of the server during API writes', () => {
  it('keeps every acknowledged write; the one in flight is whole or absent', async () => {
    const docs = [...generateDocuments(buildPlan(3, 40))];
    for (const [run, killAfter] of [
      [1, 3],
      [2, 11],
    ] as const) {
      const directory = join(root, `server-${run}`);
      const { child, url } = await startChild(directory);
      const acknowledged: Array<{ id: string; tasks: number }> = [];
      const closed = new Promise((resolve) => child.on('close', resolve));
      for (const [i, d] of docs.entries()) {
        if (i === killAfter) {
          // The next write is sent, and the server killed while it may be anywhere in it.
          const inFlight = ingest(url, d.text, `api/${d.file}`).catch(() => null);
          setTimeout(() => child.kill('SIGKILL'), 5 + run * 7);
          await inFlight;
          break;
        }
        acknowledged.push(await ingest(url, d.text, `api/${d.file}`));
      }
      await closed;
      const store = new SqliteStore({ directory });
      await store.init();
      const graph = await store.exportAll();
      for (const a of acknowledged) {
        expect((await store.getDocument(a.id)).status).toBe('FULL_TEXT');
        const tasks = graph.nodes.filter((n) => n.kind === 'TASK' && n.documentId === a.id);
        expect(tasks.length).toBe(a.tasks);
      }
      // Nothing of a document is there without all of it: every stored task belongs to a stored full text.
      const full = graph.nodes.filter((n) => n.kind === 'DOCUMENT' && n.status === 'FULL_TEXT');
      expect(full.length - acknowledged.length).toBeGreaterThanOrEqual(0);
      expect(full.length - acknowledged.length).toBeLessThanOrEqual(1);
      const taskDocs = new Set(graph.nodes.flatMap((n) => (n.kind === 'TASK' ? [n.documentId] : [])));
      for (const id of taskDocs) expect(full.map((d) => d.id)).toContain(id);
      expect(graph).toEqual(await store.databaseExport());
      await store.close();
    }
  }, 120_000);
});
