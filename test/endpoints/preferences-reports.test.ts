import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { Mastodon, MastodonIllegalArgumentError, MastodonVersionError } from '../../src/index.js';
import { reportsOf } from '../../src/testing/index.js';
import { assertSameRequest, loadCassette, recordedRequest, replay, startReplayServer } from '../support/cassettes.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('preferences and markers', () => {
  const fake = useFakeServer();

  it('preferences', async () => {
    const prefs = await firstValueFrom(clientFor(fake.server, 'pref1').preferences());
    assert.equal(prefs['posting:default:visibility'], 'public');
    assert.equal(prefs['reading:expand:spoilers'], false);
    assert.equal(fake.server.requestsTo('GET /api/v1/preferences').length, 1);
  });

  it('markersSet sends JSON with string ids; markersGet asks for timeline[]', async () => {
    const api = clientFor(fake.server, 'pref2');
    const status = await firstValueFrom(api.statusPost('read up to here'));
    const set = await firstValueFrom(api.markersSet(['home', 'notifications'], [status, '109440142712669899']));
    const sent = fake.server.requestsTo('POST /api/v1/markers').at(-1)!;
    assert.equal(sent.contentType, 'application/json');
    assert.deepEqual(sent.body, { home: { last_read_id: status.id }, notifications: { last_read_id: '109440142712669899' } });
    assert.equal(set['home']!.last_read_id, status.id);
    assert.ok(set['home']!.updated_at instanceof Date);
    assert.equal(set['notifications']!.version, 0);

    const again = await firstValueFrom(api.markersSet('home', status.id));
    assert.equal(again['home']!.version, 1);

    const home = await firstValueFrom(api.markersGet());
    assert.deepEqual(Object.keys(home), ['home']);
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/markers').at(-1)!.query, { timeline: ['home'] });
    const both = await firstValueFrom(api.markersGet({ timeline: ['home', 'notifications'] }));
    assert.equal(both['notifications']!.last_read_id, '109440142712669899');
  });

  it('checks the markers arguments before sending', async () => {
    const api = clientFor(fake.server, 'pref3');
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.markersSet(['home', 'notifications'], ['1'])), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.markersSet([], [])), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.markersGet({ timeline: [''] })), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('replays markers from Mastodon 4.0.2; the id goes out as a string, not a number', async () => {
    const interactions = loadCassette('test_markers.yaml');
    const server = await startReplayServer(interactions);
    try {
      const api = new Mastodon({ api_base_url: server.url, access_token: 'token', version_check_mode: 'none' });
      const status = await firstValueFrom(api.statusPost('Toot!'));
      const set = await firstValueFrom(api.markersSet('home', status));
      const got = await firstValueFrom(api.markersGet());
      await firstValueFrom(api.statusDelete(status));
      assert.equal(set['home']!.last_read_id, '109440142712669899');
      assert.deepEqual(got, set);
      assert.equal(server.received.length, interactions.length);
      server.received.forEach((received, i) => assertSameRequest(received, recordedRequest(interactions[i]!), ['home']));
      // The recording sent the snowflake as a JSON number, which JavaScript cannot hold exactly.
      assert.deepEqual(server.received[1]!.body, { home: { last_read_id: '109440142712669899' } });
      assert.equal(interactions[1]!.request.body, '{"home": {"last_read_id": 109440142712669899}}');
    } finally {
      await server.close();
    }
  });
});

describe('reports', () => {
  const fake = useFakeServer();

  it('report sends account, statuses, comment, category, rules; forward only when true', async () => {
    const api = clientFor(fake.server, 'rep1');
    const bad = fake.server.createUser('rep1_bad').account;
    const status = fake.server.store.addStatus(bad, 'spam spam spam');
    const report = await firstValueFrom(api.report(bad, { status_ids: status, comment: 'spam', category: 'violation', rule_ids: ['1'], forward: false }));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/reports/').at(-1)!.body,
      { account_id: bad.id, status_ids: [status.id], comment: 'spam', category: 'violation', rule_ids: ['1'] });
    assert.equal(fake.server.requestsTo('POST /api/v1/reports/').at(-1)!.path, '/api/v1/reports/');
    assert.equal(report.target_account.id, bad.id);
    assert.ok(report.created_at instanceof Date);
    assert.deepEqual(report.status_ids, [status.id]);
    assert.equal(report.forwarded, false);

    await firstValueFrom(api.report(bad.id, { forward: true }));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/reports/').at(-1)!.body, { account_id: bad.id, forward: '1' });
    assert.equal(reportsOf(fake.server.store).at(-1)!.json['forwarded'], true);
  });

  it('checks the category before sending', async () => {
    const api = clientFor(fake.server, 'rep2');
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.report('1', { category: 'rude' as 'spam' })), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.report(undefined as unknown as string)), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('reports fails with MastodonVersionError from 2.5.0, sending nothing', async () => {
    const api = clientFor(fake.server, 'rep3', { mastodon_version: '4.0.2' });
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.reports()), MastodonVersionError);
    assert.equal(fake.server.requests.length, before);
  });

  it('replays report from Mastodon 4.0.2', async () => {
    const report = await replay('test_report.yaml', async (api) => {
      const status = await firstValueFrom(api.statusPost('Toot!'));
      const me = await firstValueFrom(api.accountVerifyCredentials());
      const filed = await firstValueFrom(api.report(me, { status_ids: [status], comment: 'makes the bad post' }));
      await firstValueFrom(api.statusDelete(status));
      return filed;
    });
    assert.equal(report.id, '2');
    assert.equal(report.category, 'other');
    assert.ok(report.created_at instanceof Date);
  });
});

describe('reports on an old server', () => {
  const fake = useFakeServer({ version: '2.4.3' });

  it('reports lists the reports the user filed', async () => {
    const api = clientFor(fake.server, 'rep4', { mastodon_version: '2.4.3' });
    const bad = fake.server.createUser('rep4_bad').account;
    const filed = await firstValueFrom(api.report(bad, { comment: 'old style' }));
    const list = await firstValueFrom(api.reports());
    assert.deepEqual(list.map((r) => r.id), [filed.id]);
    assert.equal(fake.server.requestsTo('GET /api/v1/reports').length, 1);
  });
});
