import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { Mastodon } from '../../src/index.js';
import { loadCassette } from '../support/cassettes.js';
import { assertSameUpload, recordedUpload, startUploadReplay } from './multipart-replay.js';

/**
 * Replays a recording: `drive` makes its calls on a client (a 4.0.2 server, as recorded)
 * pointed at a server that answers the recorded responses; then every request sent must be
 * the recorded one, multipart bodies compared field by field and file by file.
 */
async function replayUploads<T>(cassette: string, drive: (api: Mastodon, files: RecordedFiles) => Promise<T>): Promise<T> {
  const interactions = loadCassette(cassette);
  const recorded = await Promise.all(interactions.map(recordedUpload));
  const files: RecordedFiles = (index, name) => Buffer.from(recorded[index]!.files[name]!.data);
  const server = await startUploadReplay(interactions);
  try {
    const api = new Mastodon({ api_base_url: server.url, access_token: 'token', mastodon_version: '4.0.2' });
    const result = await drive(api, files);
    assert.equal(server.received.length, interactions.length, `every request recorded in ${cassette} was sent, and no other`);
    const received = await Promise.all(server.received);
    received.forEach((request, i) => assertSameUpload(request, recorded[i]!));
    return result;
  } finally {
    await server.close();
  }
}

/** The bytes of file field `name` in the recorded request number `index`. */
type RecordedFiles = (index: number, name: string) => Buffer;

describe('media and profile uploads replayed against real Mastodon 4.0.2 traffic', () => {
  for (const [cassette, sensitive] of [['test_media_post[True].yaml', true], ['test_media_post[False].yaml', false]] as const) {
    it(`${cassette}: a video with a thumbnail, waited for, then posted`, async () => {
      const media = await replayUploads(cassette, async (api, files) => {
        const upload = files(0, 'file');
        const posted = await firstValueFrom(api.mediaPost(upload, {
          description: 'me when a cat', focus: [-0.5, 0.3], synchronous: true, thumbnail: files(0, 'thumbnail'),
        }));
        const status = await firstValueFrom(api.statusPost('LOL check this out', { media_ids: [posted], sensitive }));
        await firstValueFrom(api.statusDelete(status));
        return posted;
      });
      assert.match(media.url ?? '', /\.mp4$/);
      assert.equal(media.blurhash, 'UPNKI$xbloIA9ZoI.8RjK-oy%NkD%hW?i^t6');
    });
  }

  for (const cassette of ['test_media_post_file.yaml', 'test_media_post_pathlib.yaml']) {
    it(`${cassette}: an image from a path`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-cassette-'));
      const media = await replayUploads(cassette, async (api, files) => {
        const path = join(dir, 'image.jpg');
        writeFileSync(path, files(0, 'file'));
        return firstValueFrom(api.mediaPost(path));
      });
      assert.equal(media.type, 'image');
    });
  }

  it('test_media_update.yaml: description, focus and a new thumbnail', async () => {
    const updated = await replayUploads('test_media_update.yaml', async (api, files) => {
      const media = await firstValueFrom(api.mediaPost(files(0, 'file'), { description: 'me when a cat', focus: [-0.5, 0.3] }));
      assert.equal(media.url, null, 'v2 answers 202 before processing');
      return firstValueFrom(api.mediaUpdate(media, {
        description: 'John Lennon doing a cool walk', focus: [0.69, 0.69], thumbnail: files(1, 'thumbnail'),
      }));
    });
    assert.equal(updated.description, 'John Lennon doing a cool walk');
  });

  for (const [cassette, parts] of [
    ['test_account_update_credentials.yaml', ['avatar', 'header']],
    ['test_account_update_credentials_no_header.yaml', ['avatar']],
    ['test_account_update_credentials_no_avatar.yaml', ['header']],
  ] as const) {
    it(`${cassette}: names, note, fields and images`, async () => {
      const account = await replayUploads(cassette, async (api, files) => firstValueFrom(api.accountUpdateCredentials({
        display_name: 'John Lennon',
        note: 'I walk funny',
        ...(parts.includes('avatar' as never) ? { avatar: files(0, 'avatar'), avatar_mime_type: 'image/jpeg' } : {}),
        ...(parts.includes('header' as never) ? { header: files(0, 'header'), header_mime_type: 'image/jpeg' } : {}),
        ...(cassette === 'test_account_update_credentials.yaml' ? { fields: [['bread', 'toasty.'], ['lasagna', 'no!!!']] as const } : {}),
      })));
      assert.equal(account.display_name, 'John Lennon');
    });
  }
});
