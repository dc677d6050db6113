import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { PNG, patterned } from '../media/fixtures.js';

describe('deleting uploads and conversations', () => {
  const fake = useFakeServer();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;

  it('mediaDelete deletes a free upload; one a status carries is refused with 422, someone else\'s is 404', async () => {
    const api = clientFor(fake.server, 'md_owner');
    const other = clientFor(fake.server, 'md_other');
    const free = await firstValueFrom(api.mediaPost(Buffer.from(patterned(PNG, 1000))));
    const result = await firstValueFrom(api.mediaDelete(free));
    assert.equal(result, undefined);
    assert.equal(last('DELETE /api/v1/media/{id}').path, `/api/v1/media/${free.id}`);
    await assert.rejects(firstValueFrom(api.media(free)), MastodonNotFoundError);
    await assert.rejects(firstValueFrom(api.mediaDelete(free)), MastodonNotFoundError);

    const used = await firstValueFrom(api.mediaPost(Buffer.from(patterned(PNG, 1000))));
    await firstValueFrom(api.statusPost('with a picture', { media_ids: [used] }));
    await assert.rejects(firstValueFrom(api.mediaDelete(used)), (error: unknown) =>
      error instanceof MastodonAPIError && error.status === 422 && /currently used by a status/.test(error.message));
    const theirs = await firstValueFrom(other.mediaPost(Buffer.from(patterned(PNG, 1000))));
    await assert.rejects(firstValueFrom(api.mediaDelete(theirs)), MastodonNotFoundError);
    assert.equal((await firstValueFrom(other.media(theirs))).id, theirs.id, 'still there');
  });

  it('conversationsUnread marks a conversation unread again; conversationDelete removes it until the thread goes on', async () => {
    const sender = clientFor(fake.server, 'cd_sender');
    const recipient = clientFor(fake.server, 'cd_recipient');
    const first = await firstValueFrom(sender.statusPost('@cd_recipient psst', { visibility: 'direct' }));
    const [conversation] = await firstValueFrom(recipient.conversations());
    await firstValueFrom(recipient.conversationsRead(conversation!));
    const unread = await firstValueFrom(recipient.conversationsUnread(conversation!));
    assert.equal(last('POST /api/v1/conversations/{id}/unread').path, `/api/v1/conversations/${conversation!.id}/unread`);
    assert.equal(unread.unread, true);
    assert.equal((await firstValueFrom(recipient.conversations()))[0]?.unread, true);

    assert.equal(await firstValueFrom(recipient.conversationDelete(conversation!)), undefined);
    assert.equal(last('DELETE /api/v1/conversations/{id}').path, `/api/v1/conversations/${conversation!.id}`);
    assert.deepEqual(await firstValueFrom(recipient.conversations()), []);
    assert.equal((await firstValueFrom(sender.conversations())).length, 1, 'the other side keeps theirs');
    await assert.rejects(firstValueFrom(recipient.conversationDelete(conversation!)), MastodonNotFoundError);
    await assert.rejects(firstValueFrom(recipient.conversationsUnread(conversation!)), MastodonNotFoundError);

    await firstValueFrom(sender.statusPost('@cd_recipient still there?', { visibility: 'direct', in_reply_to_id: first }));
    assert.equal((await firstValueFrom(recipient.conversations())).length, 1, 'a new message brings it back');
  });

  it('check their arguments before sending anything', async () => {
    const api = clientFor(fake.server, 'md_args');
    const before = fake.server.requests.length;
    const calls: (() => Observable<unknown>)[] = [
      () => api.mediaDelete('..'), () => api.mediaDelete(undefined as never),
      () => api.conversationDelete({} as never), () => api.conversationsUnread('a/b'),
    ];
    for (const call of calls) await assert.rejects(lastValueFrom(call()), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});
