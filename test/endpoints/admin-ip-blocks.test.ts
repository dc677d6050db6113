import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, type Admin_IpBlockSeverity } from '../../src/index.js';
import { fakeAdmin, fakeAdminBlocks } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { signUpClient } from '../support/admin.js';

const status = (code: number) => (e: unknown): boolean => e instanceof MastodonAPIError && e.status === code;

describe('admin IP blocks', () => {
  const fake = useFakeServer();

  it('creates, reads, lists, updates and deletes a block, ranges written as Mastodon writes them', async () => {
    const api = clientFor(fake.server, 'ipadmin1');
    const block = await firstValueFrom(api.adminCreateIpBlock('192.0.2.77/24', 'no_access', { comment: 'botnet', expires_in: 3600 }));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/admin/ip_blocks').at(-1)!.body,
      { ip: '192.0.2.77/24', severity: 'no_access', comment: 'botnet', expires_in: '3600' });
    assert.equal(block.ip, '192.0.2.0/24');
    assert.equal(block.severity, 'no_access');
    assert.ok(block.created_at instanceof Date);
    assert.ok(block.expires_at instanceof Date);
    assert.ok(Math.abs(block.expires_at.getTime() - Date.now() - 3_600_000) < 60_000);

    assert.equal((await firstValueFrom(api.adminIpBlock(block.id))).comment, 'botnet');
    const updated = await firstValueFrom(api.adminUpdateIpBlock(block, { ip: '2001:0DB8:0:0::1', severity: 'sign_up_block' }));
    assert.deepEqual(fake.server.requestsTo('PUT /api/v1/admin/ip_blocks/{id}').at(-1)!.body, { ip: '2001:0DB8:0:0::1', severity: 'sign_up_block' });
    assert.deepEqual([updated.ip, updated.severity, updated.comment], ['2001:db8::1/128', 'sign_up_block', 'botnet']);

    const listed = await firstValueFrom(api.adminIpBlocks());
    assert.deepEqual(listed.map((b) => b.ip), ['2001:db8::1/128']);
    assert.equal(await lastValueFrom(api.adminDeleteIpBlock(block), { defaultValue: 'none' }), undefined);
    await assert.rejects(firstValueFrom(api.adminIpBlock(block.id)), MastodonNotFoundError);
    await assert.rejects(firstValueFrom(api.adminDeleteIpBlock(block.id)), MastodonNotFoundError);
  });

  it('lists blocks newest first as pages that follow their Link headers', async () => {
    const api = clientFor(fake.server, 'ipadmin2');
    for (const ip of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) await firstValueFrom(api.adminCreateIpBlock(ip, 'sign_up_block'));
    const first = await firstValueFrom(api.adminIpBlocks({ limit: 2 }));
    assert.deepEqual(first.map((b) => b.ip), ['198.51.100.3/32', '198.51.100.2/32']);
    const second = await firstValueFrom(api.fetchNext(first));
    assert.deepEqual(second?.map((b) => b.ip), ['198.51.100.1/32']);
    for (const block of [...first, ...second!]) await lastValueFrom(api.adminDeleteIpBlock(block), { defaultValue: undefined });
  });

  it('checks the range, the severity and expires_in before sending', async () => {
    const api = clientFor(fake.server, 'ipadmin3');
    const before = fake.server.requests.length;
    for (const ip of ['192.0.2.0/33', '192.0.2', '010.0.0.1', '::1::', 'fe80::1%eth0', 'example.com', '', 42 as unknown as string]) {
      await assert.rejects(lastValueFrom(api.adminCreateIpBlock(ip, 'sign_up_block')), MastodonIllegalArgumentError, String(ip));
    }
    await assert.rejects(lastValueFrom(api.adminCreateIpBlock('192.0.2.1', 'block' as Admin_IpBlockSeverity)), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminCreateIpBlock('192.0.2.1', undefined as unknown as Admin_IpBlockSeverity)), MastodonIllegalArgumentError);
    for (const expires_in of [0, -5, 1.5, Number.NaN, Infinity, '60' as unknown as number]) {
      await assert.rejects(lastValueFrom(api.adminCreateIpBlock('192.0.2.1', 'sign_up_block', { expires_in })), MastodonIllegalArgumentError);
    }
    await assert.rejects(lastValueFrom(api.adminUpdateIpBlock('1', { ip: '300.0.0.0/8' })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminUpdateIpBlock('1', { severity: 'silence' as Admin_IpBlockSeverity })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminUpdateIpBlock('..')), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('answers as Mastodon: 422 for a range blocked already, and an update it cannot take leaves the block as it was', async () => {
    const api = clientFor(fake.server, 'ipadmin4');
    const block = await firstValueFrom(api.adminCreateIpBlock('203.0.113.0/24', 'sign_up_requires_approval'));
    await assert.rejects(firstValueFrom(api.adminCreateIpBlock('203.0.113.9/24', 'sign_up_block')),
      (e: unknown) => status(422)(e) && (e as MastodonAPIError).error === 'Validation failed: Ip has already been taken');
    const raw = await firstValueFrom(api.apiRequest<Record<string, unknown>>({
      method: 'PUT', path: `/api/v1/admin/ip_blocks/${block.id}`, params: { severity: 'everything' },
    }));
    assert.equal(raw['severity'], 'sign_up_requires_approval');
    await lastValueFrom(api.adminDeleteIpBlock(block), { defaultValue: undefined });
  });

  it('refuses sign-ups from a blocked range with 403, and lets them in pending from a range that requires approval', async () => {
    const admin = clientFor(fake.server, 'ipadmin5');
    const signUps = await signUpClient(fake.server);
    const blocks = fakeAdminBlocks(fake.server.store);
    blocks.remoteIp = '203.0.113.50';
    try {
      const block = await firstValueFrom(admin.adminCreateIpBlock('203.0.113.0/24', 'sign_up_block'));
      await assert.rejects(firstValueFrom(signUps.createAccount('blocked5', 'long enough pw', 'blocked5@example.com', { agreement: true })),
        (e: unknown) => status(403)(e) && (e as MastodonAPIError).error === 'This action is not allowed');
      const [token, details] = await firstValueFrom(signUps.createAccount('blocked5', 'long enough pw', 'blocked5@example.com', { agreement: true, return_detailed_error: true }));
      assert.deepEqual([token, details], [null, { error: 'This action is not allowed' }]);
      assert.equal(fake.server.store.userByLogin('blocked5'), undefined);

      await firstValueFrom(admin.adminUpdateIpBlock(block, { severity: 'sign_up_requires_approval' }));
      await firstValueFrom(signUps.createAccount('waiting5', 'long enough pw', 'waiting5@example.com', { agreement: true }));
      const pending = await firstValueFrom(admin.adminAccountsV2({ status: 'pending', username: 'waiting5' }));
      assert.deepEqual(pending.map((a) => [a.username, a.approved, a.ip]), [['waiting5', false, '203.0.113.50']]);

      blocks.remoteIp = '198.18.0.1';
      await firstValueFrom(signUps.createAccount('outside5', 'long enough pw', 'outside5@example.com', { agreement: true }));
      assert.equal(fakeAdmin(fake.server.store).of(fake.server.store.userByLogin('outside5')!.account.id).approved, true);
      await lastValueFrom(admin.adminDeleteIpBlock(block), { defaultValue: undefined });
    } finally {
      blocks.remoteIp = '127.0.0.1';
    }
  });

  it('reads the sign-up address from X-Forwarded-For, as Mastodon behind a proxy on loopback does, and forgets expired blocks', async () => {
    const admin = clientFor(fake.server, 'ipadmin6');
    const signUps = await signUpClient(fake.server);
    const block = await firstValueFrom(admin.adminCreateIpBlock('2001:db8:6::/48', 'no_access'));
    const signUp = (username: string, forwardedFor?: string): Promise<Response> => fetch(`${fake.server.url}/api/v1/accounts`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${fake.server.store.issueToken(signUps.client_id!, null, ['write']).token}`,
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      body: new URLSearchParams({ username, password: 'long enough pw', email: `${username}@example.com`, agreement: '1' }),
    });
    assert.equal((await signUp('proxied6', '2001:db8:6:1::7, 10.0.0.1')).status, 403);
    assert.equal((await signUp('direct6')).status, 200, 'from 127.0.0.1');

    fakeAdminBlocks(fake.server.store).ipBlocks.find((b) => b.id === block.id)!.expires_at = new Date(Date.now() - 1000).toISOString();
    assert.equal((await signUp('later6', '2001:db8:6:1::7')).status, 200, 'the block has expired');
    await assert.rejects(firstValueFrom(admin.adminIpBlock(block.id)), MastodonNotFoundError);
  });
});
