import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { filter } from 'rxjs/operators';
import { Mastodon, type StreamGap, type StreamStatus } from '../../src/index.js';
import { FakeMastodon, fakeStreaming, type FakeReply } from '../../src/testing/index.js';
import { eventually } from './support.js';

/** How the REST API fails while the stream is live. */
const failures: Record<string, FakeReply> = {
  '404': { status: 404, json: { error: 'Record not found' } },
  '503': { status: 503, json: { error: 'Service unavailable' } },
  'hang': { raw: () => undefined },
};

const servers: FakeMastodon[] = [];
after(() => Promise.all(servers.map((server) => server.close())));

describe('streams stay live when REST fails (fault injection)', { timeout: 120_000 }, () => {
  for (const transport of ['sse', 'websocket'] as const) {
    for (const [mode, reply] of Object.entries(failures)) {
      it(`${transport}, REST ${mode === 'hang' ? 'hanging' : `answering ${mode}`}: through dropped connections, every live event arrives once, in order, and gaps are noticed`, async () => {
        const server = await FakeMastodon.start({ rateLimit: 1_000_000 });
        servers.push(server);
        server.intercept((req) => (req.route === 'GET /api/v1/timelines/public' ? reply : undefined));
        const me = server.createUser(`faults_${transport}_${mode}`);
        const control = fakeStreaming(server.store);
        const api = new Mastodon({ api_base_url: server.url, access_token: me.token, version_check_mode: 'none' });
        const stream = api.streamPublic({ transport, initial_delay: 0.01, max_delay: 0.05 });
        let status: StreamStatus = { state: 'closed' };
        const watch = stream.status$.subscribe((s) => { status = s; });
        const got: string[] = [];
        const gaps: StreamGap[] = [];
        const sub = stream.subscribe((event) => {
          if (event.type === 'update') got.push(event.payload.id);
          else if (event.type === 'gap') gaps.push(event.payload);
        });
        const published: string[] = [];
        for (let round = 0; round < 3; round++) {
          await eventually(() => status.state === 'open' && control.connections.some((c) => c.streams().includes('public')));
          for (let i = 0; i < 20; i++) published.push(server.store.addStatus(me.account, `round ${round} #${i}`).id);
          // A hanging catch-up holds live events 5 s at most.
          await eventually(() => got.length >= published.length, 20_000);
          if (round < 2) {
            control.dropAll();
            await firstValueFrom(stream.status$.pipe(filter((s) => s.state === 'reconnecting')));
          }
        }
        sub.unsubscribe();
        watch.unsubscribe();
        assert.deepEqual(got, published, 'every live event, once, in order');
        assert.ok(gaps.length >= 1, 'the gaps catch-up could not fill are noticed');
        for (const gap of gaps) {
          assert.equal(gap.kind, 'update');
          assert.match(String(gap.error), mode === 'hang' ? /MastodonReadTimeout|took longer/ : new RegExp(`${mode} `));
        }
        assert.equal(status.state, 'closed');
      });
    }
  }
});
