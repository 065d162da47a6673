// Faults under a running API server, on the embedded store: the store directory removed, the file replaced, the
// disk full (a write error injected inside the transaction). No write is acknowledged unless it is durable, the
// failing write is WRITE_FAILED, /healthz degrades while writes cannot be trusted, and reopening the store shows
// exactly the acknowledged writes.
import { copyFileSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiServer } from '../../../src/api/server.ts';
import type { StoreHooks } from '../../../src/store/graph-store.ts';
import { SqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { codes, gql } from '../../api/support.ts';

const TOKEN = 'fault-token-0123456789abcdef';
const work = mkdtempSync(join(tmpdir(), 'pg-faults-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let dirs = 0;

/** A provincial plan of its own number, implementing 36-NQ/TW: each call a new document. */
function plan(n: number): string {
  return `ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH
Số: ${n}/KH-UBND
KẾ HOẠCH
Thực hiện Nghị quyết số 36-NQ/TW ngày 22/10/2018 của Ban Chấp hành Trung ương Đảng về Chiến lược phát triển bền vững kinh tế biển Việt Nam đến năm 2030, tầm nhìn đến năm 2045.
`;
}

const INGEST = `mutation($text: String!, $source: String) {
  ingestDocument(text: $text, source: $source) { outcome document { id } }
}`;

async function serve(directory: string, hooks: StoreHooks = {}) {
  const store = new SqliteStore({ directory, hooks });
  await store.init();
  const api = await createApiServer({ store, token: TOKEN, production: true, textCacheDir: null });
  const { url } = await api.listen(0, '127.0.0.1');
  const ingest = (n: number) =>
    gql<{ ingestDocument: { outcome: string; document: { id: string } } }>(
      url,
      INGEST,
      { text: plan(n), source: `plan-${n}.txt` },
      { authorization: `Bearer ${TOKEN}` },
    );
  const health = async () => {
    const r = await fetch(`${url}/healthz`);
    return { status: r.status, body: (await r.json()) as { status: string } };
  };
  return {
    store,
    ingest,
    health,
    close: async () => {
      await api.close();
      await store.close();
    },
  };
}

async function storedSymbols(directory: string): Promise<string[]> {
  const store = new SqliteStore({ directory });
  await store.init();
  try {
    const graph = await store.exportAll();
    return graph.nodes
      .filter((n) => n.kind === 'DOCUMENT' && n.status === 'FULL_TEXT')
      .map((n) => (n as { symbol: string | null }).symbol ?? '')
      .sort();
  } finally {
    await store.close();
  }
}

describe('the store directory removed under the server', () => {
  it('refuses the next write (WRITE_FAILED), degrades /healthz, and acknowledges nothing that is lost', async () => {
    const dir = join(work, `store-${++dirs}`);
    const s = await serve(dir);
    try {
      expect((await s.ingest(1)).data?.ingestDocument.outcome).toBe('CREATED');
      expect((await s.health()).status).toBe(200);
      rmSync(dir, { recursive: true, force: true });
      const after = await s.ingest(2);
      expect(codes(after)).toEqual(['WRITE_FAILED']);
      expect(after.data?.ingestDocument ?? null).toBeNull();
      const h = await s.health();
      expect(h.status).toBe(503);
      expect(h.body.status).toBe('degraded');
      // Still refused: a removed store is not written to again until the server reopens one.
      expect(codes(await s.ingest(3))).toEqual(['WRITE_FAILED']);
    } finally {
      await s.close();
    }
  });
});

describe('the store file replaced under the server (a restore copied over it)', () => {
  it('refuses writes to the old file; the new file holds what it held, nothing acknowledged is missing', async () => {
    const dir = join(work, `store-${++dirs}`);
    const s = await serve(dir);
    try {
      expect((await s.ingest(1)).data?.ingestDocument.outcome).toBe('CREATED');
      // A copy taken now, swapped in under the running server.
      const file = join(dir, 'graph.sqlite');
      copyFileSync(file, `${file}.copy`);
      renameSync(`${file}.copy`, file);
      expect(codes(await s.ingest(2))).toEqual(['WRITE_FAILED']);
      expect((await s.health()).body.status).toBe('degraded');
    } finally {
      await s.close();
    }
    expect(await storedSymbols(dir)).toEqual(['1/KH-UBND']);
  });
});

describe('the disk full (SQLITE_FULL inside the write transaction)', () => {
  it('fails that write whole, degrades /healthz until a write succeeds again, keeps every acknowledged write', async () => {
    const dir = join(work, `store-${++dirs}`);
    let full = false;
    const s = await serve(dir, {
      afterStep: () => {
        if (full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
      },
    });
    const acknowledged: number[] = [];
    try {
      for (const n of [1, 2])
        if ((await s.ingest(n)).data?.ingestDocument.outcome === 'CREATED') acknowledged.push(n);
      full = true;
      const failed = await s.ingest(3);
      expect(codes(failed)).toEqual(['WRITE_FAILED']);
      const h = await s.health();
      expect(h.status).toBe(503);
      expect(h.body.status).toBe('degraded');
      full = false;
      if ((await s.ingest(4)).data?.ingestDocument.outcome === 'CREATED') acknowledged.push(4);
      expect((await s.health()).body.status).toBe('ok');
    } finally {
      await s.close();
    }
    expect(acknowledged).toEqual([1, 2, 4]);
    expect(await storedSymbols(dir)).toEqual(['1/KH-UBND', '2/KH-UBND', '4/KH-UBND']);
  });
});
