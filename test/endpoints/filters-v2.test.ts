import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

const done = { defaultValue: undefined };

describe('filters v2', () => {
  const fake = useFakeServer();

  it('create (JSON), read, update with keywords added, changed and removed, delete', async () => {
    const api = clientFor(fake.server, 'fv2_crud');
    const created = await firstValueFrom(api.createFilterV2('Spoilers', ['home', 'public'], 'warn', {
      expires_in: 3600, keywords_attributes: [{ keyword: 'finale', whole_word: true }, { keyword: 'season 2' }],
    }));
    const sent = fake.server.requestsTo('POST /api/v2/filters').at(-1)!;
    assert.match(sent.contentType ?? '', /application\/json/);
    assert.deepEqual(sent.body, {
      title: 'Spoilers', context: ['home', 'public'], filter_action: 'warn', expires_in: 3600,
      keywords_attributes: [{ keyword: 'finale', whole_word: true }, { keyword: 'season 2' }],
    });
    assert.equal(created.title, 'Spoilers');
    assert.ok(created.expires_at instanceof Date);
    assert.deepEqual(created.keywords!.map((k) => [k.keyword, k.whole_word]), [['finale', true], ['season 2', true]]);

    assert.deepEqual((await firstValueFrom(api.filtersV2())).map((f) => f.id), [created.id]);
    assert.equal((await firstValueFrom(api.filterV2(created))).title, 'Spoilers');

    const [finale, season] = created.keywords!;
    const updated = await firstValueFrom(api.updateFilterV2(created, {
      title: 'TV', filter_action: 'blur', context: 'thread',
      keywords_attributes: [{ id: finale!.id, whole_word: false }, { id: season!, _destroy: true }, { keyword: 'cliffhanger' }],
    }));
    const put = fake.server.requestsTo('PUT /api/v2/filters/{filter_id}').at(-1)!;
    assert.equal(put.path, `/api/v2/filters/${created.id}`);
    assert.deepEqual(put.body, {
      title: 'TV', context: ['thread'], filter_action: 'blur',
      keywords_attributes: [{ id: finale!.id, whole_word: false }, { id: season!.id, _destroy: true }, { keyword: 'cliffhanger' }],
    });
    assert.deepEqual([updated.title, updated.filter_action, updated.context], ['TV', 'blur', ['thread']]);
    assert.deepEqual(updated.keywords!.map((k) => [k.keyword, k.whole_word]), [['finale', false], ['cliffhanger', true]]);
    assert.ok(updated.expires_at instanceof Date, 'an expiry left out stays');

    const forever = await firstValueFrom(api.updateFilterV2(created, { expires_in: null }));
    assert.deepEqual(fake.server.requestsTo('PUT /api/v2/filters/{filter_id}').at(-1)!.body, { expires_in: '' });
    assert.equal(forever.expires_at, null);

    await lastValueFrom(api.deleteFilterV2(created.id), done);
    assert.equal(fake.server.requestsTo('DELETE /api/v2/filters/{filter_id}').at(-1)!.path, `/api/v2/filters/${created.id}`);
    await assert.rejects(firstValueFrom(api.filterV2(created)), MastodonNotFoundError);
    assert.deepEqual(await firstValueFrom(api.filtersV2()), []);
  });

  it('keywords one by one: list, add (a form, whole_word 0 by default), read, change, remove', async () => {
    const api = clientFor(fake.server, 'fv2_kw');
    const filter = await firstValueFrom(api.createFilterV2('Words', 'home', 'hide'));
    const added = await firstValueFrom(api.addFilterKeywordV2(filter, 'anime'));
    assert.deepEqual(fake.server.requestsTo('POST /api/v2/filters/{filter_id}/keywords').at(-1)!.body, { keyword: 'anime', whole_word: '0' });
    assert.equal(added.whole_word, false);
    await firstValueFrom(api.addFilterKeywordV2(filter.id, 'manga', { whole_word: true }));
    assert.deepEqual((await firstValueFrom(api.filterKeywordsV2(filter))).map((k) => k.keyword), ['anime', 'manga']);

    assert.equal((await firstValueFrom(api.filterKeywordV2(added))).keyword, 'anime');
    assert.equal(fake.server.requestsTo('GET /api/v2/filters/keywords/{keyword_id}').at(-1)!.path, `/api/v2/filters/keywords/${added.id}`);
    const changed = await firstValueFrom(api.updateFilterKeywordV2(added, 'japanimation', { whole_word: true }));
    assert.deepEqual(fake.server.requestsTo('PUT /api/v2/filters/keywords/{keyword_id}').at(-1)!.body, { keyword: 'japanimation', whole_word: '1' });
    assert.deepEqual([changed.keyword, changed.whole_word], ['japanimation', true]);
    assert.deepEqual((await firstValueFrom(api.filterV2(filter))).keywords!.map((k) => k.keyword), ['japanimation', 'manga']);

    await lastValueFrom(api.deleteFilterKeywordV2(added), done);
    assert.deepEqual((await firstValueFrom(api.filterKeywordsV2(filter))).map((k) => k.keyword), ['manga']);
    await assert.rejects(firstValueFrom(api.filterKeywordV2(added)), MastodonNotFoundError);
  });

  it('statuses: add one to a filter, list, read, remove', async () => {
    const api = clientFor(fake.server, 'fv2_st');
    const other = fake.server.createUser('fv2_st_other').account;
    const status = fake.server.store.addStatus(other, 'a post');
    const filter = await firstValueFrom(api.createFilterV2('This one', ['public'], 'warn'));
    const entry = await firstValueFrom(api.addFilterStatusV2(filter, { id: status.id }));
    assert.deepEqual(fake.server.requestsTo('POST /api/v2/filters/{filter_id}/statuses').at(-1)!.body, { status_id: status.id });
    assert.equal(entry.status_id, status.id);
    assert.deepEqual(await firstValueFrom(api.filterStatusesV2(filter)), [entry]);
    assert.deepEqual(await firstValueFrom(api.filterStatusV2(entry)), entry);
    assert.deepEqual((await firstValueFrom(api.filterV2(filter))).statuses, [entry]);
    await assert.rejects(firstValueFrom(api.addFilterStatusV2(filter, '1')), (e: unknown) => e instanceof MastodonAPIError && e.status === 422);

    await lastValueFrom(api.deleteFilterStatusV2(entry.id), done);
    assert.equal(fake.server.requestsTo('DELETE /api/v2/filters/statuses/{filter_status_id}').at(-1)!.path, `/api/v2/filters/statuses/${entry.id}`);
    assert.deepEqual(await firstValueFrom(api.filterStatusesV2(filter)), []);
    await assert.rejects(firstValueFrom(api.filterStatusV2(entry)), MastodonNotFoundError);
  });

  it('another user\'s filters, keywords and entries are not found', async () => {
    const owner = clientFor(fake.server, 'fv2_owner');
    const stranger = clientFor(fake.server, 'fv2_stranger');
    const filter = await firstValueFrom(owner.createFilterV2('Mine', 'home', 'warn', { keywords_attributes: [{ keyword: 'x' }] }));
    for (const call of [
      (): Observable<unknown> => stranger.filterV2(filter), () => stranger.filterKeywordsV2(filter), () => stranger.filterKeywordV2(filter.keywords![0]!),
      () => stranger.updateFilterV2(filter, { title: 'Theirs' }), () => stranger.deleteFilterV2(filter),
    ]) {
      await assert.rejects(firstValueFrom(call()), MastodonNotFoundError);
    }
  });

  it('v1 and v2 are one set of filters: a v1 filter is one keyword of a v2 filter', async () => {
    const api = clientFor(fake.server, 'fv2_v1');
    const v1 = await firstValueFrom(api.filterCreate('anime', ['home'], { irreversible: true, whole_word: false }));
    const [v2] = await firstValueFrom(api.filtersV2());
    assert.deepEqual([v2!.title, v2!.filter_action, v2!.context], ['anime', 'hide', ['home']]);
    assert.deepEqual(v2!.keywords!.map((k) => [k.id, k.keyword, k.whole_word]), [[v1.id, 'anime', false]]);

    await firstValueFrom(api.addFilterKeywordV2(v2!, 'manga'));
    const listed = await firstValueFrom(api.filters());
    assert.deepEqual(listed.map((f) => [f.phrase, f.irreversible]), [['anime', true], ['manga', true]]);
    await assert.rejects(firstValueFrom(api.filterUpdate(v1, { context: ['public'] })),
      (e: unknown) => e instanceof MastodonAPIError && e.status === 422, 'a v1 change of a filter with two keywords is refused');
    await lastValueFrom(api.filterDelete(v1), done);
    assert.deepEqual((await firstValueFrom(api.filterV2(v2!))).keywords!.map((k) => k.keyword), ['manga']);
  });

  it('checks arguments before sending', async () => {
    const api = clientFor(fake.server, 'fv2_args');
    const before = fake.server.requests.length;
    const bad: (() => Observable<unknown>)[] = [
      () => api.createFilterV2('t', ['home', 'everywhere' as 'home'], 'warn'),
      () => api.createFilterV2('t', [], 'warn'),
      () => api.createFilterV2('t', 'home', 'drop' as 'hide'),
      () => api.createFilterV2(undefined as unknown as string, 'home', 'warn'),
      () => api.createFilterV2('t', 'home', 'warn', { keywords_attributes: [{ id: '3', keyword: 'x' }] }),
      () => api.createFilterV2('t', 'home', 'warn', { keywords_attributes: [{ keyword: '  ' }] }),
      () => api.createFilterV2('t', 'home', 'warn', { keywords_attributes: 'x' as unknown as [] }),
      () => api.createFilterV2('t', 'home', 'warn', { expires_in: -5 }),
      () => api.updateFilterV2('1', { keywords_attributes: [{ _destroy: true }] }),
      () => api.updateFilterV2('1', { keywords_attributes: [{ keyword: 'x', whole_word: 'yes' as unknown as boolean }] }),
      () => api.updateFilterV2('..', { title: 'x' }),
      () => api.addFilterKeywordV2('1', 42 as unknown as string),
      () => api.addFilterKeywordV2('1', 'x', { whole_word: 1 as unknown as boolean }),
      () => api.updateFilterKeywordV2('1', undefined as unknown as string),
      () => api.addFilterStatusV2('1', '../x'),
      () => api.filterStatusV2(''),
      () => api.deleteFilterKeywordV2({} as { id: string }),
    ];
    for (const call of bad) await assert.rejects(firstValueFrom(call()), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('the server refuses what the checks would have stopped with the documentation\'s 422 answers', async () => {
    const api = clientFor(fake.server, 'fv2_invalid');
    const refused = async (call: Observable<unknown>): Promise<string | undefined> => {
      const error = await firstValueFrom(call).then(() => undefined, (e: unknown) => e);
      assert.ok(error instanceof MastodonAPIError && error.status === 422, String(error));
      return error.error;
    };
    assert.equal(await refused(api.apiRequest({ method: 'POST', path: '/api/v2/filters', params: {}, encoding: 'json' })),
      "Validation failed: Title can't be blank, Context can't be blank, Context None or invalid context supplied");
    assert.equal(await refused(api.apiRequest({ method: 'POST', path: '/api/v1/filters', params: { phrase: 'x' } })),
      "Validation failed: Context can't be blank, Context None or invalid context supplied");
    const filter = await firstValueFrom(api.createFilterV2('Valid', 'home', 'warn'));
    assert.equal(await refused(api.apiRequest({ method: 'POST', path: `/api/v2/filters/${filter.id}/keywords`, params: { keyword: '' } })),
      "Validation failed: Keyword can't be blank");
    assert.deepEqual(await firstValueFrom(api.filterKeywordsV2(filter)), []);
  });

  it('a token without the filters scopes gets 403', async () => {
    const user = fake.server.createUser('fv2_scope');
    const token = fake.server.store.issueToken(null, user.account.id, ['read:statuses', 'read:filters']);
    const api = new Mastodon({ api_base_url: fake.server.url, access_token: token.token, version_check_mode: 'none' });
    assert.deepEqual(await firstValueFrom(api.filtersV2()), []);
    await assert.rejects(firstValueFrom(api.createFilterV2('t', 'home', 'warn')), (e: unknown) => e instanceof MastodonAPIError && e.status === 403);
  });
});
