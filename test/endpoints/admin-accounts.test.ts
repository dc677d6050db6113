import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { fakeAdmin } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('admin accounts', () => {
  const fake = useFakeServer();

  it('lists accounts with v2 filters on the wire and parses admin accounts', async () => {
    const api = clientFor(fake.server, 'adm1');
    fakeAdmin(fake.server.store).of(fake.server.store.userByLogin('adm1')!.account.id).role = 'Owner';
    const page = await firstValueFrom(api.adminAccountsV2({
      origin: 'local', permissions: 'staff', username: 'adm1', role_ids: ['3', { id: '2' }], limit: 5,
    }));
    const request = fake.server.requestsTo('GET /api/v2/admin/accounts').at(-1)!;
    assert.deepEqual(request.query, { origin: 'local', permissions: 'staff', username: 'adm1', role_ids: ['3', '2'], limit: '5' });
    assert.equal(page.length, 1);
    assert.equal(page[0]!.username, 'adm1');
    assert.ok(page[0]!.created_at instanceof Date);
    assert.equal(typeof page[0]!.account.id, 'string');
    assert.equal((page[0]!.role as { name: string }).name, 'Owner');
  });

  it('strips the protocol of by_domain (v1 and v2)', async () => {
    const api = clientFor(fake.server, 'adm2');
    await firstValueFrom(api.adminAccountsV2({ by_domain: 'https://chitter.xyz/' }));
    assert.equal(fake.server.requestsTo('GET /api/v2/admin/accounts').at(-1)!.query['by_domain'], 'chitter.xyz');
    await firstValueFrom(api.adminAccountsV1({ by_domain: 'http://chitter.xyz' }));
    assert.equal(fake.server.requestsTo('GET /api/v1/admin/accounts').at(-1)!.query['by_domain'], 'chitter.xyz');
  });

  it('v1 sends its flags as booleans and forwards limit; admin_accounts is the same call', async () => {
    const api = clientFor(fake.server, 'adm3');
    await firstValueFrom(api.adminAccounts({ remote: true, staff_only: true, status: 'silenced', limit: 7 }));
    const request = fake.server.requestsTo('GET /api/v1/admin/accounts').at(-1)!;
    assert.deepEqual(request.query, { remote: '1', staff: '1', silenced: '1', limit: '7' });
    await firstValueFrom(api.adminAccountsV1());
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/admin/accounts').at(-1)!.query, { active: '1' });
  });

  it('refuses values outside the documented sets before sending', async () => {
    const api = clientFor(fake.server, 'adm4');
    const before = fake.server.requests.length;
    await assert.rejects(lastValueFrom(api.adminAccountsV2({ origin: 'elsewhere' as 'local' })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminAccountsV2({ status: 'banned' as 'active' })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminAccountsV2({ permissions: 'admin' as 'staff' })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminAccountsV1({ status: 'gone' as 'active' })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminAccountModerate('1', { action: 'ban' as 'suspend' })), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('moderates: action as type, "none" by default, and the undo actions', async () => {
    const api = clientFor(fake.server, 'adm5');
    const { account } = fake.server.createUser('target5');
    await lastValueFrom(api.adminAccountModerate(account));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/admin/accounts/{id}/action').at(-1)!.body,
      { type: 'none', send_email_notification: '1' });
    await lastValueFrom(api.adminAccountModerate(account.id, { action: 'silence', text: 'calm down', send_email_notification: false }));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/admin/accounts/{id}/action').at(-1)!.body,
      { type: 'silence', text: 'calm down', send_email_notification: '0' });
    assert.equal((await firstValueFrom(api.adminAccount(account))).silenced, true);
    assert.equal((await firstValueFrom(api.adminAccountUnsilence(account))).silenced, false);

    await lastValueFrom(api.adminAccountModerate(account, { action: 'sensitive' }));
    assert.equal((await firstValueFrom(api.adminAccount(account))).sensitized, true);
    assert.equal((await firstValueFrom(api.adminAccountUnsensitive(account))).sensitized, false);

    await lastValueFrom(api.adminAccountModerate(account, { action: 'disable' }));
    assert.equal((await firstValueFrom(api.adminAccountEnable(account))).disabled, false);

    await lastValueFrom(api.adminAccountModerate(account, { action: 'suspend' }));
    assert.equal((await firstValueFrom(api.adminAccountsV2({ status: 'suspended', username: 'target5' }))).length, 1);
    assert.equal((await firstValueFrom(api.adminAccountUnsuspend(account))).suspended, false);
    await assert.rejects(firstValueFrom(api.adminAccountUnsuspend(account)), (e: unknown) => e instanceof MastodonAPIError && e.status === 403);
  });

  it('approves and rejects pending sign-ups, deletes suspended accounts', async () => {
    const api = clientFor(fake.server, 'adm6');
    const admin = fakeAdmin(fake.server.store);
    const pending = fake.server.createUser('pending6').account;
    const other = fake.server.createUser('pending7').account;
    admin.of(pending.id).approved = false;
    admin.of(other.id).approved = false;
    const listed = await firstValueFrom(api.adminAccountsV2({ status: 'pending' }));
    assert.deepEqual(listed.map((a) => a.username).sort(), ['pending6', 'pending7']);
    assert.equal((await firstValueFrom(api.adminAccountApprove(pending))).approved, true);
    await firstValueFrom(api.adminAccountReject(other));
    await assert.rejects(firstValueFrom(api.adminAccount(other)), MastodonNotFoundError);

    await assert.rejects(firstValueFrom(api.adminAccountDelete(pending)), (e: unknown) => e instanceof MastodonAPIError && e.status === 403);
    await lastValueFrom(api.adminAccountModerate(pending, { action: 'suspend' }));
    const deleted = await firstValueFrom(api.adminAccountDelete(pending));
    assert.equal(deleted.id, pending.id);
    assert.equal(fake.server.requestsTo('DELETE /api/v1/admin/accounts/{id}').at(-1)!.path, `/api/v1/admin/accounts/${pending.id}`);
  });

  it('pages through accounts with Link headers', async () => {
    const api = clientFor(fake.server, 'adm8');
    const first = await firstValueFrom(api.adminAccountsV2({ limit: 2 }));
    assert.equal(first.length, 2);
    assert.ok(first._pagination_next);
    assert.ok(new URL(first._pagination_next.url).searchParams.get('max_id'));
  });

  it('answers 403 to a token without admin scopes', async () => {
    const { account } = fake.server.createUser('plain9');
    const token = fake.server.store.issueToken(null, account.id, ['read', 'write']);
    const api = new Mastodon({ api_base_url: fake.server.url, access_token: token.token, version_check_mode: 'none' });
    await assert.rejects(firstValueFrom(api.adminAccountsV2()), (e: unknown) => e instanceof MastodonAPIError && e.status === 403);
  });
});
