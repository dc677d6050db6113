import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { MastodonIllegalArgumentError, type AccountUpdateCredentialsOptions } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { PNG } from '../media/fixtures.js';

// accountUpdateCredentials with what Mastodon added since 4.0 and Mastodon.py 2.2 wraps:
// hide_collections, indexable, attribution_domains, the posting defaults (source[...]), and
// the 4.6 image descriptions.

const ROUTE = 'PATCH /api/v1/accounts/update_credentials';

describe('accountUpdateCredentials: the profile settings of Mastodon 4.x', () => {
  const fake = useFakeServer();

  it('sends them as a form, the posting defaults as source[...], as Mastodon.py 2.2 does', async () => {
    const api = clientFor(fake.server, 'settings1');
    const account = await firstValueFrom(api.accountUpdateCredentials({
      hide_collections: true, indexable: false, attribution_domains: ['blog.example', 'news.example'],
      default_privacy: 'unlisted', default_sensitive: true, default_language: 'de', default_quote_policy: 'followers',
      avatar_description: 'A cat', header_description: 'A field',
    }));
    const sent = fake.server.requestsTo(ROUTE).at(-1)!;
    assert.equal(sent.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(sent.body, {
      hide_collections: '1', indexable: '0', attribution_domains: ['blog.example', 'news.example'],
      source: { privacy: 'unlisted', sensitive: '1', language: 'de', quote_policy: 'followers' },
      avatar_description: 'A cat', header_description: 'A field',
    });
    assert.equal(account.hide_collections, true);
    assert.equal(account.indexable, false);
    assert.equal(account.avatar_description, 'A cat');
    assert.deepEqual(account.source?.attribution_domains, ['blog.example', 'news.example']);
    assert.equal(account.source?.quote_policy, 'followers');
  });

  it('the server keeps them: verify_credentials shows them, new posts take the defaults, others see no follower lists', async () => {
    const api = clientFor(fake.server, 'settings2');
    const other = clientFor(fake.server, 'settings2b');
    const me = await firstValueFrom(api.me());
    await firstValueFrom(other.accountFollow(me.id));
    await firstValueFrom(api.accountUpdateCredentials({ default_privacy: 'private', default_language: 'fr', default_sensitive: true, hide_collections: true }));
    const source = (await firstValueFrom(api.accountVerifyCredentials())).source!;
    assert.deepEqual([source.privacy, source.language, source.sensitive, source.hide_collections], ['private', 'fr', true, true]);
    const posted = await firstValueFrom(api.statusPost('defaults apply'));
    assert.deepEqual([posted.visibility, posted.language, posted.sensitive], ['private', 'fr', true]);
    const chosen = await firstValueFrom(api.statusPost('unless given', { visibility: 'public', language: 'en' }));
    assert.deepEqual([chosen.visibility, chosen.language], ['public', 'en']);
    assert.equal((await firstValueFrom(other.accountFollowers(me.id))).length, 0);
    assert.equal((await firstValueFrom(api.accountFollowers(me.id))).length, 1);
  });

  it('sends them and unknown options in the multipart body when an image goes along', async () => {
    const api = clientFor(fake.server, 'settings3');
    const options = { avatar: PNG, avatar_description: 'Me', default_privacy: 'unlisted', show_media: true } as AccountUpdateCredentialsOptions;
    const account = await firstValueFrom(api.accountUpdateCredentials(options));
    const sent = fake.server.requestsTo(ROUTE).at(-1)!;
    assert.match(sent.contentType ?? '', /^multipart\/form-data/);
    assert.deepEqual(sent.body, { avatar_description: 'Me', source: { privacy: 'unlisted' }, show_media: '1', avatar: 'upload:0' });
    assert.equal(account.avatar_description, 'Me');
    assert.equal(account.source?.privacy, 'unlisted');
  });

  it('checks them before sending', async () => {
    const api = clientFor(fake.server, 'settings4');
    const before = fake.server.requestsTo(ROUTE).length;
    for (const bad of [
      { default_privacy: 'direct' }, { default_quote_policy: 'everyone' }, { attribution_domains: 'blog.example' },
      { attribution_domains: [1] }, { indexable: 'yes' }, { hide_collections: 1 }, { default_sensitive: 'true' },
    ]) {
      await assert.rejects(firstValueFrom(api.accountUpdateCredentials(bad as AccountUpdateCredentialsOptions)), MastodonIllegalArgumentError,
        JSON.stringify(bad));
    }
    assert.equal(fake.server.requestsTo(ROUTE).length, before);
  });

  it('gets Mastodon\'s refusal of more than ten attribution domains', async () => {
    const api = clientFor(fake.server, 'settings5');
    const domains = Array.from({ length: 11 }, (_, i) => `d${i}.example`);
    await assert.rejects(firstValueFrom(api.accountUpdateCredentials({ attribution_domains: domains })), { status: 422 });
  });
});
