import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { Mastodon } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

/** The relations of a `Link` header and the cursor each carries, such as `{ prev: 'since_id' }`. */
async function links(url: string, token: string): Promise<Record<string, string>> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  const found: Record<string, string> = {};
  for (const [, target, rel] of (response.headers.get('link') ?? '').matchAll(/<([^>]+)>; rel="(\w+)"/g)) {
    found[rel!] = [...new URL(target!).searchParams.keys()].find((k) => k.endsWith('_id')) ?? '';
  }
  return found;
}

describe('pages of the fake server, linked as Mastodon links them', () => {
  const fake = useFakeServer();

  it('link to a next page from a full page only, except on timelines and notifications', async () => {
    const { token, account } = fake.server.createUser('pager');
    const api = clientFor(fake.server, 'pager_fan');
    for (let i = 0; i < 3; i++) await firstValueFrom(api.statusFavourite(fake.server.store.addStatus(account, `post ${i}`)));
    const base = `${fake.server.url}/api/v1`;
    assert.deepEqual(await links(`${base}/accounts/${account.id}/statuses`, token), { prev: 'min_id' });
    assert.deepEqual(await links(`${base}/accounts/${account.id}/statuses?limit=3`, token), { next: 'max_id', prev: 'min_id' });
    assert.deepEqual(await links(`${base}/accounts/${account.id}/statuses?pinned=true`, token), {});
    assert.deepEqual(await links(`${base}/timelines/home`, token), { next: 'max_id', prev: 'min_id' });
    assert.deepEqual(await links(`${base}/notifications`, token), { next: 'max_id', prev: 'min_id' });
    assert.deepEqual(await links(`${base}/notifications?types[]=reblog`, token), {});
  });

  it('page the accounts who boosted, favourited and are endorsed, and scheduled statuses, with since_id or min_id as Mastodon does', async () => {
    const { token: authorToken } = fake.server.createUser('paged_author');
    const author = new Mastodon({ api_base_url: fake.server.url, access_token: authorToken, version_check_mode: 'none' });
    const { token } = fake.server.createUser('paged_reader');
    const fans = ['paged_a', 'paged_b', 'paged_c'].map((name) => clientFor(fake.server, name));
    const status = await firstValueFrom(author.statusPost('popular'));
    for (const fan of fans) {
      await firstValueFrom(fan.statusFavourite(status));
      await firstValueFrom(fan.statusReblog(status));
    }
    const base = `${fake.server.url}/api/v1`;
    assert.deepEqual(await links(`${base}/statuses/${status.id}/favourited_by?limit=2`, token), { next: 'max_id', prev: 'since_id' });
    assert.deepEqual(await links(`${base}/statuses/${status.id}/reblogged_by`, token), { prev: 'since_id' });
    const accts = async (url: string): Promise<string[]> =>
      ((await (await fetch(url, { headers: { authorization: `Bearer ${token}` } })).json()) as { acct: string }[]).map((a) => a.acct);
    assert.deepEqual(await accts(`${base}/statuses/${status.id}/reblogged_by?limit=2`), ['paged_c', 'paged_b']);

    for (const fan of fans) await firstValueFrom(author.accountFollow(await firstValueFrom(fan.me())));
    for (const fan of fans) await firstValueFrom(author.accountPin(await firstValueFrom(fan.me())));
    assert.deepEqual(await links(`${base}/endorsements?limit=2`, authorToken), { next: 'max_id', prev: 'since_id' });
    const endorsed = await (await fetch(`${base}/endorsements?limit=2`, { headers: { authorization: `Bearer ${authorToken}` } })).json() as { acct: string }[];
    assert.deepEqual(endorsed.map((a) => a.acct), ['paged_c', 'paged_b']);

    await firstValueFrom(author.statusPost('later', { scheduled_at: new Date(Date.now() + 3600_000) }));
    assert.deepEqual(await links(`${base}/scheduled_statuses`, authorToken), { prev: 'min_id' });
  });

  it('takes an account off its follower\'s lists when the follow ends', async () => {
    const api = clientFor(fake.server, 'curator');
    const friend = clientFor(fake.server, 'curated');
    const friendAccount = await firstValueFrom(friend.me());
    await firstValueFrom(api.accountFollow(friendAccount));
    const list = await firstValueFrom(api.listCreate('friends'));
    await firstValueFrom(api.listAccountsAdd(list, [friendAccount]));
    await firstValueFrom(api.accountUnfollow(friendAccount));
    assert.deepEqual(await firstValueFrom(api.listAccounts(list)), []);
    await firstValueFrom(api.accountFollow(friendAccount));
    await firstValueFrom(api.listAccountsAdd(list, [friendAccount]));
    assert.deepEqual((await firstValueFrom(api.listAccounts(list))).map((a) => a.id), [friendAccount.id]);
  });
});
