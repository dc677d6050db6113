import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import type { MediaPostOptions, MediaUpdateOptions } from '../../src/index.js';
import { fakeMediaState } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { JPEG, MP4 } from './fixtures.js';

// Uploads pass options they do not know on with the other fields, and keep their own.

describe('mediaPost and mediaUpdate with options the library does not know', () => {
  const fake = useFakeServer();

  it('mediaPost sends them as multipart fields, and never its client-side options', async () => {
    const api = clientFor(fake.server, 'mediaopts1');
    fakeMediaState(fake.server.store).processingPolls = 0;
    const options = { description: 'A cat', file_name: 'cat.jpg', mime_type: 'image/jpeg', synchronous: true, synchronous_timeout: 60, alt_language: 'de' };
    await firstValueFrom(api.mediaPost(JPEG, options as MediaPostOptions));
    assert.deepEqual(fake.server.requestsTo('POST /api/v2/media').at(-1)!.body,
      { description: 'A cat', alt_language: 'de', file: `upload:${fake.server.uploads.length - 1}` });
  });

  it('mediaUpdate sends them in its form, and in its multipart body with a thumbnail', async () => {
    const api = clientFor(fake.server, 'mediaopts2');
    const media = await firstValueFrom(api.mediaPost(MP4));
    await firstValueFrom(api.mediaUpdate(media, { description: 'A walk', id: 'other', alt_language: 'fr' } as MediaUpdateOptions));
    const form = fake.server.requestsTo('PUT /api/v1/media/{id}').at(-1)!;
    assert.equal(form.path, `/api/v1/media/${media.id}`);
    assert.deepEqual(form.body, { description: 'A walk', alt_language: 'fr' });
    await firstValueFrom(api.mediaUpdate(media, { thumbnail: JPEG, thumbnail_mime_type: 'image/jpeg', alt_language: 'it' } as MediaUpdateOptions));
    const multipart = fake.server.requestsTo('PUT /api/v1/media/{id}').at(-1)!;
    assert.deepEqual(multipart.body, { alt_language: 'it', thumbnail: `upload:${fake.server.uploads.length - 1}` });
  });
});
