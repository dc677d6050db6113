import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, type Observable } from 'rxjs';
import { MastodonIllegalArgumentError, type AccountFollowOptions, type AccountSearchOptions } from '../../src/index.js';
import { fakeAdmin } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

// The account parameters Mastodon added since 4.0: follow languages, relationships of
// suspended accounts, and account search's resolve and offset.

describe('account parameters of Mastodon 4.x', () => {
  const fake = useFakeServer();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;

  it('accountFollow sends languages[], and only posts in those languages come home', async () => {
    const reader = clientFor(fake.server, 'lang_reader');
    const writer = clientFor(fake.server, 'lang_writer');
    const writerId = (await firstValueFrom(writer.me())).id;
    const rel = await firstValueFrom(reader.accountFollow(writerId, { languages: ['de', 'fr'] }));
    assert.deepEqual(last('POST /api/v1/accounts/{id}/follow').body, { reblogs: '1', notify: '0', languages: ['de', 'fr'] });
    assert.deepEqual(rel.languages, ['de', 'fr']);
    await firstValueFrom(writer.statusPost('Hello', { language: 'en' }));
    await firstValueFrom(writer.statusPost('Hallo', { language: 'de' }));
    assert.deepEqual((await firstValueFrom(reader.timelineHome())).map((s) => s.language), ['de']);

    const all = await firstValueFrom(reader.accountFollow(writerId));
    assert.equal(all.languages, null);
    assert.deepEqual((await firstValueFrom(reader.timelineHome())).map((s) => s.language), ['de', 'en']);
  });

  it('accountRelationships leaves suspended accounts out unless with_suspended', async () => {
    const api = clientFor(fake.server, 'susp_me');
    const gone = await firstValueFrom(clientFor(fake.server, 'susp_gone').me());
    const here = await firstValueFrom(clientFor(fake.server, 'susp_here').me());
    fakeAdmin(fake.server.store).of(gone.id).suspended = true;
    assert.deepEqual((await firstValueFrom(api.accountRelationships([gone, here]))).map((r) => r.id), [here.id]);
    assert.deepEqual(last('GET /api/v1/accounts/relationships').query, { id: [gone.id, here.id] });
    const both = await firstValueFrom(api.accountRelationships([gone, here], { with_suspended: true }));
    assert.deepEqual(both.map((r) => r.id), [gone.id, here.id]);
    assert.deepEqual(last('GET /api/v1/accounts/relationships').query, { id: [gone.id, here.id], with_suspended: '1' });
  });

  it('accountSearch sends resolve when given and offset, and the server skips that many', async () => {
    const api = clientFor(fake.server, 'offs_me');
    for (const name of ['offs_a', 'offs_b', 'offs_c']) clientFor(fake.server, name);
    const all = await firstValueFrom(api.accountSearch('offs_', { limit: 10 }));
    const rest = await firstValueFrom(api.accountSearch('offs_', { offset: 1, limit: 10, resolve: true }));
    assert.deepEqual(last('GET /api/v1/accounts/search').query, { q: 'offs_', limit: '10', following: '0', resolve: '1', offset: '1' });
    assert.deepEqual(rest.map((a) => a.id), all.slice(1).map((a) => a.id));
    await firstValueFrom(api.accountSearch('offs_', { resolve: false }));
    assert.deepEqual(last('GET /api/v1/accounts/search').query, { q: 'offs_', following: '0', resolve: '0' });
  });

  it('checks them before sending', async () => {
    const api = clientFor(fake.server, 'chk_me');
    const before = fake.server.requests.length;
    const bad = [
      () => api.accountFollow('1', { languages: 'de' } as unknown as AccountFollowOptions),
      () => api.accountFollow('1', { languages: [1] } as unknown as AccountFollowOptions),
      () => api.accountRelationships('1', { with_suspended: 'yes' as unknown as boolean }),
      () => api.accountSearch('x', { offset: -1 }),
      () => api.accountSearch('x', { offset: 1.5 }),
      () => api.accountSearch('x', { resolve: 'true' } as unknown as AccountSearchOptions),
      () => api.accountSearch('x', { following: 1 } as unknown as AccountSearchOptions),
    ];
    for (const call of bad) await assert.rejects(firstValueFrom(call() as Observable<unknown>), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});
