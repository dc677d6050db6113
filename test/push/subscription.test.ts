import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { generatePushKeys, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import {
  assertSameRequest, loadCassette, recordedRequest, startReplayServer, type SemanticRequest,
} from '../support/cassettes.js';
import { Mastodon } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('push subscriptions against the fake server', () => {
  const fake = useFakeServer();

  it('sets, reads, updates and deletes a subscription, with the wire keys Mastodon reads', async () => {
    const api = clientFor(fake.server, 'push1');
    const [, pub] = generatePushKeys();
    const set = await firstValueFrom(api.pushSubscriptionSet('example.com/push', pub, {
      follow_events: true, mention_events: false, status_events: true, policy: 'followed',
    }));
    assert.equal(set.endpoint, 'https://example.com/push', 'https:// added');
    const request = fake.server.requestsTo('POST /api/v1/push/subscription').at(-1)!;
    assert.equal(request.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(request.body, {
      subscription: {
        endpoint: 'https://example.com/push',
        keys: { p256dh: Buffer.from(pub.pubkey, 'base64url').toString('base64'), auth: Buffer.from(pub.auth, 'base64url').toString('base64') },
      },
      data: { alerts: { follow: '1', mention: '0', status: '1' }, policy: 'followed' },
    });
    assert.deepEqual(set.alerts, { follow: true, mention: false, status: true }, 'status sent without follow_request_events');
    assert.equal(set.policy, 'followed');

    const updated = await firstValueFrom(api.pushSubscriptionUpdate({ favourite_events: true, follow_request_events: false }));
    assert.deepEqual(fake.server.requestsTo('PUT /api/v1/push/subscription').at(-1)!.body, { data: { alerts: { favourite: '1', follow_request: '0' } } });
    assert.deepEqual(updated.alerts, { favourite: true, follow_request: false });
    assert.deepEqual((await firstValueFrom(api.pushSubscription())).alerts, updated.alerts);

    await firstValueFrom(api.pushSubscriptionDelete());
    await assert.rejects(firstValueFrom(api.pushSubscription()), MastodonNotFoundError);
  });

  it('takes keys as bytes too, and refuses bad keys and policies before sending', async () => {
    const api = clientFor(fake.server, 'push2');
    const [, pub] = generatePushKeys();
    const bytes = { pubkey: new Uint8Array(Buffer.from(pub.pubkey, 'base64url')), auth: new Uint8Array(Buffer.from(pub.auth, 'base64url')).buffer };
    await firstValueFrom(api.pushSubscriptionSet('https://example.com/p', bytes));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/push/subscription').at(-1)!.body['data'], { policy: 'all' });
    const before = fake.server.requests.length;
    const bad: [string, () => unknown][] = [
      ['policy', () => api.pushSubscriptionSet('https://e.example', pub, { policy: 'friends' as 'all' })],
      ['short key', () => api.pushSubscriptionSet('https://e.example', { ...pub, pubkey: pub.pubkey.slice(0, 40) })],
      ['compressed key', () => api.pushSubscriptionSet('https://e.example', { ...pub, pubkey: Buffer.alloc(65, 2).toString('base64url') })],
      ['auth', () => api.pushSubscriptionSet('https://e.example', { ...pub, auth: '!!' })],
      ['no keys', () => api.pushSubscriptionSet('https://e.example', null as unknown as typeof pub)],
      ['update policy', () => api.pushSubscriptionUpdate({ policy: 'x' as 'all' })],
    ];
    for (const [what, call] of bad) {
      await assert.rejects(firstValueFrom(call() as ReturnType<typeof api.pushSubscription>), MastodonIllegalArgumentError, what);
    }
    assert.equal(fake.server.requests.length, before, 'nothing sent');
  });
});

/** The cassette's keys (standard base64 of the raw bytes), given back as bytes. */
function keysOf(request: SemanticRequest): { pubkey: Uint8Array; auth: Uint8Array } {
  const keys = ((request.body as { subscription: { keys: { p256dh: string; auth: string } } }).subscription.keys);
  return { pubkey: new Uint8Array(Buffer.from(keys.p256dh, 'base64')), auth: new Uint8Array(Buffer.from(keys.auth, 'base64')) };
}

/**
 * The recorded request as Mastodon reads it: the recording client sent `policy` at the top
 * level, where Mastodon ignores it; this library sends `data[policy]`.
 */
function withDataPolicy(request: SemanticRequest): SemanticRequest {
  const body = request.body as Record<string, unknown> & { data?: Record<string, unknown> };
  if (typeof body.policy !== 'string') return request;
  const { policy, ...rest } = body;
  return { ...request, body: { ...rest, data: { ...body.data, policy } } };
}

async function replayPush(cassette: string, drive: (api: Mastodon, recorded: SemanticRequest[]) => Promise<void>): Promise<void> {
  const interactions = loadCassette(cassette);
  const recorded = interactions.map(recordedRequest);
  const server = await startReplayServer(interactions);
  try {
    const api = new Mastodon({ api_base_url: server.url, access_token: 'token', version_check_mode: 'none' });
    await drive(api, recorded);
    assert.equal(server.received.length, interactions.length, `every request recorded in ${cassette} was sent, and no other`);
    server.received.forEach((received, i) => assertSameRequest(received, withDataPolicy(recorded[i]!)));
  } finally {
    await server.close();
  }
}

describe('push subscriptions replayed against real Mastodon 4.0.2 traffic', () => {
  it('test_push_set.yaml: every event and policy none', async () => {
    await replayPush('test_push_set.yaml', async (api, recorded) => {
      const subscription = await firstValueFrom(api.pushSubscriptionSet('https://example.com', keysOf(recorded[0]!), {
        follow_events: true, favourite_events: true, reblog_events: true, mention_events: true, poll_events: true,
        follow_request_events: true, status_events: true, policy: 'none',
      }));
      assert.equal(subscription.alerts.status, true);
      await firstValueFrom(api.pushSubscription());
    });
  });

  it('test_push_update.yaml: set, update twice, read', async () => {
    await replayPush('test_push_update.yaml', async (api, recorded) => {
      await firstValueFrom(api.pushSubscriptionSet('https://example.com', keysOf(recorded[0]!), {
        follow_events: false, favourite_events: false, reblog_events: false, mention_events: false,
      }));
      const on = await firstValueFrom(api.pushSubscriptionUpdate({ follow_events: true, favourite_events: true, reblog_events: true, mention_events: true }));
      assert.equal(on.alerts.mention, true);
      await firstValueFrom(api.pushSubscription());
      await firstValueFrom(api.pushSubscriptionUpdate({ follow_events: false, favourite_events: false, reblog_events: false, mention_events: false }));
      await firstValueFrom(api.pushSubscription());
      await firstValueFrom(api.pushSubscription());
    });
  });

  it('test_push_delete.yaml: set, delete, then 404', async () => {
    await replayPush('test_push_delete.yaml', async (api, recorded) => {
      await firstValueFrom(api.pushSubscriptionSet('https://example.com', keysOf(recorded[0]!)));
      await firstValueFrom(api.pushSubscriptionDelete());
      await assert.rejects(firstValueFrom(api.pushSubscription()), MastodonNotFoundError);
    });
  });
});
