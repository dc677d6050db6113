import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { take, toArray } from 'rxjs/operators';
import { MastodonIllegalArgumentError, StreamListener, type Notification } from '../../src/index.js';
import { fakeStreaming } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { eventually } from './support.js';

const fast = { timeout: 2, initial_delay: 0.01, max_delay: 0.05, catch_up: false } as const;

describe('streamNotifications against the fake server', { timeout: 20000 }, () => {
  const fake = useFakeServer();

  for (const transport of ['sse', 'websocket'] as const) {
    it(`delivers the user's notifications and nothing else of the user's stream (${transport})`, async () => {
      const { server } = fake;
      const control = fakeStreaming(server.store);
      const api = clientFor(server, `notif_stream_${transport}`);
      const fan = clientFor(server, `notif_fan_${transport}`);
      const me = server.store.userByLogin(`notif_stream_${transport}`)!.account;
      const opened = control.connectionsOpened;
      const events = firstValueFrom(api.streamNotifications({ ...fast, transport }).pipe(take(1), toArray()));
      await eventually(() => control.connectionsOpened > opened
        && control.connections.some((c) => c.transport === transport && c.streams().includes('user:notification')));
      if (transport === 'sse') assert.equal(server.requestsTo('GET /api/v1/streaming/user/notification').length, 1);
      server.store.addStatus(me, 'not a notification: no update on this stream');
      const status = await firstValueFrom(api.toot('like this'));
      await firstValueFrom(fan.statusFavourite(status));
      const [event] = await events;
      assert.equal(event!.type, 'notification');
      const notification = (event as { payload: Notification }).payload;
      assert.equal(notification.type, 'favourite');
      assert.equal(notification.status?.id, status.id);
      assert.ok(notification.created_at instanceof Date);
      assert.deepEqual(event!.stream, ['user:notification']);
    });
  }

  it('takes a StreamListener as Mastodon.py does, and refuses bad options through the stream', async () => {
    const { server } = fake;
    const api = clientFor(server, 'notif_listener');
    const fan = clientFor(server, 'notif_listener_fan');
    const received: string[] = [];
    const listener = new (class extends StreamListener {
      override on_notification(notification: Notification): void {
        received.push(notification.type);
      }
    })();
    const opened = fakeStreaming(server.store).connectionsOpened;
    const handle = api.streamNotifications(listener, { timeout: 2 });
    try {
      await eventually(() => fakeStreaming(server.store).connectionsOpened > opened);
      const me = await firstValueFrom(api.accountVerifyCredentials());
      await firstValueFrom(fan.accountFollow(me));
      await eventually(() => received.length > 0);
      assert.deepEqual(received, ['follow']);
    } finally {
      handle.close();
    }
    const error = await firstValueFrom(api.streamNotifications({ transport: 'carrier pigeon' as never })).catch((e: unknown) => e);
    assert.ok(error instanceof MastodonIllegalArgumentError);
  });
});
