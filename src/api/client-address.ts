// API HTTP: who a request comes from — the key of its rate-limit bucket. The socket's address, unless the server is
// told (TRUST_PROXY) which proxies in front of it to believe about the address they forwarded (X-Forwarded-For).
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';
import { z } from 'zod';

/**
 * Off by default: X-Forwarded-For is whatever the client wrote, so believing it unasked would let any client pick
 * its bucket (a fresh one per request) and spend another client's. `hops`: that many proxies in front append to
 * it, so the address `hops` entries from its right end is the one the outermost proxy saw. `addresses`: only these
 * proxies are believed, each about the address left of it.
 */
export const TrustProxy = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('off') }),
  z.object({ kind: z.literal('hops'), hops: z.number().int().positive() }),
  z.object({
    kind: z.literal('addresses'),
    addresses: z.array(z.string().refine((a) => isIP(a) !== 0)).min(1),
  }),
]);
export type TrustProxy = z.infer<typeof TrustProxy>;

export const TRUST_NONE: TrustProxy = { kind: 'off' };

/** One spelling per address: "::ffff:10.0.0.1" (IPv4 on a dual-stack socket) is 10.0.0.1; IPv6 in lower case. */
export function normalAddress(address: string): string {
  const a = address.trim().toLowerCase();
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  return v4?.[1] ?? a;
}

/** The TRUST_PROXY setting's text: unset, 0 or off; a number of hops; or proxy addresses, comma-separated. */
export function parseTrustProxy(raw: string): TrustProxy | null {
  const text = raw.trim().toLowerCase();
  if (text === '' || text === '0' || text === 'off' || text === 'false') return TRUST_NONE;
  if (/^\d+$/.test(text)) return { kind: 'hops', hops: Number(text) };
  const addresses = text.split(',').map((a) => normalAddress(a));
  const parsed = TrustProxy.safeParse({ kind: 'addresses', addresses });
  return parsed.success ? parsed.data : null;
}

function forwardedFor(req: IncomingMessage): string[] {
  const header = req.headers['x-forwarded-for'];
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map(normalAddress);
}

export function clientAddress(req: IncomingMessage, trust: TrustProxy): string {
  const socket = normalAddress(req.socket.remoteAddress ?? '');
  if (trust.kind === 'off') return socket;
  // The chain as the last proxy hands it over: what each proxy saw, the nearest one (the socket) last.
  const chain = [...forwardedFor(req), socket];
  let client: string;
  if (trust.kind === 'hops') client = chain[Math.max(0, chain.length - 1 - trust.hops)] as string;
  else {
    const trusted = new Set(trust.addresses);
    let i = chain.length - 1;
    while (i > 0 && trusted.has(chain[i] as string)) i--;
    client = chain[i] as string;
  }
  // What a trusted proxy forwarded is an address; anything else is not believed.
  return isIP(client) !== 0 ? client : socket;
}
