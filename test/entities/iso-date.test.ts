import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseIsoDate } from '../../src/entities/iso-date.js';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Strings in and around the shapes Mastodon sends, some of them invalid on purpose. */
const isoLike = fc.record({
  year: fc.integer({ min: 0, max: 9999 }),
  month: fc.integer({ min: 0, max: 13 }),
  day: fc.integer({ min: 0, max: 32 }),
  hour: fc.integer({ min: 0, max: 25 }),
  minute: fc.integer({ min: 0, max: 60 }),
  second: fc.integer({ min: 0, max: 60 }),
  fraction: fc.option(fc.stringMatching(/^[0-9]{0,9}$/)),
  zone: fc.constantFrom('Z', '+00:00', '+01:00', '-05:30', '+14:00', '+24:00', '-00:60', 'z', '', '+0100'),
  dateOnly: fc.boolean(),
  separator: fc.constantFrom('T', 't', ' '),
}).map((p) => {
  const date = `${pad(p.year, 4)}-${pad(p.month, 2)}-${pad(p.day, 2)}`;
  if (p.dateOnly) return date;
  const fraction = p.fraction === null ? '' : `.${p.fraction}`;
  return `${date}${p.separator}${pad(p.hour, 2)}:${pad(p.minute, 2)}:${pad(p.second, 2)}${fraction}${p.zone}`;
});

const sameTime = (text: string): void => {
  const fast = parseIsoDate(text).getTime();
  const reference = new Date(text).getTime();
  assert.ok(Object.is(fast, reference), `${text}: ${fast} ≠ ${reference}`);
};

describe('parseIsoDate', () => {
  it('agrees with new Date on the shapes Mastodon sends', () => {
    for (const text of [
      '2022-12-01T19:48:34.595Z', '2022-12-01', '2022-11-30T10:00:00.000+00:00', '2016-03-16T14:34:26.392Z',
      '2022-12-01T19:48:34Z', '2022-12-01T19:48:34.123456Z', '2022-12-01T19:48:34.1239Z', '2022-02-28T23:59:59.999-12:00',
    ]) sameTime(text);
  });

  it('agrees with new Date on anything near those shapes, valid or not', () => {
    fc.assert(fc.property(isoLike, (text) => sameTime(text)), { numRuns: 5000 });
  });

  it('agrees with new Date on arbitrary text', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => sameTime(text)), { numRuns: 2000 });
  });
});
