import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encodeForm, encodeJson, flattenParams, formatDate } from '../../src/http/params.js';
import { MastodonIllegalArgumentError } from '../../src/index.js';

describe('parameter encoding', () => {
  it('turns lists into repeated key[] and nested objects into key[sub]', () => {
    assert.deepEqual(flattenParams({ exclude_types: ['follow', 'poll'], poll: { options: ['a', 'b'], expires_in: 300 } }), [
      ['exclude_types[]', 'follow'], ['exclude_types[]', 'poll'],
      ['poll[options][]', 'a'], ['poll[options][]', 'b'], ['poll[expires_in]', '300'],
    ]);
  });

  it('sends booleans as 1/0, dates in UTC to the second, and drops undefined and null', () => {
    const at = new Date(Date.UTC(2022, 11, 1, 8, 30, 15, 999));
    assert.equal(encodeForm({ local: true, remote: false, scheduled_at: at, gone: undefined, none: null }),
      'local=1&remote=0&scheduled_at=2022-12-01T08%3A30%3A15%2B00%3A00');
    assert.equal(formatDate(at), '2022-12-01T08:30:15+00:00');
  });

  it('refuses values that cannot be sent', () => {
    assert.throws(() => flattenParams({ limit: Number.NaN }), MastodonIllegalArgumentError);
    assert.throws(() => flattenParams({ limit: Infinity }), MastodonIllegalArgumentError);
    assert.throws(() => formatDate(new Date('nope')), MastodonIllegalArgumentError);
    assert.throws(() => flattenParams({ f: (() => 1) as unknown as string }), MastodonIllegalArgumentError);
  });

  it('keeps ids as strings in JSON, formats dates and leaves text alone', () => {
    const at = new Date(Date.UTC(2022, 0, 2, 3, 4, 5));
    assert.equal(encodeJson({ home: { last_read_id: '109440146774012815' }, at, note: '2022-01-02T03:04:05.000Z', skip: undefined, n: null }),
      '{"home":{"last_read_id":"109440146774012815"},"at":"2022-01-02T03:04:05+00:00","note":"2022-01-02T03:04:05.000Z"}');
  });
});
