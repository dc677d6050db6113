import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { generatePushKeys, MastodonIllegalArgumentError, type PushSubscriptionUpdateOptions } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

// The push alerts of Mastodon 4.5 and the standard flag of 4.4, which Mastodon.py 2.2 names
// `<type>_events` and `standard`.

describe('push subscriptions: the alerts of Mastodon 4.5', () => {
  const fake = useFakeServer();

  it('pushSubscriptionSet sends every alert as data[alerts][type], and standard as subscription[standard]', async () => {
    const api = clientFor(fake.server, 'alerts1');
    const [, pub] = generatePushKeys();
    const subscription = await firstValueFrom(api.pushSubscriptionSet('https://push.example/1', pub, {
      update_events: true, admin_sign_up_events: false, admin_report_events: true, quote_events: true, quoted_update_events: false,
      standard: true,
    }));
    const body = fake.server.requestsTo('POST /api/v1/push/subscription').at(-1)!.body as {
      subscription: Record<string, unknown>; data: Record<string, unknown>;
    };
    assert.equal(body.subscription['standard'], '1');
    assert.deepEqual(body.data, {
      alerts: { update: '1', 'admin.sign_up': '0', 'admin.report': '1', quote: '1', quoted_update: '0' }, policy: 'all',
    });
    assert.deepEqual(subscription.alerts, { update: true, 'admin.sign_up': false, 'admin.report': true, quote: true, quoted_update: false });
    assert.equal(subscription.standard, true);
  });

  it('pushSubscriptionUpdate sends the alerts given and nothing else, and the server keeps them', async () => {
    const api = clientFor(fake.server, 'alerts2');
    const [, pub] = generatePushKeys();
    await firstValueFrom(api.pushSubscriptionSet('https://push.example/2', pub));
    const updated = await firstValueFrom(api.pushSubscriptionUpdate({ quote_events: true, status_events: false, policy: 'followed' }));
    assert.deepEqual(fake.server.requestsTo('PUT /api/v1/push/subscription').at(-1)!.body,
      { data: { alerts: { status: '0', quote: '1' }, policy: 'followed' } });
    assert.deepEqual(updated.alerts, { status: false, quote: true });
    assert.deepEqual((await firstValueFrom(api.pushSubscription())).policy, 'followed');
  });

  it('refuses an alert or standard that is not a boolean, before sending', async () => {
    const api = clientFor(fake.server, 'alerts3');
    const [, pub] = generatePushKeys();
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.pushSubscriptionUpdate({ quote_events: 'yes' } as unknown as PushSubscriptionUpdateOptions)),
      MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.pushSubscriptionSet('https://push.example/3', pub, { standard: 1 as unknown as boolean })),
      MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});
