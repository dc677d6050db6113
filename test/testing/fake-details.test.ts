import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fakeAdmin, tagState } from '../../src/testing/index.js';
import { useFakeServer } from '../support/fake.js';

/** The JSON answer of the fake server to a request with a user's token. */
async function call(url: string, token: string, method = 'GET', body?: unknown): Promise<unknown> {
  const response = await fetch(url, {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return response.json();
}

describe('details of the fake server\'s answers, as Mastodon 4.0 gives them', () => {
  const fake = useFakeServer();

  it('sends a push subscription\'s id as a JSON number', async () => {
    const { token } = fake.server.createUser('pushed');
    const created = await call(`${fake.server.url}/api/v1/push/subscription`, token, 'POST', {
      subscription: { endpoint: 'https://push.example/1', keys: { p256dh: 'BKey', auth: 'secret' } },
    }) as { id: unknown };
    assert.equal(typeof created.id, 'number');
    assert.equal(((await call(`${fake.server.url}/api/v1/push/subscription`, token)) as { id: unknown }).id, created.id);
  });

  it('shows a signed-in reader whether they follow a tag', async () => {
    const { token, account } = fake.server.createUser('tagger');
    fake.server.store.addStatus(account, 'about #cats and #dogs');
    tagState(fake.server.store).follows.set(account.id, new Map([['cats', '1']]));
    const tags = await call(`${fake.server.url}/api/v1/featured_tags/suggestions`, token) as { name: string; following: boolean }[];
    assert.deepEqual(tags.map((t) => [t.name, t.following]), [['cats', true], ['dogs', false]]);
    const anonymous = await (await fetch(`${fake.server.url}/api/v1/trends/tags`)).json() as object[];
    assert.ok(anonymous.every((tag) => !('following' in tag)));
  });

  it('leaves previous_total out of the measures of one domain', async () => {
    const { token, account } = fake.server.createUser('measurer');
    fakeAdmin(fake.server.store).of(account.id).role = 'Admin';
    const measures = await call(`${fake.server.url}/api/v1/admin/measures`, token, 'POST', {
      keys: ['active_users', 'instance_statuses'], instance_statuses: { domain: 'chitter.xyz' },
      start_at: '2022-12-01T00:00:00Z', end_at: '2022-12-03T00:00:00Z',
    }) as Record<string, unknown>[];
    assert.deepEqual(measures.map((m) => [m['key'], 'previous_total' in m]), [['active_users', true], ['instance_statuses', false]]);
  });

  it('names the app that scheduled a status by its id, a JSON number', async () => {
    const { token, account } = fake.server.createUser('scheduler');
    const app = fake.server.store.registerApp('planner', 'urn:ietf:wg:oauth:2.0:oob', ['read', 'write'], null);
    fake.server.store.tokens.get(token)!.clientId = app.client_id;
    const later = new Date(Date.now() + 3600_000).toISOString();
    const scheduled = await call(`${fake.server.url}/api/v1/statuses`, token, 'POST', { status: 'later', scheduled_at: later }) as { params: { application_id: unknown } };
    assert.equal(scheduled.params.application_id, Number(app.id));
    assert.equal(account.statuses_count, 0);
  });
});
