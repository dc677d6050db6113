import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, MastodonVersionError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('featured accounts (endorsements)', () => {
  const fake = useFakeServer({ version: '4.4.0' });

  it('accountEndorse features a followed account, seen in endorsements and accountEndorsements until accountUnendorse', async () => {
    const api = clientFor(fake.server, 'end1');
    const me = await firstValueFrom(api.me());
    const friend = fake.server.createUser('end1_friend').account;
    const refused = await firstValueFrom(api.accountEndorse(friend)).catch((e: unknown) => e);
    assert.ok(refused instanceof MastodonAPIError);
    assert.deepEqual([refused.status, refused.error], [422, 'Validation failed: You must be already following the person you want to endorse']);

    await firstValueFrom(api.accountFollow(friend));
    const relationship = await firstValueFrom(api.accountEndorse(friend));
    assert.deepEqual([relationship.id, relationship.endorsed], [friend.id, true]);
    assert.equal((await firstValueFrom(api.accountEndorse(friend.id))).endorsed, true, 'endorsing again is no error');
    assert.equal(fake.server.requestsTo('POST /api/v1/accounts/{id}/endorse').at(-1)!.path, `/api/v1/accounts/${friend.id}/endorse`);
    assert.deepEqual((await firstValueFrom(api.endorsements())).map((a) => a.id), [friend.id]);
    const shown = await firstValueFrom(new Mastodon({ api_base_url: fake.server.url, version_check_mode: 'none' }).accountEndorsements(me));
    assert.deepEqual(shown.map((a) => a.username), ['end1_friend'], 'anybody may read them');

    assert.equal((await firstValueFrom(api.accountUnendorse(friend))).endorsed, false);
    assert.deepEqual(await firstValueFrom(api.endorsements()), []);
    assert.deepEqual(await firstValueFrom(api.accountEndorsements(me)), []);
  });

  it('both lists are pages, the latest endorsed first, followed through their Link header', async () => {
    const api = clientFor(fake.server, 'end2');
    const me = await firstValueFrom(api.me());
    const friends = ['a', 'b', 'c'].map((name) => fake.server.createUser(`end2_${name}`).account);
    for (const friend of friends) await firstValueFrom(api.accountFollow(friend));
    await firstValueFrom(api.accountEndorse(friends[0]!));
    await firstValueFrom(api.accountPin(friends[1]!));
    await firstValueFrom(api.accountEndorse(friends[2]!));

    const first = await firstValueFrom(api.accountEndorsements(me, { limit: 2 }));
    assert.deepEqual(first.map((a) => a.username), ['end2_c', 'end2_b']);
    assert.ok(first._pagination_next, 'a link to the next page');
    assert.equal(fake.server.requestsTo('GET /api/v1/accounts/{id}/endorsements').at(-1)!.query['limit'], '2');
    assert.deepEqual((await firstValueFrom(api.fetchNext(first)))?.map((a) => a.username), ['end2_a']);

    const own = await firstValueFrom(api.endorsements());
    assert.deepEqual(own.map((a) => a.username), ['end2_c', 'end2_b', 'end2_a']);
    assert.ok(own._pagination_prev, 'the Link header is kept');
  });

  it('answers 404 for an unknown account, 403 without write:accounts, and checks ids and versions before sending', async () => {
    const api = clientFor(fake.server, 'end3');
    await assert.rejects(firstValueFrom(api.accountEndorsements('1')), MastodonNotFoundError);
    await assert.rejects(firstValueFrom(api.accountEndorse('1')), MastodonNotFoundError);
    const { account } = fake.server.createUser('end3_read');
    const readOnly = new Mastodon({ api_base_url: fake.server.url, access_token: fake.server.store.issueToken(null, account.id, ['read']).token });
    const forbidden = await firstValueFrom(readOnly.accountUnendorse(account)).catch((e: unknown) => e);
    assert.ok(forbidden instanceof MastodonAPIError && forbidden.status === 403);

    const before = fake.server.requests.length;
    for (const id of ['..', '', 'a/b', null]) {
      await assert.rejects(firstValueFrom(api.accountEndorse(id as string)), MastodonIllegalArgumentError);
      await assert.rejects(firstValueFrom(api.accountUnendorse(id as string)), MastodonIllegalArgumentError);
      await assert.rejects(firstValueFrom(api.accountEndorsements(id as string)), MastodonIllegalArgumentError);
    }
    await assert.rejects(firstValueFrom(api.accountEndorsements('1', { since_id: '.' })), MastodonIllegalArgumentError);
    const old = new Mastodon({ api_base_url: fake.server.url, access_token: 't', mastodon_version: '4.3.5' });
    for (const call of [old.accountEndorse('1'), old.accountUnendorse('1'), old.accountEndorsements('1')] as const) {
      await assert.rejects(firstValueFrom<unknown>(call), MastodonVersionError);
    }
    assert.equal(fake.server.requests.length, before);
  });
});
