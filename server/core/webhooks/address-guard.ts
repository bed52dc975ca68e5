import { lookup as dnsLookup } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * The SSRF guard of webhook deliveries. A merchant chooses the URL, so the
 * server must not become a way to reach what only it can reach: its own
 * loopback, the private network behind it, the cloud's metadata service.
 */

/** Never a target, whatever the configuration: link-local (cloud metadata lives there) and unspecified. */
const ALWAYS_REFUSED = new BlockList();
ALWAYS_REFUSED.addSubnet('169.254.0.0', 16, 'ipv4');
ALWAYS_REFUSED.addSubnet('0.0.0.0', 8, 'ipv4');
ALWAYS_REFUSED.addSubnet('fe80::', 10, 'ipv6');
ALWAYS_REFUSED.addAddress('::', 'ipv6');
// AWS's IPv6 metadata endpoint.
ALWAYS_REFUSED.addAddress('fd00:ec2::254', 'ipv6');

/** Refused unless the development switch is on: loopback, private and shared ranges. */
const PRIVATE = new BlockList();
for (const [net, bits] of [
  ['127.0.0.0', 8],
  ['10.0.0.0', 8],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['100.64.0.0', 10],
  ['192.0.0.0', 24],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(net, bits, 'ipv4');
PRIVATE.addAddress('::1', 'ipv6');
PRIVATE.addSubnet('fc00::', 7, 'ipv6');
PRIVATE.addSubnet('ff00::', 8, 'ipv6');

/** `::ffff:10.0.0.1` is 10.0.0.1 to the kernel: judge the IPv4 inside. */
function unmap(address: string): { address: string; family: 'ipv4' | 'ipv6' } {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped?.[1]) return { address: mapped[1], family: 'ipv4' };
  return { address, family: isIP(address) === 6 ? 'ipv6' : 'ipv4' };
}

/** Why `address` (an IP literal) may not be a webhook target, or null when it may. */
export function refusedAddress(address: string, allowPrivate: boolean): string | null {
  const a = unmap(address);
  if (ALWAYS_REFUSED.check(a.address, a.family)) return `${address} is a link-local, metadata or unspecified address`;
  if (!allowPrivate && PRIVATE.check(a.address, a.family)) return `${address} is a private or loopback address`;
  return null;
}

const bare = (hostname: string) => hostname.replace(/^\[|\]$/g, '');

/**
 * What can be judged of a URL before DNS: an IP literal, or `localhost`.
 * Other names are judged again at every delivery, after resolution.
 */
export function refusedUrlHost(url: string, allowPrivate: boolean): string | null {
  const host = bare(new URL(url).hostname).toLowerCase();
  if (isIP(host)) return refusedAddress(host, allowPrivate);
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost'))) return `${host} is a loopback name`;
  return null;
}

export class RefusedAddress extends Error {
  readonly code = 'ERR_WEBHOOK_REFUSED_ADDRESS';
}

/**
 * A `lookup` for `http.request` that resolves the name, refuses the request
 * when any answer is a refused address, and hands the socket only the checked
 * address: a second resolution (DNS rebinding) never happens.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(bare(hostname), { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 4);
      const list = addresses as { address: string; family: number }[];
      for (const { address } of list) {
        const why = refusedAddress(address, allowPrivate);
        if (why) return callback(new RefusedAddress(why), '', 4);
      }
      const first = list[0];
      if (!first) return callback(new Error(`${hostname} did not resolve`), '', 4);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: typeof list) => void)(null, list);
      callback(null, first.address, first.family);
    });
  };
}

/** The development switch: explicit, or implied by a server whose own public URL is on loopback. */
export function privateTargetsAllowed(flag: boolean, publicUrl: string): boolean {
  if (flag) return true;
  const host = bare(new URL(publicUrl).hostname).toLowerCase();
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}
