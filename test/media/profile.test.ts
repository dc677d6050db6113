import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { MastodonAPIError, MastodonFileNotFoundError, MastodonIllegalArgumentError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { JPEG, PNG, UNKNOWN } from './fixtures.js';

describe('accountUpdateCredentials against the fake server', () => {
  const fake = useFakeServer();

  it('sends names, flags and fields as a form when no image is given', async () => {
    const api = clientFor(fake.server, 'profile1');
    const account = await firstValueFrom(api.accountUpdateCredentials({
      display_name: 'John Lennon', note: 'I walk funny', locked: true, bot: false, discoverable: true,
      fields: [['bread', 'toasty.'], { name: 'lasagna', value: 'no!!!' }],
    }));
    const request = fake.server.requestsTo('PATCH /api/v1/accounts/update_credentials').at(-1)!;
    assert.equal(request.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(request.body, {
      display_name: 'John Lennon', note: 'I walk funny', locked: '1', bot: '0', discoverable: '1',
      fields_attributes: { 0: { name: 'bread', value: 'toasty.' }, 1: { name: 'lasagna', value: 'no!!!' } },
    });
    assert.equal(account.display_name, 'John Lennon');
    assert.equal(account.locked, true);
    assert.equal(account.bot, false);
    assert.deepEqual(account.fields.map((f) => [f.name, f.value]), [['bread', 'toasty.'], ['lasagna', 'no!!!']]);
  });

  it('uploads avatar (a path) and header (bytes with a mime type) as multipart', async () => {
    const api = clientFor(fake.server, 'profile2');
    const dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-profile-'));
    const avatar = join(dir, 'me.png');
    writeFileSync(avatar, PNG);
    const account = await firstValueFrom(api.accountUpdateCredentials({
      note: 'new', avatar, header: UNKNOWN, header_mime_type: 'image/jpeg',
    }));
    const request = fake.server.requestsTo('PATCH /api/v1/accounts/update_credentials').at(-1)!;
    assert.match(request.contentType ?? '', /^multipart\/form-data/);
    assert.equal(request.body['note'], 'new');
    const [sentAvatar, sentHeader] = fake.server.uploads.slice(-2);
    assert.equal(sentAvatar!.type, 'image/png');
    assert.deepEqual(new Uint8Array(sentAvatar!.data), PNG);
    assert.equal(sentHeader!.type, 'image/jpeg');
    assert.match(account.avatar, /\/avatars\/.*\.png$/);
    assert.match(account.header, /\/headers\/.*\.jpg$/);
  });

  it('refuses more than four fields, undeterminable images and missing files before sending', async () => {
    const api = clientFor(fake.server, 'profile3');
    const before = fake.server.requestsTo('PATCH /api/v1/accounts/update_credentials').length;
    const five = Array.from({ length: 5 }, (_, i) => [`k${i}`, 'v'] as const);
    await assert.rejects(firstValueFrom(api.accountUpdateCredentials({ fields: five })), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.accountUpdateCredentials({ fields: [['a', 1 as unknown as string]] })), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.accountUpdateCredentials({ avatar: UNKNOWN })), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.accountUpdateCredentials({ header: '/no/such/header.png' })), MastodonFileNotFoundError);
    assert.equal(fake.server.requestsTo('PATCH /api/v1/accounts/update_credentials').length, before);
  });

  it('passes on the server refusing a non-image avatar', async () => {
    const api = clientFor(fake.server, 'profile4');
    await assert.rejects(firstValueFrom(api.accountUpdateCredentials({ avatar: JPEG, avatar_mime_type: 'video/mp4' })), (error: unknown) => {
      assert.ok(error instanceof MastodonAPIError, String(error));
      assert.equal(error.status, 422);
      return true;
    });
  });
});
