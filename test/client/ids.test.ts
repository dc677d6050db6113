import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { idOf, MastodonIllegalArgumentError, snowflakeOf } from '../../src/index.js';
import { fillPath } from '../../src/http/fill-path.js';

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

  it('refuses ids that could walk the URL or name nothing: ., .., /, ?, #, empty, whitespace', () => {
    for (const bad of ['.', '..', '', ' ', '\t\n', 'a/b', '../1', '1?x=y', '1#frag', { id: '..' }, { id: '' }]) {
      assert.throws(() => idOf(bad), MastodonIllegalArgumentError, JSON.stringify(bad));
    }
    for (const good of ['1', 'AbC_-9', '109440146774012815', '.1', '1..2', 'a b']) assert.equal(idOf(good), good);
  });

  it('fillPath refuses empty, . and .. segments for any placeholder', () => {
    for (const bad of ['', '.', '..']) {
      assert.throws(() => fillPath('/api/v1/timelines/tag/{hashtag}', { hashtag: bad }), MastodonIllegalArgumentError);
      assert.throws(() => fillPath('/api/v1/timelines/{timeline*}', { timeline: `tag/${bad}` }), MastodonIllegalArgumentError);
    }
    assert.equal(fillPath('/api/v1/statuses/{id}', { id: 'a/../b' }).path, '/api/v1/statuses/a%2F..%2Fb');
  });
});
