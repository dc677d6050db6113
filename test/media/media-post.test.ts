import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, createReadStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import {
  FetchBackend, MastodonAPIError, MastodonFileNotFoundError, MastodonIllegalArgumentError, MastodonVersionError,
} from '../../src/index.js';
import { fakeMediaState } from '../../src/testing/routes/media.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { JPEG, MP4, PNG, UNKNOWN, patterned } from './fixtures.js';
import { within } from '../support/deadline.js';

const RANDOM_NAME = /^mastodonrxupload_\d+(\.\d+)?_[0-9a-f]{32}\.(png|jpg|mp4)$/;

describe('mediaPost against the fake server (4.0.2: v2 endpoint)', () => {
  const fake = useFakeServer();
  const dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-media-'));

  it('uploads bytes as a streamed multipart body, type from the magic bytes, a random name', async () => {
    const api = clientFor(fake.server, 'bytes1');
    const data = patterned(PNG, 300_000);
    const media = await firstValueFrom(api.mediaPost(Buffer.from(data), { description: 'a cat', focus: [-0.5, 0.3] }));
    assert.equal(media.type, 'image');
    assert.equal(typeof media.id, 'string');
    assert.equal(media.description, 'a cat');
    const request = fake.server.requestsTo('POST /api/v2/media').at(-1)!;
    assert.match(request.contentType ?? '', /^multipart\/form-data; boundary=[0-9a-f]{32}$/);
    assert.equal(request.headers['content-length'], String(Number(request.headers['content-length'])));
    assert.equal(request.body['description'], 'a cat');
    assert.equal(request.body['focus'], '-0.5,0.3');
    const upload = fake.server.uploads.at(-1)!;
    assert.equal(upload.type, 'image/png');
    assert.match(upload.filename, RANDOM_NAME);
    assert.ok(upload.filename.endsWith('.png'), upload.filename);
    assert.deepEqual(new Uint8Array(upload.data), data);
  });

  it('reads a path and streams it; a given type and name win over detection', async () => {
    const api = clientFor(fake.server, 'path1');
    const path = join(dir, 'photo.bin');
    writeFileSync(path, patterned(JPEG, 150_000));
    await firstValueFrom(api.mediaPost(path));
    assert.equal(fake.server.uploads.at(-1)!.type, 'image/jpeg');
    assert.deepEqual(new Uint8Array(fake.server.uploads.at(-1)!.data), patterned(JPEG, 150_000));
    await firstValueFrom(api.mediaPost(path, { mime_type: 'image/webp', file_name: 'holiday.webp' }));
    assert.equal(fake.server.uploads.at(-1)!.type, 'image/webp');
    assert.equal(fake.server.uploads.at(-1)!.filename, 'holiday.webp');
  });

  it('falls back to the file name when the bytes say nothing, and refuses when neither does', async () => {
    const api = clientFor(fake.server, 'name1');
    const path = join(dir, 'clip.mp4');
    writeFileSync(path, UNKNOWN);
    await firstValueFrom(api.mediaPost(path));
    assert.equal(fake.server.uploads.at(-1)!.type, 'video/mp4');
    assert.match(fake.server.uploads.at(-1)!.filename, RANDOM_NAME, 'a path\'s own name is not sent');
    const before = fake.server.requestsTo('POST /api/v2/media').length;
    await assert.rejects(firstValueFrom(api.mediaPost(UNKNOWN)), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.mediaPost(join(dir, 'blob.dat'))), MastodonFileNotFoundError);
    writeFileSync(join(dir, 'blob.dat'), UNKNOWN);
    await assert.rejects(firstValueFrom(api.mediaPost(join(dir, 'blob.dat'))), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.mediaPost(dir)), MastodonFileNotFoundError, 'a directory is not a file');
    await assert.rejects(firstValueFrom(api.mediaPost(42 as unknown as Uint8Array)), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.mediaPost(PNG, { focus: [2, 0] })), MastodonIllegalArgumentError);
    assert.equal(fake.server.requestsTo('POST /api/v2/media').length, before, 'nothing sent for bad input');
  });

  it('takes a Blob, a File (its name as a type hint), a Node Readable, a web ReadableStream and an async iterable', async () => {
    const api = clientFor(fake.server, 'kinds1');
    const data = patterned(JPEG, 200_000);
    await firstValueFrom(api.mediaPost(new Blob([data])));
    assert.deepEqual(new Uint8Array(fake.server.uploads.at(-1)!.data), data);
    await firstValueFrom(api.mediaPost(new File([UNKNOWN], 'voice.ogg')));
    assert.equal(fake.server.uploads.at(-1)!.type, 'audio/ogg');

    const chunks = [data.subarray(0, 10), data.subarray(10, 70_000), data.subarray(70_000)];
    await firstValueFrom(api.mediaPost(Readable.from(chunks.map((c) => Buffer.from(c)))));
    assert.deepEqual(new Uint8Array(fake.server.uploads.at(-1)!.data), data);
    assert.equal(fake.server.uploads.at(-1)!.type, 'image/jpeg');

    await firstValueFrom(api.mediaPost(new Blob([data]).stream()));
    assert.deepEqual(new Uint8Array(fake.server.uploads.at(-1)!.data), data);

    async function* generate(): AsyncGenerator<Uint8Array> {
      for (const chunk of chunks) yield chunk;
    }
    await firstValueFrom(api.mediaPost(generate()));
    assert.deepEqual(new Uint8Array(fake.server.uploads.at(-1)!.data), data);
    const request = fake.server.requestsTo('POST /api/v2/media').at(-1)!;
    assert.equal(request.headers['content-length'], undefined, 'a stream of unknown length goes chunked');

    const path = join(dir, 'stream.jpg');
    writeFileSync(path, UNKNOWN);
    await firstValueFrom(api.mediaPost(createReadStream(path)));
    assert.equal(fake.server.uploads.at(-1)!.type, 'image/jpeg', 'an fs stream\'s path is a type hint');
  });

  it('re-reads paths and bytes on a second subscription, and refuses to resend a one-shot stream', async () => {
    const api = clientFor(fake.server, 'retry1');
    const fromBytes = api.mediaPost(JPEG);
    await firstValueFrom(fromBytes);
    await firstValueFrom(fromBytes);
    assert.deepEqual(fake.server.uploads.slice(-2).map((u) => u.data.length), [JPEG.length, JPEG.length]);
    const fromStream = api.mediaPost(Readable.from([Buffer.from(JPEG)]));
    await firstValueFrom(fromStream);
    const before = fake.server.requestsTo('POST /api/v2/media').length;
    await assert.rejects(firstValueFrom(fromStream), (error: unknown) => {
      assert.ok(error instanceof MastodonIllegalArgumentError, String(error));
      assert.match(error.message, /already read/);
      return true;
    });
    assert.equal(fake.server.requestsTo('POST /api/v2/media').length, before);
  });

  it('streams through the fetch backend too', async () => {
    const api = clientFor(fake.server, 'fetch1', { session: new FetchBackend() });
    const data = patterned(PNG, 2_000_000);
    const events = await lastValueFrom(api.mediaPostWithProgress(new Blob([data])).pipe(toArray()));
    assert.ok(Buffer.from(data).equals(fake.server.uploads.at(-1)!.data), 'the bytes arrive intact');
    assert.equal(events.at(-1)!.type, 'done');
    const progress = events.filter((e) => e.type === 'progress').length;
    assert.ok(progress > 30, `${progress} progress events for 2 MB`);
  });

  it('reports progress up to the whole body, then the media', async () => {
    const api = clientFor(fake.server, 'progress1');
    const events = await lastValueFrom(api.mediaPostWithProgress(patterned(PNG, 1_000_000)).pipe(toArray()));
    const progress = events.filter((e) => e.type === 'progress');
    const total = Number(fake.server.requestsTo('POST /api/v2/media').at(-1)!.headers['content-length']);
    assert.ok(progress.length > 10, `${progress.length} progress events for 1 MB`);
    assert.deepEqual(progress[0], { type: 'progress', loaded: 0, total });
    assert.deepEqual(progress.at(-1), { type: 'progress', loaded: total, total });
    for (let i = 1; i < progress.length; i++) assert.ok(progress[i]!.loaded > progress[i - 1]!.loaded, `progress grows at ${i}`);
    assert.equal(events.at(-1)!.type, 'done');
    assert.equal(events.filter((e) => e.type === 'done').length, 1);
  });

  it('sends a thumbnail as a second file part', async () => {
    const api = clientFor(fake.server, 'thumb1');
    const media = await firstValueFrom(api.mediaPost(MP4, { thumbnail: JPEG }));
    assert.equal(media.type, 'video');
    const [file, thumbnail] = fake.server.uploads.slice(-2);
    assert.equal(file!.type, 'video/mp4');
    assert.equal(thumbnail!.type, 'image/jpeg');
    assert.equal(fake.server.requestsTo('POST /api/v2/media').at(-1)!.body['thumbnail'], `upload:${fake.server.uploads.length - 1}`);
  });

  it('answers a video with url null (202), and synchronous waits for processing', async () => {
    const api = clientFor(fake.server, 'sync1');
    fakeMediaState(fake.server.store).processingPolls = 0;
    const pending = await firstValueFrom(api.mediaPost(MP4));
    assert.equal(pending.url, null);
    const done = await firstValueFrom(api.mediaPost(MP4, { synchronous: true }));
    assert.match(done.url ?? '', /\.mp4$/);
    assert.equal(fake.server.requestsTo('GET /api/v1/media/{id}').at(-1)!.path, `/api/v1/media/${done.id}`);
    const processed = await firstValueFrom(api.media(pending));
    assert.notEqual(processed.url, null);
  });

  it('turns failed processing into a clear MastodonAPIError', async () => {
    const api = clientFor(fake.server, 'sync2');
    const state = fakeMediaState(fake.server.store);
    state.failProcessing = true;
    try {
      await assert.rejects(firstValueFrom(api.mediaPost(MP4, { synchronous: true })), (error: unknown) => {
        assert.ok(error instanceof MastodonAPIError, String(error));
        assert.match(error.message, /could not be processed/);
        assert.equal(error.status, 422);
        return true;
      });
    } finally {
      state.failProcessing = false;
    }
  });

  it('updates description, focus and thumbnail', async () => {
    const api = clientFor(fake.server, 'update1');
    const media = await firstValueFrom(api.mediaPost(MP4));
    const updated = await firstValueFrom(api.mediaUpdate(media, { description: 'John walks', focus: [0.69, 0.69] }));
    assert.equal(updated.description, 'John walks');
    const plain = fake.server.requestsTo('PUT /api/v1/media/{id}').at(-1)!;
    assert.equal(plain.contentType, 'application/x-www-form-urlencoded');
    assert.deepEqual(plain.body, { description: 'John walks', focus: '0.69,0.69' });
    await firstValueFrom(api.mediaUpdate(media.id, { thumbnail: JPEG }));
    const multipart = fake.server.requestsTo('PUT /api/v1/media/{id}').at(-1)!;
    assert.match(multipart.contentType ?? '', /^multipart\/form-data/);
    assert.equal(fake.server.uploads.at(-1)!.type, 'image/jpeg');
  });

  it('cancels an upload in flight: the source stream is released', async () => {
    const api = clientFor(fake.server, 'cancel1');
    let released = false;
    let sent = 0;
    async function* endless(): AsyncGenerator<Uint8Array> {
      try {
        yield PNG;
        for (;;) {
          await new Promise((resolve) => setImmediate(resolve));
          sent += 65536;
          yield new Uint8Array(65536);
        }
      } finally {
        released = true;
      }
    }
    await within(new Promise<void>((resolve, reject) => {
      const subscription = api.mediaPostWithProgress(endless()).subscribe({
        next: (event) => {
          if (event.type === 'progress' && event.loaded > 1_000_000) {
            subscription.unsubscribe();
            resolve();
          }
        },
        error: reject,
      });
    }), 10_000, 'a megabyte of the endless upload was sent');
    for (let i = 0; i < 50 && !released; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.ok(released, 'the generator was closed');
    const after = sent;
    await new Promise((resolve) => setTimeout(resolve, 30));
    assert.equal(sent, after, 'no more reads after unsubscribe');
  });
});

describe('mediaPost and old servers', () => {
  const old = useFakeServer({ version: '3.0.0' });
  const mid = useFakeServer({ version: '3.1.4' });

  it('uses /api/v1/media before 3.1.4', async () => {
    const api = clientFor(old.server, 'old1');
    const media = await firstValueFrom(api.mediaPost(MP4));
    assert.notEqual(media.url, null, 'v1 answers processed media');
    assert.equal(old.server.requestsTo('POST /api/v1/media').length, 1);
    assert.equal(old.server.requestsTo('POST /api/v2/media').length, 0);
  });

  it('refuses a thumbnail before 3.2.0, sending nothing', async () => {
    const api = clientFor(mid.server, 'mid1');
    await assert.rejects(firstValueFrom(api.mediaPost(MP4, { thumbnail: JPEG })), MastodonVersionError);
    await assert.rejects(firstValueFrom(api.mediaUpdate('1', { thumbnail: JPEG })), MastodonVersionError);
    assert.equal(mid.server.requestsTo('POST /api/v2/media').length, 0);
  });
});
