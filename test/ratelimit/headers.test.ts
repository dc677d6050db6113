import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseReset, readRateLimitHeaders } from '../../src/ratelimit/headers.js';
import { fixturePath } from '../support/fixtures.js';

const CASSETTES = fixturePath('mastodonpy-1.8/cassettes/cassettes');

describe('X-RateLimit headers', () => {
  it('reads an ISO reset with six fractional digits, as Mastodon sends it', () => {
    assert.equal(parseReset('2022-12-01T21:00:00.846373Z'), Date.UTC(2022, 11, 1, 21) / 1000 + 0.846373);
    assert.equal(parseReset('2026-07-02T10:05:00.000000Z'), Date.UTC(2026, 6, 2, 10, 5) / 1000);
  });

  it('reads an ISO reset with 0 to 3 fractional digits and with offsets', () => {
    assert.equal(parseReset('2022-12-01T21:00:00Z'), Date.UTC(2022, 11, 1, 21) / 1000);
    assert.equal(parseReset('2022-12-01T21:00:00.5Z'), Date.UTC(2022, 11, 1, 21) / 1000 + 0.5);
    assert.equal(parseReset('2022-12-01T23:00:00.250+02:00'), Date.UTC(2022, 11, 1, 21) / 1000 + 0.25);
    assert.equal(parseReset('2022-12-01T20:30:00-0030'), Date.UTC(2022, 11, 1, 21) / 1000);
    assert.equal(parseReset('2022-12-01T21:00:00'), Date.UTC(2022, 11, 1, 21) / 1000);
  });

  it('reads epoch seconds, as other servers send them', () => {
    assert.equal(parseReset('1669928400'), 1669928400);
    assert.equal(parseReset(' 1669928400.25 '), 1669928400.25);
  });

  it('gives undefined for what it cannot read, and never throws', () => {
    for (const garbage of ['', 'soon', 'NaN', '-5', '2022-13-45T99:99:99Z', '12:00', '0x10', '1e9', '2022-12-01']) {
      const value = parseReset(garbage);
      assert.ok(value === undefined || Number.isFinite(value), `${garbage} → ${value}`);
    }
    assert.equal(parseReset('soon'), undefined);
    assert.equal(parseReset('2022-13-45T99:99:99Z'), undefined);
    assert.equal(parseReset(undefined), undefined);
    assert.deepEqual(readRateLimitHeaders({ 'x-ratelimit-limit': 'many', 'x-ratelimit-remaining': '-1', date: 'never' }), {
      limit: undefined, remaining: undefined, reset: undefined, serverDate: undefined,
    });
    assert.deepEqual(readRateLimitHeaders({}), { limit: undefined, remaining: undefined, reset: undefined, serverDate: undefined });
  });

  it('reads the Date header as the server clock', () => {
    const report = readRateLimitHeaders({ 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '299', date: 'Thu, 01 Dec 2022 19:48:19 GMT' });
    assert.deepEqual(report, { limit: 300, remaining: 299, reset: undefined, serverDate: Date.UTC(2022, 11, 1, 19, 48, 19) / 1000 });
  });

  it('reads every X-RateLimit-Reset recorded from a real Mastodon 4.0.2', () => {
    const resets = readdirSync(CASSETTES)
      .filter((name) => name.endsWith('.yaml'))
      .flatMap((name) => [...readFileSync(join(CASSETTES, name), 'utf8').matchAll(/X-RateLimit-Reset:\s*\n\s*- '([^']+)'/g)].map((m) => m[1]!));
    assert.ok(resets.length > 100, `found ${resets.length}`);
    for (const reset of resets) {
      const seconds = parseReset(reset);
      assert.ok(seconds !== undefined, reset);
      assert.equal(new Date(Math.floor(seconds * 1000)).toISOString().slice(0, 19), reset.slice(0, 19));
      assert.ok(Math.abs((seconds % 1) - Number(`0.${reset.slice(20, 26)}`)) < 1e-6, reset);
    }
  });
});
