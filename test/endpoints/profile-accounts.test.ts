import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import {
  Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, MastodonVersionError,
} from '../../src/index.js';
import { FakeMastodon } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { PNG } from '../media/fixtures.js';

describe('several accounts at once', () => {
  const fake = useFakeServer({ version: '4.3.0' });

  it('accounts: the accounts found among the ids, sent as id[]; 422 beyond 40', async () => {
    const api = clientFor(fake.server, 'batch1');
    const [a, b] = ['batch_a', 'batch_b'].map((name) => fake.server.createUser(name).account);
    const found = await firstValueFrom(api.accounts([a!, b!.id, '1']));
    assert.deepEqual(found.map((x) => x.username).sort(), ['batch_a', 'batch_b']);
    assert.ok(found[0]!.created_at instanceof Date);
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/accounts').at(-1)!.query, { id: [a!.id, b!.id, '1'] });
    assert.deepEqual((await firstValueFrom(api.accounts(a!))).map((x) => x.id), [a!.id], 'one id is a list of one');
    const anonymous = new Mastodon({ api_base_url: fake.server.url, version_check_mode: 'none' });
    assert.equal((await firstValueFrom(anonymous.accounts([a!]))).length, 1, 'no token needed');
    const many = Array.from({ length: 41 }, (_unused, i) => String(1000 + i));
    const error = await firstValueFrom(api.accounts(many)).catch((e: unknown) => e);
    assert.ok(error instanceof MastodonAPIError && error.status === 422);
  });

  it('checks the ids and the version before sending', async () => {
    const api = clientFor(fake.server, 'batch2');
    const before = fake.server.requests.length;
    for (const ids of [['..'], ['1', ''], 'a/b', null, [{ id: '?' }]]) {
      await assert.rejects(firstValueFrom(api.accounts(ids as string[])), MastodonIllegalArgumentError, JSON.stringify(ids));
    }
    await assert.rejects(firstValueFrom(new Mastodon({ api_base_url: fake.server.url, mastodon_version: '4.2.9' }).accounts(['1'])), MastodonVersionError);
    assert.equal(fake.server.requests.length, before);
  });
});

describe('the profile (4.6) and its images (4.2)', () => {
  const fake = useFakeServer({ version: '4.6.0' });

  it('profile: the sources of the profile, with its settings and featured hashtags', async () => {
    const api = clientFor(fake.server, 'prof1');
    await firstValueFrom(api.accountUpdateCredentials({ note: 'Cats & <dogs>', fields: [['pronouns', 'they/them']] }));
    await firstValueFrom(api.tagFeature('cats'));
    const profile = await firstValueFrom(api.profile());
    assert.equal(profile.note, 'Cats & <dogs>', 'the bio as written, not as HTML');
    assert.deepEqual(profile.fields.map((f) => [f.name, f.value]), [['pronouns', 'they/them']]);
    assert.deepEqual([profile.avatar, profile.header], [null, null], 'no images of its own yet');
    assert.deepEqual([profile.show_media, profile.show_featured, profile.indexable, profile.hide_collections], [true, true, false, null]);
    assert.deepEqual(profile.featured_tags.map((t) => t.name), ['cats']);
    assert.equal(profile.featured_tags[0]!.last_status_at, null);
  });

  it('updateProfile: the fields of update_credentials and the 4.6 settings, as a form or with images as multipart', async () => {
    const api = clientFor(fake.server, 'prof2');
    const updated = await firstValueFrom(api.updateProfile({
      display_name: 'Prof', note: 'bio', show_media: false, hide_collections: true, indexable: true,
      attribution_domains: ['Blog.example', 'news.example'], avatar_description: 'a cat', fields: [['home', 'https://blog.example']],
    }));
    const sent = fake.server.requestsTo('PATCH /api/v1/profile').at(-1)!;
    assert.equal(sent.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(sent.body, {
      display_name: 'Prof', note: 'bio', avatar_description: 'a cat', hide_collections: '1', indexable: '1', show_media: '0',
      attribution_domains: ['Blog.example', 'news.example'], fields_attributes: { 0: { name: 'home', value: 'https://blog.example' } },
    });
    assert.deepEqual([updated.display_name, updated.note, updated.show_media, updated.hide_collections, updated.indexable],
      ['Prof', 'bio', false, true, true]);
    assert.deepEqual(updated.attribution_domains, ['blog.example', 'news.example']);
    assert.equal(updated.avatar_description, 'a cat');
    assert.equal((await firstValueFrom(api.me())).display_name, 'Prof', 'the account changed too');

    const withImage = await firstValueFrom(api.updateProfile({ avatar: PNG, header_description: 'waves' }));
    assert.match(fake.server.requestsTo('PATCH /api/v1/profile').at(-1)!.contentType ?? '', /^multipart\/form-data/);
    assert.match(withImage.avatar ?? '', /\/system\/accounts\/avatars\//);
    assert.equal(withImage.header_description, 'waves');
  });

  it('updateProfile refuses what the server refuses, and what cannot be sent before sending it', async () => {
    const api = clientFor(fake.server, 'prof3');
    const tooMany = await firstValueFrom(api.updateProfile({ attribution_domains: Array.from({ length: 11 }, (_u, i) => `d${i}.example`) })).catch((e: unknown) => e);
    assert.ok(tooMany instanceof MastodonAPIError && tooMany.status === 422);
    await assert.rejects(firstValueFrom(api.updateProfile({ display_name: 'x'.repeat(31), show_media: false })), MastodonAPIError);
    assert.equal((await firstValueFrom(api.profile())).show_media, true, 'a refused update changes nothing');
    const before = fake.server.requests.length;
    for (const options of [{ attribution_domains: 'blog.example' }, { attribution_domains: [42] }, { note: 5 }, { fields: [['a']] }]) {
      await assert.rejects(firstValueFrom(api.updateProfile(options as never)), MastodonIllegalArgumentError, JSON.stringify(options));
    }
    await assert.rejects(firstValueFrom(api.updateProfile('bio' as never)), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('accountDeleteAvatar and accountDeleteHeader put the default images back', async () => {
    const api = clientFor(fake.server, 'prof4');
    await firstValueFrom(api.updateProfile({ avatar: PNG, header: PNG, avatar_description: 'me' }));
    const withoutAvatar = await firstValueFrom(api.accountDeleteAvatar());
    assert.equal(withoutAvatar.avatar, `${fake.server.url}/avatars/original/missing.png`);
    assert.equal(withoutAvatar.avatar_static, withoutAvatar.avatar);
    assert.match(withoutAvatar.header, /\/system\/accounts\/headers\//, 'the header stays');
    assert.equal(typeof withoutAvatar.source?.privacy, 'string');
    const withoutHeader = await firstValueFrom(api.accountDeleteHeader());
    assert.equal(withoutHeader.header, `${fake.server.url}/headers/original/missing.png`);
    const profile = await firstValueFrom(api.profile());
    assert.deepEqual([profile.avatar, profile.header, profile.avatar_description], [null, null, '']);
    assert.deepEqual(fake.server.requests.slice(-3).map((r) => `${r.method} ${r.path}`),
      ['DELETE /api/v1/profile/avatar', 'DELETE /api/v1/profile/header', 'GET /api/v1/profile']);
  });

  it('need API level 8 for the profile, a token with write:accounts to change it, and 4.2 for the image deletions', async () => {
    // A fork that calls itself 4.6 without the profile API: the level decides, not the version string.
    const fork = await FakeMastodon.start({ version: '4.6.0+fork', apiVersion: 7 });
    const older = await FakeMastodon.start({ version: '4.5.0' });
    try {
      const api = new Mastodon({ api_base_url: fork.url, access_token: fork.createUser('prof5').token });
      for (const call of [api.profile(), api.updateProfile({ note: 'x' })] as const) {
        const error = await firstValueFrom<unknown>(call).catch((e: unknown) => e);
        assert.ok(error instanceof MastodonVersionError);
        assert.match(error.message, /Need API version 8, server has 7/);
      }
      assert.deepEqual(fork.requests.map((r) => r.path), ['/api/v2/instance/'], 'nothing but the version request');
      const refused = await firstValueFrom(new Mastodon({ api_base_url: older.url }).profile()).catch((e: unknown) => e);
      assert.match(String(refused), /Need version 4\.6\.0, server has 4\.5\.0/);
      const unchecked = new Mastodon({ api_base_url: older.url, access_token: older.createUser('prof6').token, version_check_mode: 'none' });
      await assert.rejects(firstValueFrom(unchecked.profile()), MastodonNotFoundError, 'a 4.5 server has no such route');
      await firstValueFrom(unchecked.accountDeleteAvatar());
    } finally {
      await Promise.all([fork.close(), older.close()]);
    }
    const { account } = fake.server.createUser('prof7');
    const readOnly = new Mastodon({ api_base_url: fake.server.url, access_token: fake.server.store.issueToken(null, account.id, ['read']).token });
    assert.equal((await firstValueFrom(readOnly.profile())).id, account.id, 'read:accounts reads it');
    for (const call of [readOnly.updateProfile({ note: 'x' }), readOnly.accountDeleteAvatar(), readOnly.accountDeleteHeader()] as const) {
      const error = await firstValueFrom<unknown>(call).catch((e: unknown) => e);
      assert.ok(error instanceof MastodonAPIError && error.status === 403);
    }
    await assert.rejects(firstValueFrom(new Mastodon({ api_base_url: fake.server.url, mastodon_version: '4.1.0' }).accountDeleteHeader()), MastodonVersionError);
  });
});

describe('follow suggestions, v1 and v2', () => {
  const fake = useFakeServer({ version: '4.3.0' });

  it('suggestionsV2 says why; suggestions() reads v2 from 3.4 and emits the accounts', async () => {
    const api = clientFor(fake.server, 'sugg1');
    const friend = fake.server.createUser('sugg1_friend').account;
    const friendOfFriend = fake.server.createUser('sugg1_fof').account;
    await firstValueFrom(api.accountFollow(friend));
    fake.server.store.follows.set(friend.id, new Set([friendOfFriend.id]));
    const v2 = await firstValueFrom(api.suggestionsV2());
    const reasons = new Map(v2.map((s) => [s.account.id, [s.source, s.sources]]));
    assert.deepEqual(reasons.get(friendOfFriend.id), ['past_interactions', ['friends_of_friends']]);
    assert.ok(!reasons.has(friend.id), 'followed accounts are not suggested');
    assert.deepEqual([...reasons.values()].filter(([source]) => source === 'global').every(([, sources]) => (sources as string[])[0] === 'most_followed'), true);

    const accounts = await firstValueFrom(api.suggestions());
    assert.deepEqual(accounts.map((a) => a.id), v2.map((s) => s.account.id));
    assert.equal(fake.server.requests.at(-1)!.path, '/api/v2/suggestions');
    assert.deepEqual((await firstValueFrom(api.suggestionsV1())).map((a) => a.id), accounts.map((a) => a.id));
  });

  it('suggestions() reads v1 on servers before 3.4; a malformed v2 answer is an error, not a crash', async () => {
    const old = await FakeMastodon.start({ version: '3.3.0' });
    try {
      const { token } = old.createUser('sugg2');
      old.createUser('sugg2_other');
      const api = new Mastodon({ api_base_url: old.url, access_token: token });
      assert.deepEqual((await firstValueFrom(api.suggestions())).map((a) => a.username), ['sugg2_other']);
      assert.deepEqual(old.requests.map((r) => r.path), ['/api/v2/instance/', '/api/v1/instance/', '/api/v1/suggestions']);
    } finally {
      await old.close();
    }
    const api = clientFor(fake.server, 'sugg3', { mastodon_version: '4.3.0' });
    const remove = fake.server.intercept((req) => (req.route === 'GET /api/v2/suggestions' ? { json: [{ source: 'global' }] } : undefined));
    try {
      await assert.rejects(firstValueFrom(api.suggestions()), /not a list of suggested accounts/);
    } finally {
      remove();
    }
  });
});
