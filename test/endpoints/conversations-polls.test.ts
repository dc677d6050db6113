import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonAPIError, MastodonIllegalArgumentError, type Page, type Status } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('conversations, favourites, suggestions and polls against the fake server', () => {
  const fake = useFakeServer();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;
  const idOfUser = (api: ReturnType<typeof clientFor>) => firstValueFrom(api.accountVerifyCredentials()).then((a) => a.id);

  it('a direct message makes an unread conversation for the recipient, which can be read', async () => {
    const sender = clientFor(fake.server, 'cv_sender');
    const recipient = clientFor(fake.server, 'cv_recipient');
    const message = await firstValueFrom(sender.statusPost('@cv_recipient ilu bby ;3', { visibility: 'direct' }));

    const [conversation] = await firstValueFrom(recipient.conversations({ limit: 5 }));
    assert.deepEqual(last('GET /api/v1/conversations/').query, { limit: '5' });
    assert.ok(conversation);
    assert.equal(conversation.unread, true);
    assert.equal(conversation.last_status?.id, message.id);
    assert.ok(conversation.last_status?.created_at instanceof Date);
    assert.deepEqual(conversation.accounts.map((a) => a.username), ['cv_sender']);

    const read = await firstValueFrom(recipient.conversationsRead(conversation));
    assert.equal(last('POST /api/v1/conversations/{id}/read').path, `/api/v1/conversations/${conversation.id}/read`);
    assert.equal(read.unread, false);
    const [own] = await firstValueFrom(sender.conversations());
    assert.equal(own?.unread, false);
  });

  it('favourites and bookmarks page by their own cursors, through the Link header', async () => {
    const api = clientFor(fake.server, 'fb_me');
    const author = clientFor(fake.server, 'fb_author');
    const statuses: Status[] = [];
    for (const text of ['one', 'two', 'three']) statuses.push(await firstValueFrom(author.toot(text)));
    // Marked in another order than posted: the newest mark comes first, whatever the status id.
    for (const status of [statuses[2]!, statuses[0]!, statuses[1]!]) {
      await firstValueFrom(api.statusFavourite(status));
      await firstValueFrom(api.statusBookmark(status));
    }
    for (const [method, route] of [['favourites', 'GET /api/v1/favourites'], ['bookmarks', 'GET /api/v1/bookmarks']] as const) {
      const first: Page<Status> = await firstValueFrom(api[method]({ limit: 2 }));
      assert.deepEqual(last(route).query, { limit: '2' });
      assert.deepEqual(first.map((s) => s.id), [statuses[1]!.id, statuses[0]!.id]);
      const next = first._pagination_next!;
      const cursor = new URL(next.url).searchParams.get('max_id');
      assert.notEqual(cursor, statuses[0]!.id, 'the cursor is the mark, not the status id');
      const second = await firstValueFrom(api.apiRequest<Status[]>({ method: 'GET', path: next.url }));
      assert.deepEqual(second.map((s) => s.id), [statuses[2]!.id]);
    }
  });

  it('suggestions leave out followed and dismissed accounts', async () => {
    const api = clientFor(fake.server, 'sg_me');
    const [aId, bId] = await Promise.all([idOfUser(clientFor(fake.server, 'sg_a')), idOfUser(clientFor(fake.server, 'sg_b'))]);
    const before = (await firstValueFrom(api.suggestions())).map((a) => a.id);
    assert.ok(before.includes(aId) && before.includes(bId));
    await lastValueFrom(api.suggestionDelete(aId));
    assert.equal(last('DELETE /api/v1/suggestions/{account_id}').path, `/api/v1/suggestions/${aId}`);
    await firstValueFrom(api.accountFollow(bId));
    const after = (await firstValueFrom(api.suggestions())).map((a) => a.id);
    assert.ok(!after.includes(aId) && !after.includes(bId));
  });

  it('makePoll builds the four keys; pollVote sends choices[] and emits the poll', async () => {
    const author = clientFor(fake.server, 'pl_author');
    const voter = clientFor(fake.server, 'pl_voter');
    assert.deepEqual(author.makePoll(['four twenty', 'sixty-nine'], 300, { multiple: true }),
      { options: ['four twenty', 'sixty-nine'], expires_in: 300, multiple: true, hide_totals: false });
    const status = await firstValueFrom(author.statusPost('nice', { poll: author.makePoll(['four twenty', 'sixty-nine'], 300, { multiple: true }) }));
    const pollId = status.poll!.id;

    const voted = await firstValueFrom(voter.pollVote(pollId, 1));
    assert.deepEqual(last('POST /api/v1/polls/{id}/votes').body, { choices: ['1'] });
    assert.deepEqual(voted.own_votes, [1]);
    assert.equal(voted.voted, true);
    assert.ok(voted.expires_at instanceof Date);
    const again = await firstValueFrom(voter.pollVote(status.poll!, [0]));
    assert.deepEqual(again.own_votes, [1, 0]);
    assert.equal(again.votes_count, 2);
    const read = await firstValueFrom(voter.poll(pollId));
    assert.equal(last('GET /api/v1/polls/{id}').path, `/api/v1/polls/${pollId}`);
    assert.deepEqual(read.options.map((o) => o.votes_count), [1, 1]);
    await assert.rejects(firstValueFrom(voter.pollVote(pollId, 0)), MastodonAPIError);
    await assert.rejects(lastValueFrom(voter.pollVote(pollId, -1)), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(voter.pollVote(pollId, [])), MastodonIllegalArgumentError);
  });
});
