import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

const isStatus = (code: number, text?: RegExp) => (error: unknown) =>
  error instanceof MastodonAPIError && error.status === code && (text === undefined || text.test(error.message));

describe('collections against the fake server', () => {
  const fake = useFakeServer();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;
  const me = (api: Mastodon) => firstValueFrom(api.accountVerifyCredentials());

  it('a curator makes a collection with accounts, which anyone can read with its accounts in full', async () => {
    const curator = clientFor(fake.server, 'col_curator');
    const [alice, bob] = [fake.server.createUser('col_alice').account, fake.server.createUser('col_bob').account];
    const { collection } = await firstValueFrom(curator.collectionCreate('Cat people', {
      description: 'They post cats', language: 'en', sensitive: false, tag_name: 'Cats', account_ids: [alice, bob.id],
    }));
    assert.deepEqual(last('POST /api/v1/collections').body, {
      name: 'Cat people', description: 'They post cats', language: 'en', sensitive: '0', tag_name: 'Cats', account_ids: [alice.id, bob.id],
    });
    assert.equal(collection.item_count, 2);
    assert.deepEqual(collection.items.map((i) => [i.account_id, i.state]), [[alice.id, 'accepted'], [bob.id, 'accepted']]);
    assert.equal(collection.tag?.name, 'cats');
    assert.ok(collection.created_at instanceof Date);

    const anonymous = new Mastodon({ api_base_url: fake.server.url, version_check_mode: 'none' });
    const shown = await firstValueFrom(anonymous.collection(collection));
    assert.equal(last('GET /api/v1/collections/{id}').path, `/api/v1/collections/${collection.id}`);
    assert.deepEqual(shown.accounts.map((a) => a.username), ['col_curator', 'col_alice', 'col_bob']);
    assert.deepEqual((await firstValueFrom(anonymous.accountInCollections(alice))).collections.map((c) => c.id), [collection.id]);
  });

  it('lists an account\'s collections newest first by offset, hiding the undiscoverable ones from others', async () => {
    const curator = clientFor(fake.server, 'col_lister');
    const other = clientFor(fake.server, 'col_other');
    const account = await me(curator);
    const names = ['first', 'second', 'hidden'];
    for (const name of names) await firstValueFrom(curator.collectionCreate(name, { discoverable: name !== 'hidden' }));
    const own = await firstValueFrom(curator.accountCollections(account, { limit: 2 }));
    assert.deepEqual(last('GET /api/v1/accounts/{account_id}/collections').query, { limit: '2' });
    assert.deepEqual(own.collections.map((c) => c.name), ['hidden', 'second']);
    const rest = await firstValueFrom(curator.accountCollections(account, { limit: 2, offset: 2 }));
    assert.deepEqual(rest.collections.map((c) => c.name), ['first']);
    assert.deepEqual((await firstValueFrom(other.accountCollections(account))).collections.map((c) => c.name), ['second', 'first']);
    await assert.rejects(firstValueFrom(other.accountCollections('1')), MastodonNotFoundError);
  });

  it('only the curator changes, fills or deletes a collection; names and descriptions are held to their length', async () => {
    const curator = clientFor(fake.server, 'col_editor');
    const stranger = clientFor(fake.server, 'col_stranger');
    const dana = fake.server.createUser('col_dana').account;
    const { collection } = await firstValueFrom(curator.collectionCreate('Draft'));
    const { collection: updated } = await firstValueFrom(curator.collectionUpdate(collection, { name: 'Final', discoverable: false }));
    const request = last('PATCH /api/v1/collections/{id}');
    assert.equal(request.method, 'PATCH');
    assert.deepEqual(request.body, { name: 'Final', discoverable: '0' });
    assert.deepEqual([updated.name, updated.discoverable], ['Final', false]);
    await assert.rejects(firstValueFrom(stranger.collectionUpdate(collection, { name: 'Mine' })), isStatus(403));
    await assert.rejects(firstValueFrom(curator.collectionUpdate(collection, { name: 'x'.repeat(41) })),
      isStatus(422, /Name is too long \(maximum is 40 characters\)/));
    await assert.rejects(firstValueFrom(curator.collectionCreate('ok', { description: 'y'.repeat(101) })), isStatus(422, /Description is too long/));

    const { collection_item: item } = await firstValueFrom(curator.collectionAddAccount(collection, dana));
    assert.deepEqual(last('POST /api/v1/collections/{collection_id}/items').body, { account_id: dana.id });
    assert.deepEqual([item.account_id, item.state], [dana.id, 'accepted']);
    await assert.rejects(firstValueFrom(stranger.collectionAddAccount(collection, dana)), isStatus(403));
    assert.equal((await firstValueFrom(curator.collection(collection))).collection.item_count, 1);
    assert.equal(await firstValueFrom(curator.collectionRemoveAccount(collection, item)), undefined);
    assert.equal(last('DELETE /api/v1/collections/{collection_id}/items/{id}').path, `/api/v1/collections/${collection.id}/items/${item.id}`);
    assert.equal((await firstValueFrom(curator.collection(collection))).collection.item_count, 0);
    await assert.rejects(firstValueFrom(curator.collectionRemoveAccount(collection, item)), MastodonNotFoundError);

    await assert.rejects(firstValueFrom(stranger.collectionDelete(collection)), isStatus(403));
    assert.equal(await firstValueFrom(curator.collectionDelete(collection)), undefined);
    await assert.rejects(firstValueFrom(curator.collection(collection)), MastodonNotFoundError);
  });

  it('a featured account revokes its own place, and nobody else can', async () => {
    const curator = clientFor(fake.server, 'col_keeper');
    const member = clientFor(fake.server, 'col_member');
    const memberAccount = await me(member);
    const { collection } = await firstValueFrom(curator.collectionCreate('Friends', { account_ids: [memberAccount] }));
    const item = collection.items[0]!;
    await assert.rejects(firstValueFrom(curator.collectionRevoke(collection, item)), isStatus(403));
    assert.equal(await firstValueFrom(member.collectionRevoke(collection, item)), undefined);
    assert.equal(last('POST /api/v1/collections/{collection_id}/items/{id}/revoke').path,
      `/api/v1/collections/${collection.id}/items/${item.id}/revoke`);
    const after = await firstValueFrom(curator.collection(collection));
    assert.deepEqual([after.collection.item_count, after.accounts.map((a) => a.username)], [0, ['col_keeper']]);
    assert.deepEqual((await firstValueFrom(member.accountInCollections(memberAccount))).collections, []);
  });

  it('checks its arguments before sending anything', async () => {
    const api = clientFor(fake.server, 'col_args');
    const before = fake.server.requests.length;
    const calls: (() => Observable<unknown>)[] = [
      () => api.collectionCreate(undefined as never), () => api.collectionCreate('x', { sensitive: 'yes' as never }),
      () => api.collectionCreate('x', { tag_name: '#cats' }), () => api.collectionCreate('x', { account_ids: ['..'] }),
      () => api.collectionUpdate('1', { discoverable: 1 as never }), () => api.accountCollections('1', { limit: -1 }),
      () => api.accountInCollections('1', { offset: 1.5 }), () => api.collection(''),
      () => api.collectionAddAccount('1', undefined as never), () => api.collectionRemoveAccount('1', '/'),
      () => api.collectionRevoke(null as never, '2'), () => api.collectionDelete({} as never),
    ];
    for (const call of calls) await assert.rejects(lastValueFrom(call()), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});
