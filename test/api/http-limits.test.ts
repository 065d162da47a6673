// The HTTP server's own bounds: a connection cap (sockets past it are closed at once, the server stays up) and
// timeouts for slow headers and slow bodies (a slowloris is cut off instead of holding a socket for minutes).
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiServer } from '../../src/api/server.ts';
import { seededStore } from './support.ts';

let seeded: Awaited<ReturnType<typeof seededStore>>;
let api: Awaited<ReturnType<typeof createApiServer>>;
let port = 0;

beforeAll(async () => {
  seeded = await seededStore();
  api = await createApiServer({
    store: seeded.store,
    http: { maxConnections: 20, headersTimeoutMs: 1_000, requestTimeoutMs: 2_000 },
  });
  port = (await api.listen(0, '127.0.0.1')).port;
});
afterAll(async () => {
  await api.close();
  await seeded.dispose();
});

interface Probe {
  socket: Socket;
  closedAt: () => number | null;
  received: () => string;
}

function open(): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let closedAt: number | null = null;
    let received = '';
    socket.on('data', (c: Buffer) => {
      received += c.toString();
    });
    socket.on('close', () => {
      closedAt = Date.now();
    });
    socket.on('error', () => {});
    socket.once('connect', () => resolve({ socket, closedAt: () => closedAt, received: () => received }));
    socket.once('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('HTTP bounds', () => {
  it('closes sockets past the connection cap at once, and serves again when they go', async () => {
    const probes = await Promise.all(Array.from({ length: 60 }, () => open()));
    await sleep(300);
    const closed = probes.filter((p) => p.closedAt() !== null).length;
    // 20 are held (idle, waiting for headers); the other 40 were closed by the server.
    expect(closed).toBeGreaterThanOrEqual(40);
    for (const p of probes) p.socket.destroy();
    await sleep(100);
    const health = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(health.status).toBe(200);
  });

  it('cuts a client whose headers never finish', async () => {
    const p = await open();
    const started = Date.now();
    p.socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
    while (p.closedAt() === null && Date.now() - started < 8_000) await sleep(50);
    expect(p.closedAt()).not.toBeNull();
    expect((p.closedAt() as number) - started).toBeLessThan(4_000);
    expect(p.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('cuts a client whose body never finishes', async () => {
    const p = await open();
    const started = Date.now();
    p.socket.write(
      'POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 500\r\n\r\n{"query":',
    );
    while (p.closedAt() === null && Date.now() - started < 10_000) await sleep(50);
    expect(p.closedAt()).not.toBeNull();
    expect((p.closedAt() as number) - started).toBeLessThan(5_000);
  });
});
