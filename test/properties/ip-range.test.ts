import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BlockList, isIP } from 'node:net';
import fc from 'fast-check';
import {
  bitsOf, formatIpAddress, formatIpRange, parseIpAddress, parseIpRange, rangeContains, type IpAddress,
} from '../../src/endpoints/admin/ip-range.js';

// The IP block checks rest on this parser: every text form of every address must read back as
// the same number, what it writes must be what Mastodon writes, and ranges must contain what
// node:net's BlockList (an independent implementation) says they contain.

const RUNS = Number(process.env['PROPERTY_RUNS'] ?? 500);

/** Mostly zero groups, so that `::` runs of every length turn up. */
const group = fc.oneof({ weight: 2, arbitrary: fc.constant(0) }, { weight: 3, arbitrary: fc.integer({ min: 0, max: 0xffff }) });
const ipv4 = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });
const ipv6 = fc.array(group, { minLength: 8, maxLength: 8 });

const valueOf4 = (bytes: readonly number[]): bigint => bytes.reduce((v, b) => (v << 8n) | BigInt(b), 0n);
const valueOf6 = (groups: readonly number[]): bigint => groups.reduce((v, g) => (v << 16n) | BigInt(g), 0n);

/** An IPv6 address written in one of the forms RFC 4291 allows: full, padded, upper case, any zero run as `::`, an IPv4 tail. */
function writtenForms(groups: readonly number[]): fc.Arbitrary<string> {
  const hex = groups.map((g) => g.toString(16));
  const forms: string[] = [
    hex.join(':'),
    groups.map((g) => g.toString(16).padStart(4, '0')).join(':'),
    hex.join(':').toUpperCase(),
    `${hex.slice(0, 6).join(':')}:${(groups[6]! >> 8)}.${groups[6]! & 0xff}.${groups[7]! >> 8}.${groups[7]! & 0xff}`,
  ];
  for (let start = 0; start < 8; start++) {
    for (let end = start + 1; end <= 8 && groups[end - 1] === 0; end++) {
      forms.push(`${hex.slice(0, start).join(':')}::${hex.slice(end).join(':')}`);
    }
  }
  return fc.constantFrom(...forms);
}

describe('IP addresses and ranges', () => {
  it('reads every dotted quad, and writes it back as it was given', () => {
    fc.assert(fc.property(ipv4, (bytes) => {
      const text = bytes.join('.');
      assert.deepEqual(parseIpAddress(text), { family: 4, value: valueOf4(bytes) });
      assert.equal(formatIpAddress(parseIpAddress(text)!), text);
    }), { numRuns: RUNS });
  });

  it('reads every written form of an IPv6 address as the same number', () => {
    fc.assert(fc.property(ipv6.chain((groups) => fc.tuple(fc.constant(groups), writtenForms(groups))), ([groups, text]) => {
      assert.deepEqual(parseIpAddress(text), { family: 6, value: valueOf6(groups) }, text);
    }), { numRuns: RUNS });
  });

  it('writes IPv6 as RFC 5952 says, in a form node:net reads back to the same address', () => {
    fc.assert(fc.property(ipv6, (groups) => {
      const address: IpAddress = { family: 6, value: valueOf6(groups) };
      const text = formatIpAddress(address);
      assert.equal(text, text.toLowerCase());
      assert.doesNotMatch(text, /(^|:)0[0-9a-f]/, 'no leading zeros');
      assert.ok(text.split('::').length <= 2, 'at most one ::');
      let longest = { start: -1, length: 1 };
      for (let start = 0, run = 0; start < 8; start++) {
        run = groups[start] === 0 ? run + 1 : 0;
        if (run > longest.length) longest = { start: start - run + 1, length: run };
      }
      if (longest.start === -1) {
        assert.ok(!text.includes('::'), `no run of two zero groups to compress: ${text}`);
      } else {
        const [head, tail] = text.split('::') as [string, string];
        assert.equal(head === '' ? 0 : head.split(':').length, longest.start, `:: where the first longest zero run starts: ${text}`);
        assert.equal(tail === '' ? 0 : tail.split(':').length, 8 - longest.start - longest.length, `:: spans that run: ${text}`);
      }
      assert.equal(isIP(text), 6);
      assert.deepEqual(parseIpAddress(text), address);
    }), { numRuns: RUNS });
  });

  it('reads a range as its network address and prefix, and writes it back in the form Mastodon serves', () => {
    const address = fc.oneof(ipv4.map((bytes) => bytes.join('.')), ipv6.chain(writtenForms));
    fc.assert(fc.property(address, fc.integer({ min: 0, max: 128 }), (text, wanted) => {
      const family = isIP(text) as 4 | 6;
      const prefix = wanted % (bitsOf(family) + 1);
      const range = parseIpRange(`${text}/${prefix}`)!;
      assert.equal(range.family, family);
      assert.equal(range.prefix, prefix);
      const hostBits = BigInt(bitsOf(family) - prefix);
      assert.equal(range.network & ((1n << hostBits) - 1n), 0n, 'host bits cleared');
      assert.ok(rangeContains(range, parseIpAddress(text)!), 'the address given is in its range');
      assert.deepEqual(parseIpRange(formatIpRange(range)), range, 'written and read back unchanged');
      assert.deepEqual(parseIpRange(text), { ...range, prefix: bitsOf(family), network: parseIpAddress(text)!.value }, 'no prefix: one address');
    }), { numRuns: RUNS });
  });

  it('contains exactly the addresses node:net\'s BlockList puts in the same subnet', () => {
    const pair = fc.oneof(
      fc.tuple(fc.constant(4 as const), ipv4.map(valueOf4), ipv4.map(valueOf4), fc.integer({ min: 0, max: 32 })),
      fc.tuple(fc.constant(6 as const), ipv6.map(valueOf6), ipv6.map(valueOf6), fc.integer({ min: 0, max: 128 })),
    );
    fc.assert(fc.property(pair, fc.boolean(), ([family, network, other, prefix], near) => {
      // Half the time the other address shares the network's top bits, so that both answers are tried.
      const hostMask = (1n << BigInt(bitsOf(family) - prefix)) - 1n;
      const candidate = near ? (network & ~hostMask) | (other & hostMask) : other;
      const range = parseIpRange(`${formatIpAddress({ family, value: network })}/${prefix}`)!;
      const list = new BlockList();
      list.addSubnet(formatIpAddress({ family, value: network }), prefix, `ipv${family}`);
      const text = formatIpAddress({ family, value: candidate });
      assert.equal(rangeContains(range, { family, value: candidate }), list.check(text, `ipv${family}`), `${formatIpRange(range)} ∋ ${text}`);
    }), { numRuns: RUNS });
  });

  it('accepts exactly the addresses node:net accepts, over strings made of address characters (zones aside)', () => {
    const chars = fc.constantFrom(...'0123456789abcdefABCDEF.:'.split(''), '::', '255', '256', '00', 'ffff', '1.2.3.4');
    const octet = fc.constantFrom('0', '00', '01', '7', '09', '10', '99', '255', '256', '1000', '');
    const nearIpv4 = fc.array(octet, { minLength: 3, maxLength: 5 }).map((parts) => parts.join('.'));
    const nearIpv6 = fc.tuple(fc.array(fc.constantFrom('0', '0000', '00000', 'ffff', 'fFfF', 'g', ''), { maxLength: 9 }), nearIpv4)
      .map(([groups, tail]) => [...groups, tail].join(':'));
    const text = fc.oneof(fc.array(chars, { maxLength: 16 }).map((parts) => parts.join('')), nearIpv4, nearIpv6);
    fc.assert(fc.property(text, (text) => {
      const parsed = parseIpAddress(text);
      assert.equal(parsed === undefined ? 0 : parsed.family, isIP(text), JSON.stringify(text));
    }), { numRuns: RUNS * 4 });
  });

  it('refuses what is not an address or a range, and never throws', () => {
    for (const text of ['', ' 10.0.0.1', '10.0.0.1 ', '10.0.0', '10.0.0.1.1', '010.0.0.1', '10.0.0.256', '10.0.0.1/33',
      '10.0.0.1/', '10.0.0.1/08', '10.0.0.1/-1', '10.0.0.1/255.0.0.0', '10.0.0.1/8/8', '::/129', '1::2::3', ':::', ':1::',
      '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7::8', '12345::', 'fe80::1%eth0', 'g::1', '::1.2.3', '1.2.3.4::', 'localhost']) {
      assert.equal(parseIpRange(text), undefined, JSON.stringify(text));
    }
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 48 }), (text) => {
      const range = parseIpRange(text);
      if (range !== undefined) assert.deepEqual(parseIpRange(formatIpRange(range)), range);
    }), { numRuns: RUNS });
  });
});
