// IP addresses and CIDR ranges, as the admin API's IP blocks take them: IPv4 or IPv6, with or
// without a prefix length. Pure functions; the endpoints check `ip` with them, and the fake
// server matches sign-ups against its blocks with them.

/** An IPv4 or IPv6 address as a number, with its family. */
export interface IpAddress {
  readonly family: 4 | 6;
  readonly value: bigint;
}

/** A range of addresses: the network address (host bits cleared) and the prefix length. */
export interface IpRange {
  readonly family: 4 | 6;
  readonly network: bigint;
  readonly prefix: number;
}

const IPV4_PART = /^(?:0|[1-9]\d{0,2})$/;
const HEX_GROUP = /^[0-9a-f]{1,4}$/i;
const PREFIX = /^(?:0|[1-9]\d{0,2})$/;

/** The width of a family's addresses, in bits. */
export function bitsOf(family: 4 | 6): number {
  return family === 4 ? 32 : 128;
}

/** Dotted-quad IPv4, each part 0 to 255 and written without leading zeros (which Mastodon refuses as ambiguous). */
function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!IPV4_PART.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

/** Hex groups, the last of which may be a dotted quad (two groups' worth); undefined if one is malformed. */
function groupsOf(text: string, last: boolean): bigint[] | undefined {
  if (text === '') return [];
  const parts = text.split(':');
  const groups: bigint[] = [];
  for (const [i, part] of parts.entries()) {
    if (last && i === parts.length - 1 && part.includes('.')) {
      const ipv4 = parseIpv4(part);
      if (ipv4 === undefined) return undefined;
      groups.push(ipv4 >> 16n, ipv4 & 0xffffn);
    } else if (HEX_GROUP.test(part)) {
      groups.push(BigInt(`0x${part}`));
    } else {
      return undefined;
    }
  }
  return groups;
}

/** IPv6 in any RFC 4291 text form: eight groups, or fewer around one `::`, an IPv4 tail allowed. */
function parseIpv6(text: string): bigint | undefined {
  const gap = text.indexOf('::');
  if (gap !== text.lastIndexOf('::')) return undefined;
  let groups: bigint[];
  if (gap === -1) {
    const all = groupsOf(text, true);
    if (all === undefined || all.length !== 8) return undefined;
    groups = all;
  } else {
    const head = groupsOf(text.slice(0, gap), false);
    const tail = groupsOf(text.slice(gap + 2), true);
    if (head === undefined || tail === undefined || head.length + tail.length > 7) return undefined;
    groups = [...head, ...new Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  }
  return groups.reduce((value, group) => (value << 16n) | group, 0n);
}

/**
 * An IPv4 or IPv6 address, or undefined when `text` is not one. No surrounding space, zone
 * (`%eth0`) or prefix length is accepted.
 *
 * ## Example
 * ```ts
 * parseIpAddress('192.0.2.7')   // { family: 4, value: 3221225991n }
 * parseIpAddress('2001:db8::1') // { family: 6, value: 42540766411282592856903984951653826561n }
 * parseIpAddress('300.1.1.1')   // undefined
 * ```
 */
export function parseIpAddress(text: string): IpAddress | undefined {
  if (text.includes(':')) {
    const value = parseIpv6(text);
    return value === undefined ? undefined : { family: 6, value };
  }
  const value = parseIpv4(text);
  return value === undefined ? undefined : { family: 4, value };
}

/**
 * A range in CIDR notation, or one address (a range of one: `/32` or `/128`); undefined when
 * `text` is neither. Host bits set below the prefix are cleared, as Mastodon stores ranges.
 *
 * ## Example
 * ```ts
 * parseIpRange('192.0.2.77/24')  // { family: 4, network: 3221225984n, prefix: 24 }
 * parseIpRange('2001:db8::/129') // undefined
 * ```
 */
export function parseIpRange(text: string): IpRange | undefined {
  const slash = text.indexOf('/');
  const address = parseIpAddress(slash === -1 ? text : text.slice(0, slash));
  if (address === undefined) return undefined;
  const bits = bitsOf(address.family);
  let prefix = bits;
  if (slash !== -1) {
    const written = text.slice(slash + 1);
    if (!PREFIX.test(written) || Number(written) > bits) return undefined;
    prefix = Number(written);
  }
  return { family: address.family, network: masked(address.value, bits, prefix), prefix };
}

function masked(value: bigint, bits: number, prefix: number): bigint {
  const hostBits = BigInt(bits - prefix);
  return (value >> hostBits) << hostBits;
}

/**
 * Whether `address` lies in `range` (addresses of the other family never do).
 * @example rangeContains(parseIpRange('10.0.0.0/8')!, parseIpAddress('10.1.2.3')!)  // true
 */
export function rangeContains(range: IpRange, address: IpAddress): boolean {
  return range.family === address.family && masked(address.value, bitsOf(range.family), range.prefix) === range.network;
}

/**
 * An address as text: dotted quad, or IPv6 as RFC 5952 writes it (lower case, no leading
 * zeros, the longest run of two or more zero groups as `::`, the first of equal runs).
 * @example formatIpAddress({ family: 6, value: 1n })  // '::1'
 */
export function formatIpAddress(address: IpAddress): string {
  if (address.family === 4) {
    return [24n, 16n, 8n, 0n].map((shift) => String((address.value >> shift) & 0xffn)).join('.');
  }
  const groups = Array.from({ length: 8 }, (_unused, i) => (address.value >> BigInt(112 - 16 * i)) & 0xffffn);
  let best = { start: -1, length: 1 };
  for (let start = 0; start < 8; start++) {
    let length = 0;
    while (start + length < 8 && groups[start + length] === 0n) length++;
    if (length > best.length) best = { start, length };
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start === -1) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/**
 * A range as Mastodon serves it: the network address and the prefix length, always both.
 * @example formatIpRange(parseIpRange('192.0.2.77/24')!)  // '192.0.2.0/24'
 */
export function formatIpRange(range: IpRange): string {
  return `${formatIpAddress({ family: range.family, value: range.network })}/${range.prefix}`;
}
