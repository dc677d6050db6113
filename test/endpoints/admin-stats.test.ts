import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonIllegalArgumentError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

const DAY = 86_400_000;

describe('admin statistics and trends', () => {
  const fake = useFakeServer();

  it('measures: a JSON body with keys, tag ids and domains, dates as UTC strings', async () => {
    const api = clientFor(fake.server, 'stats1');
    const start = new Date(Date.now() - 3 * DAY);
    const end = new Date();
    const measures = await firstValueFrom(api.adminMeasures(start, end, {
      active_users: true, new_users: true, interactions: false, tag_uses: { id: '12' }, instance_statuses: 'chitter.xyz',
    }));
    const request = fake.server.requestsTo('POST /api/v1/admin/measures').at(-1)!;
    assert.equal(request.contentType, 'application/json');
    assert.deepEqual(request.body, {
      keys: ['active_users', 'new_users', 'tag_uses', 'instance_statuses'],
      tag_uses: { id: '12' },
      instance_statuses: { domain: 'chitter.xyz' },
      start_at: `${start.toISOString().slice(0, 19)}+00:00`,
      end_at: `${end.toISOString().slice(0, 19)}+00:00`,
    });
    assert.deepEqual(measures.map((m) => m.key), ['active_users', 'new_users', 'tag_uses', 'instance_statuses']);
    const newUsers = measures[1]!;
    assert.ok(Number(newUsers.total) >= 1, 'the user made for this test signed up today');
    assert.ok(newUsers.data.every((row) => row.date instanceof Date && typeof row.value === 'string'));
  });

  it('dimensions: keys and limit as the API wants them', async () => {
    const api = clientFor(fake.server, 'stats2');
    const dims = await firstValueFrom(api.adminDimensions(new Date(Date.now() - DAY), new Date(), {
      limit: 3, languages: true, space_usage: true, tag_languages: '5', instance_accounts: 'chitter.xyz',
    }));
    const body = fake.server.requestsTo('POST /api/v1/admin/dimensions').at(-1)!.body;
    assert.deepEqual(body['keys'], ['languages', 'space_usage', 'tag_languages', 'instance_accounts']);
    assert.equal(body['limit'] as unknown, 3);
    assert.deepEqual(body['tag_languages'], { id: '5' });
    assert.deepEqual(body['instance_accounts'], { domain: 'chitter.xyz' });
    assert.equal(dims.find((d) => d.key === 'space_usage')!.data[0]!.unit, 'bytes');
  });

  it('retention: cohorts by day or month, frequency checked', async () => {
    const api = clientFor(fake.server, 'stats3');
    const cohorts = await firstValueFrom(api.adminRetention(new Date(Date.now() - 2 * DAY), new Date(), { frequency: 'day' }));
    const body = fake.server.requestsTo('POST /api/v1/admin/retention').at(-1)!.body;
    assert.deepEqual(Object.keys(body).sort(), ['end_at', 'frequency', 'start_at']);
    assert.equal(body['frequency'], 'day');
    assert.equal(cohorts.length, 3);
    assert.ok(cohorts[0]!.period instanceof Date);
    assert.equal(cohorts[0]!.frequency, 'day');
    assert.equal(typeof cohorts[0]!.data[0]!.rate, 'number');
    await firstValueFrom(api.adminRetention(new Date(Date.now() - 40 * DAY), new Date(), { frequency: 'month' }));
    assert.equal(fake.server.requestsTo('POST /api/v1/admin/retention').at(-1)!.body['frequency'], 'month');
  });

  it('refuses empty requests, bad dates and bad frequencies before sending', async () => {
    const api = clientFor(fake.server, 'stats4');
    const before = fake.server.requests.length;
    const now = new Date();
    await assert.rejects(lastValueFrom(api.adminMeasures(now, now)), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminDimensions(now, now, { languages: false })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminMeasures(new Date('nope'), now, { new_users: true })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminMeasures('2022-01-01' as unknown as Date, now, { new_users: true })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminRetention(now, now, { frequency: 'week' as 'day' })), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('trends: tags with limit, statuses and links', async () => {
    const api = clientFor(fake.server, 'stats5');
    const me = fake.server.store.userByLogin('stats5')!.account;
    for (const text of ['#cats at noon', 'more #cats', 'a #dogs day']) fake.server.store.addStatus(me, text);
    const tags = await firstValueFrom(api.adminTrendingTags({ limit: 1 }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/admin/trends/tags').at(-1)!.query, { limit: '1' });
    assert.deepEqual(tags.map((t) => [t.name, t.history[0]!.uses, t.requires_review, t.trendable, t.usable]), [['cats', '2', true, true, true]]);
    assert.ok(tags[0]!.history[0]!.day instanceof Date);
    assert.match(tags[0]!.id!, /^\d+$/);

    const hot = fake.server.store.addStatus(me, 'hot take', { favourites_count: 3 });
    const statuses = await firstValueFrom(api.adminTrendingStatuses());
    assert.equal(statuses[0]!.id, hot.id);
    assert.equal(statuses[0]!.requires_review, true);
    assert.deepEqual(await firstValueFrom(api.adminTrendingLinks()), []);
  });
});
