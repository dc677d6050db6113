import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
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
