import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { filter, map, take, tap, toArray } from 'rxjs/operators';
import { Mastodon, MastodonNetworkError, MastodonReadTimeout, type StreamEvent } from '../../src/index.js';
import { FakeMastodon, fakeStreaming } from '../../src/testing/index.js';
import { eventually } from './support.js';

const quick = { timeout: 0.5, initial_delay: 0.005, max_delay: 0.05 } as const;

// Closed after the suite even when a test times out (a `finally` in a test that never settles never runs).
const servers: FakeMastodon[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

async function serverWithUser(name: string): Promise<{ server: FakeMastodon; api: Mastodon; me: ReturnType<FakeMastodon['createUser']> }> {
  const server = await FakeMastodon.start({ rateLimit: 1_000_000 });
  servers.push(server);
  const me = server.createUser(name);
  const api = new Mastodon({ api_base_url: server.url, access_token: me.token, version_check_mode: 'none' });
  return { server, api, me };
}

function idOfEvent(event: StreamEvent): string {
  return event.type === 'update' || event.type === 'notification' ? `${event.type}:${event.payload.id}` : event.type;
}

describe('catch-up after reconnects', { timeout: 120_000 }, () => {
  it('fills the gap of a dropped user stream from the home timeline and notifications, in order, nothing twice', async () => {
    const { server, api, me } = await serverWithUser('gap');
    const other = server.createUser('gap_friend');
    try {
      const control = fakeStreaming(server.store);
      const stream = api.streamUser(quick);
      const got: string[] = [];
      const sub = stream.subscribe((event) => got.push(idOfEvent(event)));
      await firstValueFrom(stream.status$.pipe(filter((s) => s.state === 'open')));
      const first = server.store.addStatus(me.account, 'live one');
      await eventually(() => got.length === 1);
      control.refuse(3, 503);
      control.dropAll();
      // Published while the stream is down: only the REST API can tell.
      const missed = [server.store.addStatus(me.account, 'missed one'), server.store.addStatus(me.account, 'missed two')];
      const note = server.store.addNotification('favourite', me.account.id, other.account, first);
      await eventually(() => got.length === 4);
      const after = server.store.addStatus(me.account, 'live again');
      await eventually(() => got.length === 5);
      sub.unsubscribe();
      assert.deepEqual(got, [
        `update:${first.id}`, `update:${missed[0]!.id}`, `update:${missed[1]!.id}`, `notification:${note.id}`, `update:${after.id}`,
      ]);
      assert.equal(control.connectionsOpened, 2);
    } finally {
      await server.close();
    }
  });

  for (const transport of ['sse', 'websocket'] as const) {
  it(`${transport}: 10,000 statuses while the server drops the connection every 500 events and stalls once: each received exactly once, in order`, async () => {
    const { server, api, me } = await serverWithUser(`flood_${transport}`);
    try {
      const control = fakeStreaming(server.store).heartbeatEvery(50).dropEvery(500).stallAfter(250);
      const total = 10_000;
      const stream = api.streamPublic({ ...quick, timeout: 0.3, transport });
      const reconnectCauses: unknown[] = [];
      stream.status$.subscribe((s) => { if (s.state === 'reconnecting') reconnectCauses.push(s.error); });
      let live = 0;
      const received = firstValueFrom(stream.pipe(
        filter((e): e is Extract<StreamEvent, { type: 'update' }> => e.type === 'update'),
        map((e) => e.payload.id),
        tap(() => { live += 1; }),
        take(total),
        toArray(),
      ));
      await firstValueFrom(stream.status$.pipe(filter((s) => s.state === 'open')));
      // Publish in batches, letting the subscriber keep up (at most a short wait per batch), so
      // that most statuses travel live and the server's drops and stall really hit the stream.
      const published: string[] = [];
      while (published.length < total) {
        for (let i = 0; i < 50; i++) published.push(server.store.addStatus(me.account, `flood ${published.length}`).id);
        await eventually(() => live >= published.length - 50, 20).catch(() => undefined);
      }
      const ids = await received;
      assert.equal(ids.length, total);
      assert.equal(new Set(ids).size, total, 'no status twice');
      assert.deepEqual(ids, published, 'every status, in order');
      const stalls = reconnectCauses.filter((e) => e instanceof MastodonReadTimeout).length;
      const drops = reconnectCauses.filter((e) => e instanceof MastodonNetworkError && !(e instanceof MastodonReadTimeout)).length;
      // The planned stall is detected; on a loaded machine a quiet spell of 0.3 s can count as another.
      assert.ok(stalls >= 1, 'the stall was detected');
      assert.ok(drops >= 10, `the connection was dropped and reopened (${drops} drops, ${control.connectionsOpened} connections)`);
    } finally {
      await server.close();
    }
  });
  }
});
