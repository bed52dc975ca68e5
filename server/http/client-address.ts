import type { IncomingMessage } from 'node:http';
import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/**
 * Which peers may speak for the client (TRUST_PROXY): `hops` trusts that
 * many proxies nearest to us, `proxies` the listed addresses and subnets.
 * Off, the forwarding headers are ignored, so nobody can claim an address.
 */
export type TrustProxy = { kind: 'off' } | { kind: 'hops'; hops: number } | { kind: 'proxies'; list: BlockList };

export const TRUST_NONE: TrustProxy = { kind: 'off' };

/** Parses TRUST_PROXY: empty, `false` or `0` (off), a number of hops, or a comma-separated list of addresses or CIDR subnets. */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = (value ?? '').trim();
  if (v === '' || v === 'false' || v === '0') return TRUST_NONE;
  if (/^\d+$/.test(v)) return { kind: 'hops', hops: Number(v) };
  const list = new BlockList();
  for (const entry of v.split(',').map((e) => e.trim())) {
    const [address = '', bits, extra] = entry.split('/');
    const family = isIP(address);
    const prefix = bits === undefined ? undefined : Number(bits);
    const maxPrefix = family === 6 ? 128 : 32;
    if (!family || extra !== undefined || (prefix !== undefined && (!/^\d+$/.test(bits ?? '') || prefix > maxPrefix)))
      throw new Error(
        `"${entry}" is not an IP address or subnet: give a number of proxy hops (TRUST_PROXY=1) or addresses such as 127.0.0.1,10.0.0.0/8`,
      );
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return { kind: 'proxies', list };
}

// Node reports IPv4 peers of a dual-stack socket as ::ffff:a.b.c.d.
const unmap = (address: string) =>
  address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;

const trusted = (list: BlockList, address: string) => {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
};

/**
 * The client's address, the one place that decides it (rate limits, logs):
 * the socket's peer, unless that peer is a trusted proxy, then the
 * right-most `X-Forwarded-For` entry that is not itself trusted. Entries
 * left of it were written by the client and prove nothing.
 */
export function clientAddress(
  remote: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string {
  const peer = unmap(remote ?? 'unknown');
  if (trust.kind === 'off' || !forwardedFor) return peer;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
  // Nearest first: the peer, then each hop it says it forwarded for.
  const chain = [
    peer,
    ...header
      .split(',')
      .map((e) => unmap(e.trim()))
      .filter(Boolean)
      .reverse(),
  ];
  // The chain always holds the socket's own peer, so it is never empty.
  if (trust.kind === 'hops') return chain[Math.min(trust.hops, chain.length - 1)]!;
  for (const address of chain) if (!trusted(trust.list, address)) return address;
  return chain[chain.length - 1]!;
}

/** `https` or `http` as the client used it: `X-Forwarded-Proto` only from a trusted peer. */
export function clientProtocol(
  remote: string | undefined,
  forwardedProto: string | string[] | undefined,
  encrypted: boolean,
  trust: TrustProxy,
): 'http' | 'https' {
  const own = encrypted ? 'https' : 'http';
  if (trust.kind === 'off' || !forwardedProto) return own;
  if (trust.kind === 'proxies' && !trusted(trust.list, unmap(remote ?? ''))) return own;
  // A chain of proxies appends; the left-most entry is what the client spoke to the first one.
  const first = ((Array.isArray(forwardedProto) ? forwardedProto[0] : forwardedProto) ?? '')
    .split(',')[0]!
    .trim()
    .toLowerCase();
  return first === 'https' ? 'https' : first === 'http' ? 'http' : own;
}

type Incoming = { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> };

/** `clientAddress` of a Node request (the request log and the rate limit both ask). */
export const incomingClientAddress = (req: Incoming, trust: TrustProxy): string =>
  clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trust);

/** The Node request under a Hono context (undefined under `app.request()`). */
export const incomingOf = (c: Context): IncomingMessage | undefined =>
  (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;

/** `clientAddress` of a Hono request: `unknown` under `app.request()` in tests, which has no socket. */
export const contextClientAddress = (c: Context, trust: TrustProxy): string => {
  const incoming = incomingOf(c);
  return incoming ? incomingClientAddress(incoming, trust) : 'unknown';
};
