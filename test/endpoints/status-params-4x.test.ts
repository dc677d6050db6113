import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { Mastodon, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { generateMediaEditAttributes } from '../../src/api.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { PNG, patterned } from '../media/fixtures.js';

// The status parameters Mastodon added after 4.0, on the wire as Mastodon.py 2.2 sends them.

describe('status parameters since Mastodon 4.0', () => {
  const fake = useFakeServer();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;

  it('statusPost sends quoted_status_id and quote_approval_policy, and never strict_content_type', async () => {
    const api = clientFor(fake.server, 'params_quoter');
    const quoted = await firstValueFrom(api.toot('quote me'));
    await firstValueFrom(api.statusPost('quoting', { quoted_status_id: quoted, quote_approval_policy: 'followers', strict_content_type: true }));
    assert.deepEqual(last('POST /api/v1/statuses').body, { status: 'quoting', quoted_status_id: quoted.id, quote_approval_policy: 'followers' });
  });

  it('statusPost, statusReply and statusUpdate refuse a quote policy Mastodon does not know, sending nothing', async () => {
    const api = clientFor(fake.server, 'params_bad_policy');
    const status = await firstValueFrom(api.toot('target'));
    const before = fake.server.requests.length;
    const bad = 'friends' as 'public';
    for (const call of [
      () => api.statusPost('x', { quote_approval_policy: bad }),
      () => api.statusReply(status, 'x', { quote_approval_policy: bad }),
      () => api.statusUpdate(status, { quote_approval_policy: bad }),
      () => api.statusPost('x', { quoted_status_id: '..' }),
      () => api.statusUpdate(status, { media_attributes: [{ id: '1' }], poll: api.makePoll(['a', 'b'], 600) }),
      () => api.statusUpdate(status, { media_attributes: 'alt' as never }),
      () => api.statusDelete(status, { delete_media: 'yes' as never }),
    ]) {
      await assert.rejects(lastValueFrom(call()), MastodonIllegalArgumentError);
    }
    assert.equal(fake.server.requests.length, before);
  });

  it('statusUpdate with media_attributes sends JSON with the media kept, and the server changes their alt text and focus', async () => {
    const api = clientFor(fake.server, 'params_editor');
    const upload = await firstValueFrom(api.mediaPost(Buffer.from(patterned(PNG, 2000)), { description: 'old' }));
    const status = await firstValueFrom(api.statusPost('a picture', { media_ids: [upload] }));
    const edit = generateMediaEditAttributes(upload, { description: 'A grey cat asleep', focus: [0.5, -0.25] });
    const edited = await firstValueFrom(api.statusUpdate(status, { status: 'a picture, described', language: 'de', media_attributes: [edit] }));
    const request = last('PUT /api/v1/statuses/{id}');
    assert.equal(request.contentType, 'application/json');
    assert.deepEqual(request.body, {
      status: 'a picture, described', language: 'de', media_ids: [upload.id],
      media_attributes: [{ id: upload.id, description: 'A grey cat asleep', focus: '0.5,-0.25' }],
    });
    assert.equal(edited.language, 'de');
    const read = await firstValueFrom(api.status(status));
    assert.equal(read.media_attachments[0]?.description, 'A grey cat asleep');
    assert.deepEqual(read.media_attachments[0]?.meta?.focus, { x: 0.5, y: -0.25 });
  });

  it('statusUpdate without media options leaves the body a form, as before', async () => {
    const api = clientFor(fake.server, 'params_form');
    const status = await firstValueFrom(api.toot('plain'));
    await firstValueFrom(api.statusUpdate(status, { status: 'plain, edited', quote_approval_policy: 'nobody' }));
    const request = last('PUT /api/v1/statuses/{id}');
    assert.equal(request.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(request.body, { status: 'plain, edited', quote_approval_policy: 'nobody' });
  });

  it('statusDelete keeps the media for a redraft, and with delete_media deletes them', async () => {
    const api = clientFor(fake.server, 'params_deleter');
    const kept = await firstValueFrom(api.mediaPost(Buffer.from(patterned(PNG, 2000))));
    const first = await firstValueFrom(api.statusPost('draft one', { media_ids: [kept] }));
    await firstValueFrom(api.statusDelete(first));
    assert.deepEqual(last('DELETE /api/v1/statuses/{id}').body, {});
    const redraft = await firstValueFrom(api.statusPost('draft two', { media_ids: [kept] }));
    assert.deepEqual(redraft.media_attachments.map((m) => m.id), [kept.id]);

    await firstValueFrom(api.statusDelete(redraft, { delete_media: true }));
    assert.deepEqual(last('DELETE /api/v1/statuses/{id}').body, { delete_media: '1' });
    const third = await firstValueFrom(api.statusPost('draft three', { media_ids: [kept] }));
    assert.deepEqual(third.media_attachments, []);
    await assert.rejects(firstValueFrom(api.media(kept)), MastodonNotFoundError);
  });
});

describe('generateMediaEditAttributes', () => {
  it('builds the entry Mastodon.py builds: id, alt text, focus "x,y", thumbnail as a data: URI', () => {
    assert.deepEqual(generateMediaEditAttributes({ id: '7' }), { id: '7' });
    const thumbnail = generateMediaEditAttributes('7', { thumbnail: PNG.subarray(0, 20) }).thumbnail!;
    assert.equal(thumbnail, `data:image/png;base64,${Buffer.from(PNG.subarray(0, 20)).toString('base64')}`);
    const typed = generateMediaEditAttributes('7', { thumbnail: new Uint8Array([1, 2, 3]).buffer, thumb_mimetype: 'image/webp' });
    assert.equal(typed.thumbnail, 'data:image/webp;base64,AQID');
    const api = new Mastodon({ api_base_url: 'https://m.example' });
    assert.deepEqual(api.generateMediaEditAttributes('8', { description: 'd', focus: [-1, 1] }), { id: '8', description: 'd', focus: '-1,1' });
  });

  it('throws MastodonIllegalArgumentError at once for a bad id, focus or thumbnail', () => {
    for (const call of [
      () => generateMediaEditAttributes(null as never),
      () => generateMediaEditAttributes('7', { focus: [2, 0] }),
      () => generateMediaEditAttributes('7', { focus: [0] as never }),
      () => generateMediaEditAttributes('7', { thumbnail: 'cat.png' as never }),
      () => generateMediaEditAttributes('7', { thumbnail: new Uint8Array([1, 2, 3]) }),
    ]) {
      assert.throws(call, MastodonIllegalArgumentError);
    }
  });
});
