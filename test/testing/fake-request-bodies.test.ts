import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { quoteJsonNumbers } from '../../src/testing/params.js';
import { useFakeServer } from '../support/fake.js';

/** An id past 2^53, as Mastodon's snowflakes are: `JSON.parse` would round it. */
const BIG_ID = '109440142712669899';

describe('the fake server reads request bodies as Rails does', () => {
  const fake = useFakeServer();

  async function postJson(path: string, token: string, body: string): Promise<{ status: number; json: unknown }> {
    const response = await fetch(`${fake.server.url}${path}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body,
    });
    return { status: response.status, json: await response.json() };
  }

  it('takes ids sent as JSON numbers, digit for digit, as Mastodon does', async () => {
    const { token } = fake.server.createUser('numbers');
    const set = await postJson('/api/v1/markers', token, `{"home": {"last_read_id": ${BIG_ID}}}`);
    assert.equal(set.status, 200);
    assert.equal((set.json as { home: { last_read_id: string } }).home.last_read_id, BIG_ID);
    const read = await fetch(`${fake.server.url}/api/v1/markers?timeline[]=home`, { headers: { authorization: `Bearer ${token}` } });
    assert.equal(((await read.json()) as { home: { last_read_id: string } }).home.last_read_id, BIG_ID);
  });

  it('takes lists of ids sent as JSON numbers', async () => {
    const { token } = fake.server.createUser('lister');
    const friend = fake.server.createUser('listed');
    await fetch(`${fake.server.url}/api/v1/accounts/${friend.account.id}/follow`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    const list = await postJson('/api/v1/lists', token, '{"title": "numbers"}');
    const added = await postJson(`/api/v1/lists/${(list.json as { id: string }).id}/accounts`, token, `{"account_ids": [${friend.account.id}]}`);
    assert.equal(added.status, 200);
    const members = await fetch(`${fake.server.url}/api/v1/lists/${(list.json as { id: string }).id}/accounts`, { headers: { authorization: `Bearer ${token}` } });
    assert.deepEqual(((await members.json()) as { id: string }[]).map((a) => a.id), [friend.account.id]);
  });

  it('quotes numbers outside strings only', () => {
    assert.equal(quoteJsonNumbers('{"a": -1.5e3, "b": "x 2 \\" 3", "c": [10, true, null]}'), '{"a": "-1.5e3", "b": "x 2 \\" 3", "c": ["10", true, null]}');
    assert.deepEqual(JSON.parse(quoteJsonNumbers(`[${BIG_ID}]`)), [BIG_ID]);
  });
});
