import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { replay } from '../support/cassettes.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('featured tags', () => {
  const fake = useFakeServer();

  it('create, list, show on the account, delete', async () => {
    const api = clientFor(fake.server, 'feat1');
    await firstValueFrom(api.statusPost('cool free #ringtones'));
    const created = await firstValueFrom(api.featuredTagCreate('#Ringtones'));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/featured_tags').at(-1)!.body, { name: '#Ringtones' });
    assert.equal(created.name, 'ringtones');
    assert.equal(typeof created.id, 'string');
    assert.equal(created.statuses_count, '1');
    assert.ok(created.last_status_at instanceof Date);

    const mine = await firstValueFrom(api.featuredTags());
    assert.deepEqual(mine.map((t) => t.id), [created.id]);
    const me = await firstValueFrom(api.me());
    const shown = await firstValueFrom(api.accountFeaturedTags(me));
    assert.deepEqual(shown.map((t) => t.name), ['ringtones']);
    assert.equal(fake.server.requestsTo('GET /api/v1/accounts/{id}/featured_tags').at(-1)!.path, `/api/v1/accounts/${me.id}/featured_tags`);

    await assert.rejects(firstValueFrom(api.featuredTagCreate('ringtones')), MastodonAPIError, 'a tag featured twice');
    await lastValueFrom(api.featuredTagDelete(created), { defaultValue: undefined });
    assert.equal(fake.server.requestsTo('DELETE /api/v1/featured_tags/{id}').at(-1)!.path, `/api/v1/featured_tags/${created.id}`);
    assert.deepEqual(await firstValueFrom(api.featuredTags()), []);
    await assert.rejects(lastValueFrom(api.featuredTagDelete(created)), MastodonNotFoundError);
  });

  it('suggestions are the most used tags, with history', async () => {
    const api = clientFor(fake.server, 'feat2');
    await firstValueFrom(api.statusPost('#alpha #beta'));
    await firstValueFrom(api.statusPost('#beta again'));
    const tags = await firstValueFrom(api.featuredTagSuggestions());
    assert.deepEqual(tags.map((t) => t.name), ['beta', 'alpha']);
    assert.ok(tags[0]!.history![0]!.day instanceof Date);
  });

  it('checks the name before sending', async () => {
    const api = clientFor(fake.server, 'feat3');
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.featuredTagCreate(' ')), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.featuredTagCreate(undefined as unknown as string)), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.featuredTagDelete('')), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('replays featured tags and suggestions from Mastodon 4.0.2', async () => {
    const tags = await replay('test_featured_tags.yaml', async (api) => {
      const first = await firstValueFrom(api.featuredTagCreate('ringtones'));
      const second = await firstValueFrom(api.featuredTagCreate('#coolfree'));
      await lastValueFrom(api.featuredTagDelete(first), { defaultValue: undefined });
      const shown = await firstValueFrom(api.accountFeaturedTags(await firstValueFrom(api.accountVerifyCredentials())));
      await lastValueFrom(api.featuredTagDelete(second), { defaultValue: undefined });
      return shown;
    });
    assert.deepEqual(tags.map((t) => [t.id, t.name, t.last_status_at]), [['2', 'coolfree', null]]);
    const suggested = await replay('test_suggested_tags.yaml', async (api) => {
      const status = await firstValueFrom(api.statusPost('cool free #ringtones'));
      const found = await firstValueFrom(api.featuredTagSuggestions());
      await firstValueFrom(api.statusDelete(status));
      return found;
    });
    assert.equal(suggested[0]!.name, 'ringtones');
    assert.deepEqual(suggested[0]!.history![0]!.day, new Date(1669852800 * 1000));
  });
});
