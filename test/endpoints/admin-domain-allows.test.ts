import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('admin domain allows', () => {
  const fake = useFakeServer();

  it('allows a domain, shows it in the allow list, answers a second allow with the first, and deletes it', async () => {
    const api = clientFor(fake.server, 'allowadmin1');
    const allow = await firstValueFrom(api.adminCreateDomainAllow('Friendly.Example'));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/admin/domain_allows').at(-1)!.body, { domain: 'Friendly.Example' });
    assert.equal(allow.domain, 'friendly.example');
    assert.ok(allow.created_at instanceof Date);
    assert.equal((await firstValueFrom(api.adminCreateDomainAllow('friendly.example'))).id, allow.id);

    const other = await firstValueFrom(api.adminCreateDomainAllow('pals.example'));
    const first = await firstValueFrom(api.adminDomainAllows({ limit: 1 }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/admin/domain_allows').at(-1)!.query, { limit: '1' });
    assert.deepEqual(first.map((a) => a.domain), ['pals.example']);
    assert.deepEqual((await firstValueFrom(api.fetchNext(first)))?.map((a) => a.domain), ['friendly.example']);
    assert.equal((await firstValueFrom(api.adminDomainAllow(allow.id))).domain, 'friendly.example');

    assert.equal(await lastValueFrom(api.adminDeleteDomainAllow(other), { defaultValue: 'none' }), undefined);
    assert.deepEqual((await firstValueFrom(api.adminDomainAllows())).map((a) => a.domain), ['friendly.example']);
    await assert.rejects(firstValueFrom(api.adminDomainAllow(other.id)), MastodonNotFoundError);
    await assert.rejects(firstValueFrom(api.adminCreateDomainAllow('no spaces.example')),
      (e: unknown) => e instanceof MastodonAPIError && e.status === 422);
  });

  it('checks the domain and the ids before sending', async () => {
    const api = clientFor(fake.server, 'allowadmin2');
    const before = fake.server.requests.length;
    for (const domain of ['', ' ', null, ['a.example']]) {
      await assert.rejects(lastValueFrom(api.adminCreateDomainAllow(domain as string)), MastodonIllegalArgumentError);
    }
    await assert.rejects(lastValueFrom(api.adminDeleteDomainAllow(undefined as unknown as string)), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminDomainAllow('a/b')), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});
