import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { Mastodon, MastodonIllegalArgumentError, MastodonServerError } from '../../src/index.js';
import { streamingBaseUrl } from '../../src/streaming/host.js';
import { FakeMastodon, serverInfo } from '../../src/testing/index.js';
import { useFakeServer } from '../support/fake.js';

describe('what a client remembers', () => {
  const fake = useFakeServer({ version: '4.3.1' });

  it('persistableLoginCredentials is what logIn writes to its file, and refuses a client without a login or an app', async () => {
    fake.server.createUser('persist', { password: 'password-persist' });
    const [client_id, client_secret] = await firstValueFrom(Mastodon.createApp('persist', { api_base_url: fake.server.url }));
    const api = new Mastodon({ api_base_url: fake.server.url, client_id, client_secret });
    assert.throws(() => api.persistableLoginCredentials(), MastodonIllegalArgumentError, 'not logged in yet');
    const dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-persist-'));
    try {
      const token = await firstValueFrom(api.logIn('persist', 'password-persist', { to_file: join(dir, 'usercred.secret') }));
      const persisted = api.persistableLoginCredentials();
      assert.equal(persisted, readFileSync(join(dir, 'usercred.secret'), 'utf8'));
      assert.equal(persisted, `${token}\n${fake.server.url}\n${client_id}\n${client_secret}\n`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const tokenOnly = new Mastodon({ api_base_url: fake.server.url, access_token: 'token' });
    assert.throws(() => tokenOnly.persistableLoginCredentials(), MastodonIllegalArgumentError, 'no client credentials');
  });

  it('clearCaches forgets the version, the streaming host, the OAuth metadata and instance v2: each is asked again once', async () => {
    const { token } = fake.server.createUser('forgetful', { password: 'password-forgetful' });
    const [client_id, client_secret] = await firstValueFrom(Mastodon.createApp('forgetful', { api_base_url: fake.server.url }));
    const api = new Mastodon({ api_base_url: fake.server.url, access_token: token, client_id, client_secret, mastodon_version: '4.3.1' });
    const count = (route: string): number => fake.server.requestsTo(route).length;
    const before = { v2: count('GET /api/v2/instance/'), v1: count('GET /api/v1/instance/'), oauth: count('GET /.well-known/oauth-authorization-server') };
    const useAll = async (): Promise<void> => {
      await firstValueFrom(api.status('0')).catch(() => undefined);
      await firstValueFrom(streamingBaseUrl(api));
      await firstValueFrom(api.logIn('forgetful', 'password-forgetful'));
      await firstValueFrom(api.timelineIsAvailable());
    };
    await useAll();
    await useAll();
    assert.deepEqual([count('GET /api/v2/instance/') - before.v2, count('GET /api/v1/instance/') - before.v1, count('GET /.well-known/oauth-authorization-server') - before.oauth],
      [1, 1, 1], 'the version was given; instance v2 for timelineIsAvailable, v1 for the streaming host, the metadata for logIn');

    api.clearCaches();
    assert.equal(api.mastodon_version, undefined);
    await useAll();
    await useAll();
    assert.deepEqual([count('GET /api/v2/instance/') - before.v2, count('GET /api/v1/instance/') - before.v1, count('GET /.well-known/oauth-authorization-server') - before.oauth],
      [3, 2, 2], 'each once more, and the version now fetched too (from instance v2)');
    assert.equal(api.mastodon_version, '4.3.1');
  });
});

describe('timelineIsAvailable', () => {
  const fake = useFakeServer({ version: '4.5.0' });

  it('reads configuration.timelines_access once per client: for anybody, or with with_auth for a logged-in user', async () => {
    serverInfo(fake.server.store).timelinesAccess.live_feeds = { local: 'authenticated', remote: 'disabled' };
    const api = new Mastodon({ api_base_url: fake.server.url });
    const before = fake.server.requestsTo('GET /api/v2/instance/').length;
    const ask = (options: Parameters<Mastodon['timelineIsAvailable']>[0]): Promise<boolean> => firstValueFrom(api.timelineIsAvailable(options));
    assert.deepEqual(await Promise.all([
      ask({}), ask({ local: true }), ask({ local: true, with_auth: true }), ask({ remote: true, with_auth: true }), ask({ with_auth: true }),
      ask({ timeline: 'hashtag' }), ask({ timeline: 'trending_links', remote: true }), ask({ timeline: 'home' }),
    ]), [false, false, true, false, false, true, true, true]);
    assert.equal(fake.server.requestsTo('GET /api/v2/instance/').length - before, 1);
    serverInfo(fake.server.store).timelinesAccess.live_feeds = { local: 'public', remote: 'public' };
  });

  it('is true where the server does not say, or cannot be read, unless fail_hard', async () => {
    const old = await FakeMastodon.start({ version: '4.4.0' });
    const api = new Mastodon({ api_base_url: fake.server.url });
    const remove = fake.server.intercept((req) => (req.route === 'GET /api/v2/instance/' ? { status: 503, json: { error: 'down' } } : undefined));
    try {
      serverInfo(old.store).timelinesAccess.live_feeds = { local: 'disabled', remote: 'disabled' };
      assert.equal(await firstValueFrom(new Mastodon({ api_base_url: old.url }).timelineIsAvailable()), true, '4.4 says nothing of access');
      assert.equal(await firstValueFrom(new Mastodon({ api_base_url: 'http://127.0.0.1:9', version_check_mode: 'none' }).timelineIsAvailable()), true, 'no server');
      await assert.rejects(firstValueFrom(api.timelineIsAvailable({ fail_hard: true })), MastodonServerError);
      assert.equal(await firstValueFrom(api.timelineIsAvailable()), true);
    } finally {
      remove();
      await old.close();
    }
  });

  it('checks its options before asking', async () => {
    const api = new Mastodon({ api_base_url: fake.server.url });
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.timelineIsAvailable({ timeline: 42 as unknown as string })), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.timelineIsAvailable('public' as never)), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});
