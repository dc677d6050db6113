import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonIllegalArgumentError, MastodonNotFoundError, type Notification, type Page } from '../../src/index.js';
import type { FakeMastodon } from '../../src/testing/index.js';
import { replay } from '../support/cassettes.js';
import { clientFor, useFakeServer } from '../support/fake.js';

/** A user with a follow, a mention and a favourite from another user, oldest first. */
function seeded(server: FakeMastodon, name: string): { api: ReturnType<typeof clientFor>; ids: string[]; otherId: string } {
  const api = clientFor(server, name);
  const me = [...server.store.users.values()].find((u) => u.account.username === name)!.account;
  const other = server.createUser(`${name}_friend`).account;
  const status = server.store.addStatus(other, `@${name} hello`);
  const ids = [
    server.store.addNotification('follow', me.id, other).id,
    server.store.addNotification('mention', me.id, other, status).id,
    server.store.addNotification('favourite', me.id, other, server.store.addStatus(me, 'mine')).id,
  ];
  return { api, ids, otherId: other.id };
}

describe('notifications', () => {
  const fake = useFakeServer();

  it('a page of notifications, newest first, typed with dates and string ids', async () => {
    const { api, ids } = seeded(fake.server, 'note1');
    const page: Page<Notification> = await firstValueFrom(api.notifications({ limit: 2 }));
    assert.deepEqual(page.map((n) => n.id), [ids[2], ids[1]]);
    assert.ok(page[0]!.created_at instanceof Date);
    assert.equal(page[1]!.type, 'mention');
    assert.ok(page[1]!.status!.created_at instanceof Date);
    assert.ok(page._pagination_next?.url.includes(`max_id=${ids[1]}`));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/notifications').at(-1)!.query, { limit: '2' });
  });

  it('one notification by id', async () => {
    const { api, ids } = seeded(fake.server, 'note2');
    const one: Notification = await firstValueFrom(api.notifications({ id: ids[0]! }));
    assert.equal(one.type, 'follow');
    assert.equal(fake.server.requestsTo('GET /api/v1/notifications/{id}').at(-1)!.path, `/api/v1/notifications/${ids[0]}`);
  });

  it('types, exclude_types, account_id and pagination go on the wire as the API reads them', async () => {
    const { api, ids, otherId } = seeded(fake.server, 'note3');
    const page = await firstValueFrom(api.notifications({
      types: ['mention', 'follow'], exclude_types: ['follow'], account_id: { id: otherId }, max_id: ids[2]!,
    }));
    assert.deepEqual(page.map((n) => n.type), ['mention']);
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/notifications').at(-1)!.query,
      { types: ['mention', 'follow'], exclude_types: ['follow'], account_id: otherId, max_id: ids[2] });
  });

  it('mentions_only is types=[mention] from 3.5.0, every other type excluded before', async () => {
    const { api } = seeded(fake.server, 'note4');
    const recent = await firstValueFrom(api.notifications({ mentions_only: true }));
    assert.deepEqual(recent.map((n) => n.type), ['mention']);
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/notifications').at(-1)!.query, { types: ['mention'] });

    const old = clientFor(fake.server, 'note5', { mastodon_version: '3.4.0' });
    await firstValueFrom(old.notifications({ mentions_only: true }));
    const excluded = fake.server.requestsTo('GET /api/v1/notifications').at(-1)!.query['exclude_types'] as string[];
    assert.ok(!excluded.includes('mention'));
    assert.ok(['follow', 'favourite', 'reblog', 'poll', 'follow_request'].every((t) => excluded.includes(t)));

    await firstValueFrom(api.notifications({ mentions_only: false }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/notifications').at(-1)!.query, {});
  });

  it('include_filtered and supported_types (4.3 and 4.6) go on the wire as given; notifications carry their group key', async () => {
    const { api, ids } = seeded(fake.server, 'note10');
    const page = await firstValueFrom(api.notifications({ include_filtered: false, supported_types: ['mention', 'follow'] }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/notifications').at(-1)!.query,
      { include_filtered: '0', supported_types: ['mention', 'follow'] });
    assert.deepEqual(page.map((n) => n.id), [...ids].reverse());
    assert.match(page[1]!.group_key!, /^ungrouped-\d+$/);
    assert.match(page[2]!.group_key!, /^follow-\d+$/);
  });

  it('checks types before sending', async () => {
    const api = clientFor(fake.server, 'note6');
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.notifications({ types: ['mentions' as 'mention'] })), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.notifications({ exclude_types: 'follow' as unknown as ['follow'] })), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.notifications({ mentions_only: true, types: ['mention'] })), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.notificationsDismiss({} as { id: string })), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('dismiss uses the path form from 2.9.2 and the body form before', async () => {
    const { api, ids } = seeded(fake.server, 'note7');
    await lastValueFrom(api.notificationsDismiss(ids[0]!), { defaultValue: undefined });
    assert.equal(fake.server.requestsTo('POST /api/v1/notifications/{id}/dismiss').at(-1)!.path, `/api/v1/notifications/${ids[0]}/dismiss`);

    const old = clientFor(fake.server, 'note8', { mastodon_version: '2.9.1' });
    const me = await firstValueFrom(old.me());
    const n = fake.server.store.addNotification('follow', me.id, fake.server.createUser('note8_friend').account);
    await lastValueFrom(old.notificationsDismiss(n), { defaultValue: undefined });
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/notifications/dismiss').at(-1)!.body, { id: n.id });
    assert.deepEqual(await firstValueFrom(old.notifications()), []);
    await assert.rejects(lastValueFrom(old.notificationsDismiss(n)), MastodonNotFoundError);
  });

  it('clear removes all of them', async () => {
    const { api } = seeded(fake.server, 'note9');
    await lastValueFrom(api.notificationsClear(), { defaultValue: undefined });
    assert.equal(fake.server.requestsTo('POST /api/v1/notifications/clear').at(-1)!.method, 'POST');
    assert.deepEqual(await firstValueFrom(api.notifications()), []);
  });
});

describe('notifications, replayed from Mastodon 4.0.2', () => {
  const client = { mastodon_version: '4.0.2' };

  /** Posts the mention the recording starts with, runs `read`, deletes the status. */
  async function around(api: Parameters<Parameters<typeof replay>[1]>[0], read: () => Promise<void>): Promise<void> {
    const status = await firstValueFrom(api.statusPost('@mastodonpy_test hello!'));
    await read();
    await firstValueFrom(api.statusDelete(status));
  }

  it('notifications and one by id', async () => {
    await replay('test_notifications.yaml', (api) => around(api, async () => {
      const page = await firstValueFrom(api.notifications());
      assert.equal(page[0]!.id, '17');
      assert.ok(page[0]!.status!.created_at instanceof Date);
      await firstValueFrom(api.notifications({ id: page[0]! }));
    }), { client });
  });

  it('mentions_only', async () => {
    await replay('test_notifications_mentions_only.yaml', (api) => around(api, async () => {
      const page = await firstValueFrom(api.notifications({ mentions_only: true }));
      assert.ok(page.length > 0 && page.every((n) => n.type === 'mention'), page.map((n) => n.type).join());
      const one = await firstValueFrom(api.notifications({ id: page[0]!.id }));
      assert.equal(one.id, page[0]!.id);
    }), { client });
  });

  it('types, exclude_types, and both', async () => {
    await replay('test_notifications_types.yaml', (api) => around(api, async () => {
      assert.deepEqual(await firstValueFrom(api.notifications({ types: ['follow_request'] })), []);
      const page = await firstValueFrom(api.notifications({ types: ['follow', 'mention'] }));
      await firstValueFrom(api.notifications({ id: page[0]!.id }));
    }), { client });
    await replay('test_notifications_exclude_types.yaml', (api) => around(api, async () => {
      assert.deepEqual(await firstValueFrom(api.notifications({ exclude_types: ['mention'] })), []);
    }), { client });
    await replay('test_notifications_exclude_and_types.yaml', (api) => around(api, async () => {
      await firstValueFrom(api.notifications({ exclude_types: ['mention'], types: ['mention'] }));
      await firstValueFrom(api.notifications({ exclude_types: ['mention'], types: ['follow_request'] }));
      await firstValueFrom(api.notifications({ exclude_types: ['follow_request'], types: ['mention'] }));
      const both = await firstValueFrom(api.notifications({ exclude_types: ['follow_request'], types: ['mention', 'follow_request'] }));
      assert.equal(both[0]!.type, 'mention');
    }), { client });
  });

  it('dismiss and clear', async () => {
    await replay('test_notifications_dismiss.yaml', (api) => around(api, async () => {
      const page = await firstValueFrom(api.notifications());
      await lastValueFrom(api.notificationsDismiss(page[0]!), { defaultValue: undefined });
    }), { client });
    await replay('test_notifications_clear.yaml', (api) => lastValueFrom(api.notificationsClear(), { defaultValue: undefined }), { client });
  });
});
