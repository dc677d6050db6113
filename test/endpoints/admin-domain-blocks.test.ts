import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, type Admin_DomainBlock, type Page } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('admin domain blocks', () => {
  const fake = useFakeServer();

  it('creates, reads, lists, updates and deletes a block', async () => {
    const api = clientFor(fake.server, 'dbadmin1');
    const block = await firstValueFrom(api.adminCreateDomainBlock('chitter.xyz', {
      severity: 'suspend', public_comment: 'sicko behaviour', reject_media: true, obfuscate: false,
    }));
    const create = fake.server.requestsTo('POST /api/v1/admin/domain_blocks/').at(-1)!;
    assert.equal(create.path, '/api/v1/admin/domain_blocks/');
    assert.deepEqual(create.body, { domain: 'chitter.xyz', severity: 'suspend', public_comment: 'sicko behaviour', reject_media: '1', obfuscate: '0' });
    assert.equal(block.severity, 'suspend');
    assert.equal(block.reject_media, true);
    assert.ok(block.created_at instanceof Date);

    const one = await firstValueFrom(api.adminDomainBlocks({ id: block.id })) as Admin_DomainBlock;
    assert.equal(fake.server.requests.at(-1)!.path, `/api/v1/admin/domain_blocks/${block.id}`);
    assert.equal(one.domain, 'chitter.xyz');

    const updated = await firstValueFrom(api.adminUpdateDomainBlock(block, { severity: 'silence', private_comment: 'jk ilu <3' }));
    assert.deepEqual(fake.server.requestsTo('PUT /api/v1/admin/domain_blocks/{id}').at(-1)!.body, { severity: 'silence', private_comment: 'jk ilu <3' });
    assert.equal(updated.severity, 'silence');
    assert.equal(updated.public_comment, 'sicko behaviour');

    const emitted = await lastValueFrom(api.adminDeleteDomainBlock(block), { defaultValue: 'none' });
    assert.equal(emitted, undefined);
    await assert.rejects(firstValueFrom(api.adminDomainBlocks({ id: block.id })), MastodonNotFoundError);
  });

  it('lists blocks as pages that follow their Link headers', async () => {
    const api = clientFor(fake.server, 'dbadmin2');
    for (const domain of ['a.example', 'b.example', 'c.example']) await firstValueFrom(api.adminCreateDomainBlock(domain));
    const first = await firstValueFrom(api.adminDomainBlocks({ limit: 2 })) as Page<Admin_DomainBlock>;
    assert.equal(fake.server.requests.at(-1)!.path, '/api/v1/admin/domain_blocks/');
    assert.deepEqual(first.map((b) => b.domain), ['c.example', 'b.example']);
    assert.equal(first[0]!.severity, 'silence');
    const next = await firstValueFrom(api.apiRequest<Admin_DomainBlock[]>({ method: 'GET', path: first._pagination_next!.url }));
    assert.deepEqual(next.map((b) => b.domain), ['a.example']);
  });

  it('checks the severity before sending, and the server refuses duplicates', async () => {
    const api = clientFor(fake.server, 'dbadmin3');
    const before = fake.server.requests.length;
    await assert.rejects(lastValueFrom(api.adminCreateDomainBlock('x.example', { severity: 'limit' as 'noop' })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminUpdateDomainBlock('1', { severity: 'block' as 'noop' })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminCreateDomainBlock(undefined as unknown as string)), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
    await firstValueFrom(api.adminCreateDomainBlock('dup.example', { severity: 'noop' }));
    await assert.rejects(firstValueFrom(api.adminCreateDomainBlock('dup.example')), (e: unknown) => e instanceof MastodonAPIError && e.status === 422);
  });
});
