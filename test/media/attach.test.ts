import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { concatMap, firstValueFrom } from 'rxjs';
import { MastodonAPIError, MastodonNotFoundError } from '../../src/index.js';
import { fakeMediaState } from '../../src/testing/routes/media.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { PNG, patterned } from './fixtures.js';

describe('uploads attached to statuses on the fake server', () => {
  const fake = useFakeServer();

  it('a status posted with media_ids carries the uploads, in order, with their descriptions', async () => {
    const api = clientFor(fake.server, 'attach1');
    const first = await firstValueFrom(api.mediaPost(Buffer.from(patterned(PNG, 2000)), { description: 'first' }));
    const second = await firstValueFrom(api.mediaPost(Buffer.from(patterned(PNG, 3000)), { description: 'second' }));
    const status = await firstValueFrom(api.statusPost('two pictures', { media_ids: [second, first] }));
    assert.deepEqual(status.media_attachments.map((m) => [m.id, m.description]), [[second.id, 'second'], [first.id, 'first']]);
    const read = await firstValueFrom(api.status(status.id));
    assert.deepEqual(read.media_attachments.map((m) => m.id), [second.id, first.id]);
    const media = await firstValueFrom(api.timelineHome({ only_media: true }));
    assert.ok(media.some((s) => s.id === status.id), 'an only_media timeline finds it');
  });

  it('an attached upload is no longer the media API\'s to read, and goes on no second status', async () => {
    const api = clientFor(fake.server, 'attach2');
    const upload = await firstValueFrom(api.mediaPost(Buffer.from(patterned(PNG, 2000))));
    await firstValueFrom(api.statusPost('once', { media_ids: [upload] }));
    await assert.rejects(firstValueFrom(api.mediaUpdate(upload, { description: 'late' })), MastodonNotFoundError);
    const again = await firstValueFrom(api.statusPost('twice', { media_ids: [upload] }));
    assert.deepEqual(again.media_attachments, []);
  });

  it('someone else\'s upload is left out; five uploads or one still processing are refused', async () => {
    const owner = clientFor(fake.server, 'attach3');
    const other = clientFor(fake.server, 'attach4');
    const theirs = await firstValueFrom(owner.mediaPost(Buffer.from(patterned(PNG, 2000))));
    await assert.rejects(firstValueFrom(other.statusPost('', { media_ids: [theirs] })), (error: unknown) =>
      error instanceof MastodonAPIError && error.status === 422);
    const five = await Promise.all([1, 2, 3, 4, 5].map(() => firstValueFrom(other.mediaPost(Buffer.from(patterned(PNG, 1000))))));
    await assert.rejects(firstValueFrom(other.statusPost('five', { media_ids: five })), /more than 4 files/);

    const pending = other.mediaPost(Buffer.from(patterned(PNG, 1000)));
    const error = await firstValueFrom(pending.pipe(concatMap((m) => {
      fakeMediaState(fake.server.store).attachments.get(m.id)!.pollsLeft = 1;
      return other.statusPost('too soon', { media_ids: [m] });
    }))).catch((e: unknown) => e);
    assert.ok(error instanceof MastodonAPIError && error.status === 422, String(error));
    assert.match(String(error), /not finished processing/);
  });
});
