import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import {
  Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, MastodonVersionError,
} from '../../src/index.js';
import { addAnnouncement, FakeMastodon, instanceState } from '../../src/testing/index.js';
import { replay } from '../support/cassettes.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('instance information', () => {
  const fake = useFakeServer();

  it('instanceActivity: twelve weeks, weeks as Dates, counts as the server sends them', async () => {
    const api = clientFor(fake.server, 'inst1');
    await firstValueFrom(api.statusPost('counted'));
    const weeks = await firstValueFrom(api.instanceActivity());
    assert.equal(weeks.length, 12);
    assert.ok(weeks[0]!.week instanceof Date);
    assert.ok(Number(weeks[0]!.statuses) >= 1);
    assert.equal(typeof weeks[0]!.logins, 'string');
    assert.equal(fake.server.requestsTo('GET /api/v1/instance/activity').at(-1)!.method, 'GET');
  });

  it('instancePeers and instanceRules read the server state', async () => {
    const api = clientFor(fake.server, 'inst2');
    instanceState(fake.server.store).peers.push('mastodon.example');
    assert.deepEqual(await firstValueFrom(api.instancePeers()), ['mastodon.example']);
    const rules = await firstValueFrom(api.instanceRules());
    assert.equal(typeof rules[0]!.id, 'string');
    assert.equal(rules[0]!.text, 'Be excellent to each other.');
  });

  it('directory sends offset, limit, order and local (as 1/0), and checks order first', async () => {
    const api = clientFor(fake.server, 'inst3');
    const accounts = await firstValueFrom(api.directory({ offset: 0, limit: 2, order: 'new', local: false }));
    assert.ok(accounts.length <= 2 && accounts.length > 0);
    assert.ok(accounts[0]!.created_at instanceof Date);
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/directory').at(-1)!.query, { offset: '0', limit: '2', order: 'new', local: '0' });
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.directory({ order: 'oldest' as 'new' })), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('customEmojis lists the emoji', async () => {
    const emojis = await firstValueFrom(clientFor(fake.server, 'inst4').customEmojis());
    assert.equal(emojis[0]!.shortcode, 'fake');
    assert.equal(emojis[0]!.visible_in_picker, true);
  });

  it('announcements, dismiss, and reactions with the emoji URL-encoded in the path', async () => {
    const api = clientFor(fake.server, 'inst5');
    const posted = addAnnouncement(fake.server.store, 'Maintenance tonight');
    let list = await firstValueFrom(api.announcements());
    const announcement = list.find((a) => a.id === posted.id)!;
    assert.equal(announcement.read, false);
    assert.ok(announcement.published_at instanceof Date);

    await lastValueFrom(api.announcementDismiss(announcement), { defaultValue: undefined });
    assert.equal(fake.server.requestsTo('POST /api/v1/announcements/{id}/dismiss').at(-1)!.path, `/api/v1/announcements/${posted.id}/dismiss`);

    const emitted = await lastValueFrom(api.announcementReactionCreate(announcement, '🎉'), { defaultValue: 'none' });
    assert.equal(emitted, undefined, 'a call that returns nothing emits undefined once');
    const put = fake.server.requestsTo('PUT /api/v1/announcements/{id}/reactions/{reaction}').at(-1)!;
    assert.equal(put.path, `/api/v1/announcements/${posted.id}/reactions/${encodeURIComponent('🎉')}`);
    await lastValueFrom(api.announcementReactionCreate(announcement.id, 'fake'), { defaultValue: undefined });

    list = await firstValueFrom(api.announcements());
    const after = list.find((a) => a.id === posted.id)!;
    assert.equal(after.read, true);
    assert.deepEqual(after.reactions.map((r) => [r.name, r.count, r.me]), [['🎉', 1, true], ['fake', 1, true]]);
    assert.ok(after.reactions[1]!.url?.endsWith('/emoji/fake.png'));

    await assert.rejects(lastValueFrom(api.announcementReactionCreate(announcement, '🎉')), MastodonAPIError, 'the same reaction twice');
    await lastValueFrom(api.announcementReactionDelete(announcement, '🎉'), { defaultValue: undefined });
    const deleted = fake.server.requestsTo('DELETE /api/v1/announcements/{id}/reactions/{reaction}').at(-1)!;
    assert.equal(deleted.path, `/api/v1/announcements/${posted.id}/reactions/%F0%9F%8E%89`);
    // A name with a slash or a question mark stays one path segment.
    await assert.rejects(lastValueFrom(api.announcementReactionCreate(announcement, 'a/b?c')), MastodonAPIError);
    assert.equal(fake.server.requests.at(-1)!.path, `/api/v1/announcements/${posted.id}/reactions/a%2Fb%3Fc`);
    await assert.rejects(lastValueFrom(api.announcementReactionCreate(announcement, '')), MastodonIllegalArgumentError);
  });

  it('instanceHealth is true for OK, false for a server error status', async () => {
    const api = clientFor(fake.server, 'inst6');
    assert.equal(await firstValueFrom(api.instanceHealth()), true);
    assert.equal(fake.server.requests.at(-1)!.path, '/health');
    const remove = fake.server.intercept((req) => (req.url.pathname === '/health' ? { status: 503, text: 'down' } : undefined));
    try {
      assert.equal(await firstValueFrom(api.instanceHealth()), false);
    } finally {
      remove();
    }
    instanceState(fake.server.store).health = 'degraded';
    try {
      assert.equal(await firstValueFrom(api.instanceHealth()), false);
    } finally {
      instanceState(fake.server.store).health = 'OK';
    }
  });

  it('instanceNodeinfo follows the discovery document', async () => {
    const api = clientFor(fake.server, 'inst7');
    const info = await firstValueFrom(api.instanceNodeinfo());
    assert.equal(info.software.name, 'mastodon');
    assert.equal(info.software.version, fake.server.version);
    assert.deepEqual(fake.server.requests.slice(-2).map((r) => r.path), ['/.well-known/nodeinfo', '/nodeinfo/2.0']);
    await assert.rejects(firstValueFrom(api.instanceNodeinfo({ schema: 'http://nodeinfo.diaspora.software/ns/schema/9.9' })), MastodonIllegalArgumentError);
  });

  it('instanceNodeinfo sends no token to another origin, and falls back to the API base on 404', async () => {
    const other = await FakeMastodon.start();
    const api = clientFor(fake.server, 'inst8');
    const remove = fake.server.intercept((req) => (req.url.pathname === '/.well-known/nodeinfo'
      ? { json: { links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: `${other.url}/nodeinfo/2.0` }] } }
      : undefined));
    try {
      const info = await firstValueFrom(api.instanceNodeinfo());
      assert.equal(info.version, '2.0');
      const abroad = other.requestsTo('GET /nodeinfo/2.0');
      assert.equal(abroad.length, 1);
      assert.equal(abroad[0]!.headers['authorization'], undefined, 'the token stays on the API origin');

      other.intercept(() => ({ status: 404, json: { error: 'Not Found' } }));
      const fallback = await firstValueFrom(api.instanceNodeinfo());
      assert.equal(fallback.software.name, 'mastodon');
      const home = fake.server.requestsTo('GET /nodeinfo/2.0').at(-1)!;
      assert.match(String(home.headers['authorization']), /^Bearer /);
    } finally {
      remove();
      await other.close();
    }
  });

  it('getApproxServerTime reads the Date header of HEAD /', async () => {
    const api = clientFor(fake.server, 'inst9');
    const before = Math.floor(Date.now() / 1000) * 1000;
    const time = await firstValueFrom(api.getApproxServerTime());
    assert.ok(time instanceof Date);
    assert.ok(time.getTime() >= before - 1000 && time.getTime() <= Date.now() + 1000);
    const request = fake.server.requests.at(-1)!;
    assert.equal(request.method, 'HEAD');
    assert.equal(request.path, '/');
    const remove = fake.server.intercept((req) => (req.method === 'HEAD' ? { raw: (res) => { res.sendDate = false; res.writeHead(200).end(); } } : undefined));
    try {
      await assert.rejects(firstValueFrom(api.getApproxServerTime()), MastodonAPIError);
    } finally {
      remove();
    }
  });

  it('getSupportedVersion is static and on instances, without a request', () => {
    assert.equal(Mastodon.getSupportedVersion(), '3.5.5');
    const api = clientFor(fake.server, 'inst10');
    const before = fake.server.requests.length;
    assert.equal(api.getSupportedVersion(), '3.5.5');
    assert.equal(fake.server.requests.length, before);
  });

  it('checks versions: announcements need 3.1.0', async () => {
    const api = clientFor(fake.server, 'inst11', { mastodon_version: '3.0.0', version_check_mode: 'created' });
    await assert.rejects(firstValueFrom(api.announcements()), MastodonVersionError);
    const info = await firstValueFrom(api.instanceNodeinfo());
    assert.equal(info.version, '2.0', 'nodeinfo exists from 3.0.0');
  });

  it('a 404 from an endpoint the admin turned off is MastodonNotFoundError', async () => {
    const api = clientFor(fake.server, 'inst12');
    const remove = fake.server.intercept((req) => (req.route === 'GET /api/v1/instance/peers' ? { status: 404, json: { error: 'Not Found' } } : undefined));
    try {
      await assert.rejects(firstValueFrom(api.instancePeers()), MastodonNotFoundError);
    } finally {
      remove();
    }
  });
});

describe('instance information, replayed from Mastodon 4.0.2', () => {
  it('instance_activity', async () => {
    const weeks = await replay('test_instance_activity.yaml', (api) => firstValueFrom(api.instanceActivity()));
    assert.equal(weeks.length, 12);
    assert.deepEqual(weeks[0]!.week, new Date(1669924049 * 1000));
    assert.equal(weeks[0]!.statuses, '18');
  });

  it('instance_peers, instance_rules, custom_emojis', async () => {
    assert.deepEqual(await replay('test_instance_peers.yaml', (api) => firstValueFrom(api.instancePeers())), []);
    assert.deepEqual(await replay('test_instance_rules.yaml', (api) => firstValueFrom(api.instanceRules())), []);
    assert.deepEqual(await replay('test_emoji.yaml', (api) => firstValueFrom(api.customEmojis())), []);
  });

  it('directory', async () => {
    const accounts = await replay('test_directory.yaml', (api) => firstValueFrom(api.directory()));
    assert.ok(accounts.length > 0);
    assert.equal(typeof accounts[0]!.id, 'string');
    assert.ok(accounts[0]!.created_at instanceof Date);
  });

  it('instance_health', async () => {
    assert.equal(await replay('test_health.yaml', (api) => firstValueFrom(api.instanceHealth())), true);
  });

  it('instance_nodeinfo', async () => {
    const info = await replay('test_nodeinfo.yaml', (api) => firstValueFrom(api.instanceNodeinfo()));
    assert.equal(info.software.version, '4.0.2');
    assert.equal(info.usage.users.total, 4);
  });

  it('get_approx_server_time', async () => {
    const times = await replay('test_server_time.yaml', async (api) => [
      await firstValueFrom(api.getApproxServerTime()),
      await firstValueFrom(api.getApproxServerTime()),
      await firstValueFrom(api.getApproxServerTime()),
    ]);
    for (const time of times) assert.deepEqual(time, new Date('2022-12-01T19:47:29Z'));
  });
});
