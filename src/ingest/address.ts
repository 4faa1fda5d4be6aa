/**
 * Which IP addresses a fetch may connect to: everything but the ranges of the IANA special-purpose address
 * registries (IPv4 and IPv6), multicast and the deprecated site-local and IPv4-compatible forms. An IPv6 address
 * that carries an IPv4 address (IPv4-mapped, SIIT-translated, NAT64 64:ff9b::/96, 6to4 2002::/16) is judged by the
 * address it carries, so `::ffff:7f00:1`, `64:ff9b::a00:1` and `2002:7f00:1::` are loopback and private like the
 * IPv4 addresses inside them; Teredo (2001::/32) lies in the IETF protocol block and is refused whole.
 */
import { BlockList, isIP } from 'node:net';

interface Range {
  net: string;
  prefix: number;
  name: string;
}

// IANA IPv4 Special-Purpose Address Registry, plus multicast (224.0.0.0/4), which no article is served from.
const V4: Range[] = [
  { net: '0.0.0.0', prefix: 8, name: '"this network"' },
  { net: '10.0.0.0', prefix: 8, name: 'private' },
  { net: '100.64.0.0', prefix: 10, name: 'shared address space (carrier-grade NAT)' },
  { net: '127.0.0.0', prefix: 8, name: 'loopback' },
  { net: '169.254.0.0', prefix: 16, name: 'link-local' },
  { net: '172.16.0.0', prefix: 12, name: 'private' },
  { net: '192.0.0.0', prefix: 24, name: 'IETF protocol assignments' },
  { net: '192.0.2.0', prefix: 24, name: 'documentation (TEST-NET-1)' },
  { net: '192.31.196.0', prefix: 24, name: 'AS112' },
  { net: '192.52.193.0', prefix: 24, name: 'AMT' },
  { net: '192.88.99.0', prefix: 24, name: '6to4 relay anycast' },
  { net: '192.168.0.0', prefix: 16, name: 'private' },
  { net: '192.175.48.0', prefix: 24, name: 'AS112 direct delegation' },
  { net: '198.18.0.0', prefix: 15, name: 'benchmarking' },
  { net: '198.51.100.0', prefix: 24, name: 'documentation (TEST-NET-2)' },
  { net: '203.0.113.0', prefix: 24, name: 'documentation (TEST-NET-3)' },
  { net: '224.0.0.0', prefix: 4, name: 'multicast' },
  { net: '240.0.0.0', prefix: 4, name: 'reserved' },
  { net: '255.255.255.255', prefix: 32, name: 'limited broadcast' },
];

// IANA IPv6 Special-Purpose Address Registry, plus multicast, site-local and IPv4-compatible addresses. The
// ranges that carry an IPv4 address are not here: they are judged by what they carry (see `carried`).
const V6: Range[] = [
  { net: '::', prefix: 128, name: 'unspecified' },
  { net: '::1', prefix: 128, name: 'loopback' },
  { net: '::', prefix: 96, name: 'IPv4-compatible (deprecated)' },
  { net: '64:ff9b:1::', prefix: 48, name: 'local-use IPv4/IPv6 translation' },
  { net: '100::', prefix: 64, name: 'discard-only' },
  { net: '100:0:0:1::', prefix: 64, name: 'dummy prefix' },
  { net: '2001::', prefix: 23, name: 'IETF protocol assignments (Teredo, benchmarking, ORCHID and others)' },
  { net: '2001:db8::', prefix: 32, name: 'documentation' },
  { net: '2620:4f:8000::', prefix: 48, name: 'AS112 direct delegation' },
  { net: '3fff::', prefix: 20, name: 'documentation' },
  { net: '5f00::', prefix: 16, name: 'segment routing' },
  { net: 'fc00::', prefix: 7, name: 'unique local (private)' },
  { net: 'fe80::', prefix: 10, name: 'link-local' },
  { net: 'fec0::', prefix: 10, name: 'site-local (deprecated)' },
  { net: 'ff00::', prefix: 8, name: 'multicast' },
];

function compile(ranges: Range[], type: 'ipv4' | 'ipv6'): { list: BlockList; name: string }[] {
  return ranges.map((r) => {
    const list = new BlockList();
    list.addSubnet(r.net, r.prefix, type);
    return { list, name: r.name };
  });
}

const V4_LISTS = compile(V4, 'ipv4');
const V6_LISTS = compile(V6, 'ipv6');

/** An IPv6 address as its eight 16-bit groups (an embedded dotted quad and a zone are allowed); null if not IPv6. */
export function ipv6Groups(ip: string): number[] | null {
  let s = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(s) !== 6) return null;
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    s = `${s.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') as [string, string] : [s, null];
  const parse = (part: string) => (part ? part.split(':').map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  if (tail === null) return left;
  const right = parse(tail);
  return [...left, ...new Array(8 - left.length - right.length).fill(0), ...right];
}

const v4Of = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
const v6Of = (g: number[]) => g.map((x) => x.toString(16)).join(':');

/** The IPv4 address an IPv6 address carries, with the form's name, when it is one of the forms that carry one. */
function carried(g: number[]): { v4: string; form: string } | null {
  const zero = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && g[5] === 0xffff) return { v4: v4Of(g[6]!, g[7]!), form: 'IPv4-mapped' };
  if (zero(0, 4) && g[4] === 0xffff && g[5] === 0) return { v4: v4Of(g[6]!, g[7]!), form: 'IPv4-translated' };
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(2, 6)) return { v4: v4Of(g[6]!, g[7]!), form: 'NAT64' };
  if (g[0] === 0x2002) return { v4: v4Of(g[1]!, g[2]!), form: '6to4' };
  return null;
}

/**
 * Why a fetch must not connect to this address (`loopback`, `IPv4-mapped 127.0.0.1: loopback`), or null when it
 * is an ordinary public address. Anything that is not an IP address is refused as such.
 */
export function blockedReason(ip: string): string | null {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  if (isIP(bare) === 4) return V4_LISTS.find((r) => r.list.check(bare, 'ipv4'))?.name ?? null;
  const g = ipv6Groups(bare);
  if (!g || g.length !== 8) return 'not an IP address';
  const inner = carried(g);
  if (inner) {
    const why = blockedReason(inner.v4);
    return why ? `${inner.form} ${inner.v4}: ${why}` : null;
  }
  return V6_LISTS.find((r) => r.list.check(v6Of(g), 'ipv6'))?.name ?? null;
}

export const isPublicAddress = (ip: string): boolean => blockedReason(ip) === null;
