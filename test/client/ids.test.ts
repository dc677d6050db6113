import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { idOf, MastodonIllegalArgumentError, snowflakeOf } from '../../src/index.js';

describe('ids', () => {
  it('a Date becomes the snowflake Mastodon gives a post made then: milliseconds shifted left 16 bits', () => {
    assert.equal(snowflakeOf(new Date('2022-12-01T00:00:00Z')), '109435473100800000');
    // A real status (test_toot.yaml): its id's high bits are its creation time in milliseconds,
    // give or take the few the server took to store it.
    const created = new Date('2022-12-01T19:48:34.595Z');
    assert.equal(BigInt(snowflakeOf(created)) >> 16n, BigInt(created.getTime()));
    const drift = Number(BigInt(snowflakeOf(created)) - 109440146774012815n) / 65536;
    assert.ok(Math.abs(drift) < 10, `the real id is ${drift} ms away`);
  });

  it('takes ids as strings, safe integers or objects carrying them', () => {
    assert.equal(idOf('109440146774012815'), '109440146774012815');
    assert.equal(idOf({ id: '7' }), '7');
    assert.equal(idOf(42), '42');
    assert.throws(() => idOf(2 ** 60), MastodonIllegalArgumentError);
    assert.throws(() => snowflakeOf(new Date('nope')), MastodonIllegalArgumentError);
  });
});
