import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { MastodonIllegalArgumentError, type ReportOptions } from '../../src/index.js';
import { reportsOf } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

// Reports with what Mastodon added after 3.5: the `legal` category (4.2), forwarding to chosen
// servers (4.4) and collections as evidence (4.6).

describe('report: legal, forward_to_domains and collection_ids', () => {
  const fake = useFakeServer();

  it('sends the legal category, collection_ids[] and forward_to_domains[], and the server files it so', async () => {
    const api = clientFor(fake.server, 'rep_1');
    const target = await firstValueFrom(clientFor(fake.server, 'rep_1t').me());
    const filed = await firstValueFrom(api.report(target, {
      category: 'legal', comment: 'unlawful', forward: true, forward_to_domains: ['a.example', 'b.example'], collection_ids: ['42'],
    }));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/reports/').at(-1)!.body, {
      account_id: target.id, comment: 'unlawful', forward: '1', category: 'legal', collection_ids: ['42'],
      forward_to_domains: ['a.example', 'b.example'],
    });
    assert.equal(filed.category, 'legal');
    assert.deepEqual(filed.collection_ids, ['42']);
    assert.equal(reportsOf(fake.server.store).at(-1)!.json['category'], 'legal');
  });

  it('takes one collection id as well as a list, and checks the domains before sending', async () => {
    const api = clientFor(fake.server, 'rep_2');
    const target = await firstValueFrom(clientFor(fake.server, 'rep_2t').me());
    await firstValueFrom(api.report(target, { collection_ids: { id: '7' } }));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/reports/').at(-1)!.body['collection_ids'], ['7']);
    const before = fake.server.requests.length;
    for (const bad of [{ forward_to_domains: 'a.example' }, { forward_to_domains: [''] }, { category: 'illegal' }, { collection_ids: ['..'] }]) {
      await assert.rejects(firstValueFrom(api.report(target, bad as ReportOptions)), MastodonIllegalArgumentError, JSON.stringify(bad));
    }
    assert.equal(fake.server.requests.length, before);
  });
});
