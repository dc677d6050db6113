import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { filter, firstValueFrom, take } from 'rxjs';
import { MastodonClient, type StreamEvent } from '../../src/core.js';
import {
  createApp, fetchRemaining, logIn, mediaPost, revokeAccessToken, statusPost, streamUser, timelineHome, trendingTags,
  verifyMinimumVersion,
} from '../../src/api.js';
import { MastodonUnauthorizedError } from '../../src/index.js';
import { useFakeServer } from '../support/fake.js';

// The calls that the mechanical test leaves out (apps and tokens, pages, streams, uploads,
// version switches), made with a bare MastodonClient and the functions of mastodon-rx/api.
describe('a bare MastodonClient with the functions of mastodon-rx/api', () => {
  const fake = useFakeServer();

  it('registers an app, logs in, posts, reads pages, streams, uploads and logs out', async () => {
    fake.server.store.addUser('bare', 'bare@example.com', 'password-bare');
    const [client_id, client_secret] = await firstValueFrom(createApp('bareapp', { api_base_url: fake.server.url }));
    const client = new MastodonClient({ api_base_url: fake.server.url, client_id, client_secret, version_check_mode: 'none' });
    await firstValueFrom(logIn(client, 'bare@example.com', 'password-bare'));
    assert.equal(typeof client.access_token, 'string');

    const live = streamUser(client);
    const update = firstValueFrom(live.pipe(filter((e): e is Extract<StreamEvent, { type: 'update' }> => e.type === 'update'), take(1)));
    await firstValueFrom(live.status$.pipe(filter((s) => s.state === 'open'), take(1)));
    for (const text of ['one', 'two', 'three']) await firstValueFrom(statusPost(client, text));
    assert.equal((await update).payload.content, '<p>one</p>');

    const first = await firstValueFrom(timelineHome(client, { limit: 2 }));
    assert.equal(first.length, 2);
    const all = await firstValueFrom(fetchRemaining(client, first));
    assert.deepEqual(all.map((s) => s.content), ['<p>three</p>', '<p>two</p>', '<p>one</p>']);

    const media = await firstValueFrom(mediaPost(client, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), { description: 'a dot' }));
    assert.equal(media.description, 'a dot');
    assert.equal(await firstValueFrom(verifyMinimumVersion(client, '3.5.0')), true);
    assert.ok(Array.isArray(await firstValueFrom(trendingTags(client, { limit: 1 }))));

    await firstValueFrom(revokeAccessToken(client), { defaultValue: undefined });
    assert.equal(client.access_token, undefined);
    await assert.rejects(firstValueFrom(timelineHome(client)), MastodonUnauthorizedError);
  });
});
