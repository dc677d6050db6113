import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { MastodonIllegalArgumentError, type StatusPostOptions, type TimelineOptions } from '../../src/index.js';
import { readOptions, withUnknownOptions } from '../../src/endpoints/unknown-options.js';
import { apiRows } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

// An option the library does not know is sent as given (DESIGN point 1), through rows and
// hand-written functions alike; what the library knows keeps its checks; the types stay exact.

/** The names of a function's parameters, read from its source (tests run unminified). */
function parameterNames(fn: (...args: never[]) => unknown): string[] {
  const source = fn.toString();
  const list = /^(?:async\s*)?(?:function\s*[\w$]*\s*)?\(([^)]*)\)/.exec(source)?.[1] ?? /^([\w$]+)\s*=>/.exec(source)?.[1] ?? '';
  return list.split(',').map((p) => p.trim().split(/[\s=:?]/)[0]!).filter(Boolean);
}

describe('readOptions and withUnknownOptions', () => {
  it('count a key as known once it is read or asked about, and leave out client-side and undefined ones', () => {
    const reading = readOptions({ limit: 5, local: true, to_file: 'x', later: undefined, exclude_quotes: true, tags: ['a'] }, ['to_file']);
    assert.equal(reading.options.limit, 5);
    assert.ok('local' in reading.options);
    assert.deepEqual(reading.unknown(), { exclude_quotes: true, tags: ['a'] });
  });

  it('hand back what is not an options object, with nothing unknown', () => {
    for (const value of [undefined, null, 'spam.example', ['a']]) {
      const reading = readOptions(value);
      assert.equal(reading.options, value);
      assert.deepEqual(reading.unknown(), {});
    }
  });

  it('fill only the parameters an endpoint left empty', () => {
    assert.deepEqual(withUnknownOptions({ id: '1', limit: undefined, q: null }, { id: '2', limit: 5, q: 'x', extra: false }),
      { id: '1', limit: 5, q: 'x', extra: false });
    const params = { id: '1' };
    assert.equal(withUnknownOptions(params, {}), params);
  });
});

describe('options the library does not know, on the wire', () => {
  const fake = useFakeServer();

  it('go in the query string of a GET row, encoded as known ones are (booleans 1/0, lists with [])', async () => {
    const api = clientFor(fake.server, 'unknown1');
    const options = { limit: 2, exclude_quotes: true, with_tags: ['cats', 'dogs'] } as TimelineOptions;
    await firstValueFrom(api.timelineHome(options));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/timelines/home').at(-1)!.query,
      { limit: '2', exclude_quotes: '1', with_tags: ['cats', 'dogs'] });
  });

  it('go in the form body of a POST row, and in its JSON body when the row sends JSON', async () => {
    const api = clientFor(fake.server, 'unknown2');
    const future: StatusPostOptions & Record<string, unknown> = { visibility: 'unlisted', quote_approval_policy: 'followers', tag_ids: ['7'] };
    await firstValueFrom(api.statusPost('form', future));
    const form = fake.server.requestsTo('POST /api/v1/statuses').at(-1)!;
    assert.match(form.contentType ?? '', /x-www-form-urlencoded/);
    assert.deepEqual(form.body, { status: 'form', visibility: 'unlisted', quote_approval_policy: 'followers', tag_ids: ['7'] });

    const poll = { options: ['a', 'b'], expires_in: 600 };
    await firstValueFrom(api.statusPost('json', { poll, quote_approval_policy: 'nobody' } as StatusPostOptions));
    const json = fake.server.requestsTo('POST /api/v1/statuses').at(-1)!;
    assert.match(json.contentType ?? '', /json/);
    assert.equal(json.body['quote_approval_policy'], 'nobody');
    assert.deepEqual(json.body['poll'], { options: ['a', 'b'], expires_in: 600 });
  });

  it('go beside what hand-written functions build: notifications and searchV2', async () => {
    const api = clientFor(fake.server, 'unknown3');
    await firstValueFrom(api.notifications({ limit: 3, include_filtered: true } as { limit: number }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/notifications').at(-1)!.query, { limit: '3', include_filtered: '1' });
    await firstValueFrom(api.searchV2('cats', { result_type: 'hashtags', future_flag: false } as { result_type: 'hashtags' }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v2/search').at(-1)!.query,
      { q: 'cats', resolve: '1', type: 'hashtags', exclude_unreviewed: '1', future_flag: '0' });
  });

  it('never replace a parameter the endpoint sets, such as the id in the path', async () => {
    const api = clientFor(fake.server, 'unknown4');
    const me = await firstValueFrom(api.me());
    await firstValueFrom(api.accountStatuses(me.id, { id: 'elsewhere', limit: 1 } as { limit: number }));
    const sent = fake.server.requestsTo('GET /api/v1/accounts/{id}/statuses').at(-1)!;
    assert.equal(sent.path, `/api/v1/accounts/${me.id}/statuses`);
    assert.deepEqual(sent.query, { limit: '1' });
  });

  it('leave the checks of known options in place: a bad value is an argument error and nothing is sent', async () => {
    const api = clientFor(fake.server, 'unknown5');
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.statusPost('x', { visibility: 'everyone', brand_new: 1 } as unknown as StatusPostOptions)),
      MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.timelineHome({ only_media: true, since: () => 1 } as TimelineOptions)),
      MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('are not an excuse for a misspelt option: an object literal with one does not compile', () => {
    const api = clientFor(fake.server, 'unknown6');
    // @ts-expect-error `limt` is not an option of timelineHome.
    const misspelt = () => api.timelineHome({ limt: 5 });
    // @ts-expect-error nor is `visiblity` one of statusPost.
    const misspelt2 = () => api.statusPost('hi', { visiblity: 'unlisted' });
    assert.equal(typeof misspelt, 'function');
    assert.equal(typeof misspelt2, 'function');
  });
});

describe('the rows of mastodon-rx/api', () => {
  it('each say which argument is their options object, so that its unknown options are sent', () => {
    const wrong = apiRows().filter(({ row }) => {
      const names = parameterNames(row.params as (...args: never[]) => unknown);
      const index = names.lastIndexOf('options');
      return (index >= 0 ? index : undefined) !== row.options;
    }).map(({ name, row }) => `${name} (${row.method} ${row.path}): options at ${String(row.options)}`);
    assert.deepEqual(wrong, []);
  });
});
