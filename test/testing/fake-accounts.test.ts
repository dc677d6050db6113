import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { Mastodon } from '../../src/index.js';
import { fakeAdmin } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('accounts of the fake server, as Mastodon shows them', () => {
  const fake = useFakeServer();

  it('carry noindex, as local accounts do since Mastodon 4.0', async () => {
    const api = clientFor(fake.server, 'indexed');
    const me = await firstValueFrom(api.me());
    assert.equal(me.noindex, false);
    assert.equal((await firstValueFrom(api.account(me))).noindex, false);
  });

  it('count public statuses in statuses_count and last_status_at, and direct ones in neither', async () => {
    const api = clientFor(fake.server, 'counted');
    fake.server.createUser('confidant');
    await firstValueFrom(api.statusPost('@confidant a secret', { visibility: 'direct' }));
    let me = await firstValueFrom(api.me());
    assert.equal(me.statuses_count, 0);
    assert.equal(me.last_status_at, null);
    const shown = await firstValueFrom(api.statusPost('hello everyone'));
    me = await firstValueFrom(api.me());
    assert.equal(me.statuses_count, 1);
    assert.ok(me.last_status_at instanceof Date);
    await firstValueFrom(api.statusDelete(shown));
    assert.equal((await firstValueFrom(api.me())).statuses_count, 0);
  });
});

describe('the fake server\'s own account of a user, as verify_credentials shows it', () => {
  const fake = useFakeServer();

  it('shows the profile as typed in source, with the posting defaults, and the user\'s role', async () => {
    const api = clientFor(fake.server, 'typist');
    await firstValueFrom(api.accountUpdateCredentials({
      note: 'I walk <funny>', fields: [['bread', 'toasty & warm']],
    }));
    const me = await firstValueFrom(api.accountVerifyCredentials());
    assert.equal(me.note, '<p>I walk &#60;funny&#62;</p>');
    assert.equal(me.source?.note, 'I walk <funny>');
    assert.deepEqual(me.source?.fields, [{ name: 'bread', value: 'toasty & warm', verified_at: null }]);
    assert.deepEqual(me.role, { id: '-99', name: '', permissions: '65536', color: '', highlighted: false });
    const prefs = await firstValueFrom(api.preferences());
    assert.equal(prefs['posting:default:language'], 'en');
  });

  it('takes new posting defaults from source[…] and posts with them', async () => {
    const api = clientFor(fake.server, 'defaults');
    await firstValueFrom(api.apiRequest({
      method: 'PATCH', path: '/api/v1/accounts/update_credentials',
      params: { source: { privacy: 'unlisted', sensitive: true, language: 'de' } },
    }));
    const prefs = await firstValueFrom(api.preferences());
    assert.equal(prefs['posting:default:visibility'], 'unlisted');
    assert.equal(prefs['posting:default:sensitive'], true);
    assert.equal(prefs['posting:default:language'], 'de');
    const status = await firstValueFrom(api.statusPost('Hallo'));
    assert.equal(status.visibility, 'unlisted');
    assert.equal(status.language, 'de');
    assert.equal(status.sensitive, true);
    const owner = fake.server.createUser('owner');
    fakeAdmin(fake.server.store).of(owner.account.id).role = 'Owner';
    const ownerApi = new Mastodon({ api_base_url: fake.server.url, access_token: owner.token, version_check_mode: 'none' });
    assert.deepEqual((await firstValueFrom(ownerApi.me())).role, { id: '3', name: 'Owner', permissions: '1048575', color: '', highlighted: true });
  });

  it('makes a status with a content warning sensitive', async () => {
    const api = clientFor(fake.server, 'warner');
    assert.equal((await firstValueFrom(api.statusPost('spoilers', { spoiler_text: 'film' }))).sensitive, true);
  });
});

describe('signing up on the fake server', () => {
  const fake = useFakeServer();

  it('keeps the locale given, which new statuses and the admin API then show', async () => {
    const form = (fields: Record<string, string>): { method: string; headers: Record<string, string>; body: string } => ({
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString(),
    });
    const app = await (await fetch(`${fake.server.url}/api/v1/apps`, form({ client_name: 'signup', redirect_uris: 'urn:ietf:wg:oauth:2.0:oob', scopes: 'read write' }))).json() as { client_id: string; client_secret: string };
    const appToken = await (await fetch(`${fake.server.url}/oauth/token`, form({ grant_type: 'client_credentials', client_id: app.client_id, client_secret: app.client_secret, scope: 'read write' }))).json() as { access_token: string };
    const signup = form({ username: 'sprecher', email: 'sprecher@fake.example', password: 'swordfish', agreement: '1', locale: 'de' });
    const made = await (await fetch(`${fake.server.url}/api/v1/accounts`, { ...signup, headers: { ...signup.headers, authorization: `Bearer ${appToken.access_token}` } })).json() as { access_token: string };
    const api = new Mastodon({ api_base_url: fake.server.url, access_token: made.access_token, version_check_mode: 'none' });
    assert.equal((await firstValueFrom(api.preferences()))['posting:default:language'], 'de');
    assert.equal((await firstValueFrom(api.statusPost('Guten Tag'))).language, 'de');
    const me = await firstValueFrom(api.me());
    assert.equal(fakeAdmin(fake.server.store).adminAccount(fake.server.store.users.get(me.id)!)['locale'], 'de');
  });
});

describe('moderated accounts of the fake server', () => {
  const fake = useFakeServer();

  it('show limited while silenced, and an empty profile while suspended, everywhere', async () => {
    const admin = fake.server.createUser('moderator');
    fakeAdmin(fake.server.store).of(admin.account.id).role = 'Admin';
    const staff = new Mastodon({ api_base_url: fake.server.url, access_token: admin.token, version_check_mode: 'none' });
    const api = clientFor(fake.server, 'troublemaker');
    await firstValueFrom(api.accountUpdateCredentials({ display_name: 'Trouble', note: 'hi', fields: [['a', 'b']], locked: true }));
    const me = await firstValueFrom(api.me());

    await firstValueFrom(staff.adminAccountModerate(me, { action: 'silence' }));
    assert.equal((await firstValueFrom(staff.account(me))).limited, true);
    await firstValueFrom(staff.adminAccountUnsilence(me));
    assert.equal('limited' in (await firstValueFrom(staff.account(me))), false);

    await firstValueFrom(staff.adminAccountModerate(me, { action: 'suspend' }));
    const suspended = (await firstValueFrom(staff.adminAccount(me))).account;
    assert.equal(suspended.suspended, true);
    assert.deepEqual([suspended.display_name, suspended.note, suspended.fields, suspended.locked, suspended.discoverable], ['', '', [], false, false]);
    assert.match(suspended.avatar, /\/avatars\/original\/missing\.png$/);
    const restored = (await firstValueFrom(staff.adminAccountUnsuspend(me))).account;
    assert.equal('suspended' in restored, false);
    assert.deepEqual([restored.display_name, restored.note, restored.fields.length, restored.locked], ['Trouble', '<p>hi</p>', 1, true]);
  });
});
