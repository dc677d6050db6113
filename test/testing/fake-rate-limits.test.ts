import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { WindowCounter } from '../../src/testing/rate-limits.js';
import { useFakeServer } from '../support/fake.js';

describe('the fake server\'s rate limits, as Mastodon\'s', () => {
  const fake = useFakeServer();

  it('show the limits of posting, following and reporting on their answers, per account', async () => {
    const { token } = fake.server.createUser('limited_poster');
    const target = fake.server.createUser('limited_target');
    const post = (path: string, body: Record<string, string>) => fetch(`${fake.server.url}${path}`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body),
    });
    const posted = await post('/api/v1/statuses', { status: 'counted' });
    assert.equal(posted.headers.get('x-ratelimit-limit'), '300');
    assert.equal(posted.headers.get('x-ratelimit-remaining'), '299');
    assert.equal(Date.parse(posted.headers.get('x-ratelimit-reset')!) % (3 * 3600_000), 0);
    const followed = await post(`/api/v1/accounts/${target.account.id}/follow`, {});
    assert.equal(followed.headers.get('x-ratelimit-limit'), '400');
    assert.equal(followed.headers.get('x-ratelimit-remaining'), '399');
    assert.match(followed.headers.get('x-ratelimit-reset')!, /T00:00:00\.000000Z$/);
    const reported = await post('/api/v1/reports', { account_id: target.account.id });
    assert.equal(reported.headers.get('x-ratelimit-limit'), '400');
    const read = await fetch(`${fake.server.url}/api/v1/timelines/home`, { headers: { authorization: `Bearer ${token}` } });
    await read.arrayBuffer();
    assert.equal(read.headers.get('x-ratelimit-limit'), '300');
    assert.equal(read.headers.get('x-ratelimit-remaining'), '296');
  });

  it('counts in windows aligned to the epoch and refuses past the limit until the next window', () => {
    const counter = new WindowCounter();
    const start = Date.UTC(2022, 11, 1, 19, 47);
    assert.equal(counter.count('follows:1', 2, 86_400, start).headers['x-ratelimit-reset'], '2022-12-02T00:00:00.000000Z');
    assert.equal(counter.count('follows:1', 2, 86_400, start + 1000).exceeded, false);
    const third = counter.count('follows:1', 2, 86_400, start + 2000);
    assert.deepEqual([third.exceeded, third.headers['x-ratelimit-remaining']], [true, '0']);
    assert.equal(counter.count('follows:1', 2, 86_400, Date.UTC(2022, 11, 2, 0, 1)).exceeded, false);
  });
});
