import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Mastodon, MastodonIllegalArgumentError } from '../../src/index.js';
import { getStatusLength } from '../../src/api.js';

describe('getStatusLength counts as Mastodon counts', () => {
  it('characters as grapheme clusters', () => {
    assert.equal(getStatusLength('hello'), 5);
    assert.equal(getStatusLength('👩‍👩‍👧‍👦 family'), 8, 'a family emoji is one character');
    assert.equal(getStatusLength('e\u0301'), 1, 'a letter with a combining accent is one');
    assert.equal(getStatusLength(''), 0);
  });

  it('every URL with a scheme as 23, without the punctuation after it', () => {
    assert.equal(getStatusLength('https://example.com/a/very/long/path/that/goes/on/and/on?x=1'), 23);
    assert.equal(getStatusLength('see http://a.co.'), 4 + 23 + 1);
    assert.equal(getStatusLength('(https://example.com/wiki/Thing_(disambiguation))'), 1 + 23 + 1);
    assert.equal(getStatusLength('see example.com'), 15, 'no scheme, no link');
    assert.equal(getStatusLength('http://localhost/path'), 21, 'no top-level domain, no link');
    assert.equal(getStatusLength('mail@https://x.com'), 18, 'not after an @');
  });

  it('remote mentions as their username, local ones as written, and the content warning in full', () => {
    assert.equal(getStatusLength('hi @alice@social.example.org'), 3 + 6);
    assert.equal(getStatusLength('hi @alice'), 9);
    assert.equal(getStatusLength('text', 'cw https://example.com'), 4 + 22, 'URLs in the warning count in full');
    assert.equal(Mastodon.getStatusLength('a', 'b'), 2, 'static, as in Mastodon.py');
  });

  it('throws MastodonIllegalArgumentError for what is not text', () => {
    assert.throws(() => getStatusLength(undefined as never), MastodonIllegalArgumentError);
    assert.throws(() => getStatusLength('x', 5 as never), MastodonIllegalArgumentError);
  });
});
