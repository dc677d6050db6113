import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { Mastodon, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { FakeMastodon } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('statuses against the fake server', () => {
  const fake = useFakeServer();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;

  it('statusContext returns ancestors and descendants of a thread', async () => {
    const api = clientFor(fake.server, 'ctx1');
    const root = await firstValueFrom(api.toot('root'));
    const middle = await firstValueFrom(api.statusPost('middle', { in_reply_to_id: root }));
    const leaf = await firstValueFrom(api.statusPost('leaf', { in_reply_to_id: middle.id }));
    const context = await firstValueFrom(api.statusContext(middle));
    assert.equal(last('GET /api/v1/statuses/{id}/context').path, `/api/v1/statuses/${middle.id}/context`);
    assert.deepEqual(context.ancestors.map((s) => s.id), [root.id]);
    assert.deepEqual(context.descendants.map((s) => s.id), [leaf.id]);
    assert.ok(context.ancestors[0]!.created_at instanceof Date);
  });

  it('favourite, reblog and their reverse update the status and list who did it', async () => {
    const author = clientFor(fake.server, 'fav_author');
    const fan = clientFor(fake.server, 'fav_fan');
    const status = await firstValueFrom(author.toot('like me'));

    const favourited = await firstValueFrom(fan.statusFavourite(status));
    assert.equal(last('POST /api/v1/statuses/{id}/favourite').path, `/api/v1/statuses/${status.id}/favourite`);
    assert.equal(favourited.favourited, true);
    assert.equal(favourited.favourites_count, 1);
    const favouriters = await firstValueFrom(author.statusFavouritedBy(status.id));
    assert.deepEqual(favouriters.map((a) => a.username), ['fav_fan']);
    assert.ok(favouriters[0]!.created_at instanceof Date);

    const boost = await firstValueFrom(fan.statusReblog(status, { visibility: 'unlisted' }));
    assert.deepEqual(last('POST /api/v1/statuses/{id}/reblog').body, { visibility: 'unlisted' });
    assert.equal(boost.reblog?.id, status.id);
    assert.equal(boost.reblog?.reblogged, true);
    assert.equal(boost.visibility, 'unlisted');
    const rebloggers = await firstValueFrom(author.statusRebloggedBy(status));
    assert.deepEqual(rebloggers.map((a) => a.username), ['fav_fan']);

    const unboosted = await firstValueFrom(fan.statusUnreblog(status));
    assert.equal(unboosted.reblogged, false);
    assert.deepEqual(await firstValueFrom(author.statusRebloggedBy(status)), []);
    const unfavourited = await firstValueFrom(fan.statusUnfavourite(status));
    assert.equal(unfavourited.favourited, false);
    assert.equal(unfavourited.favourites_count, 0);

    const types = fake.server.store.notifications.filter((n) => n.status?.id === status.id).map((n) => n.type);
    assert.deepEqual(types, ['favourite', 'reblog']);
  });

  it('statusReblog checks visibility before sending', async () => {
    const api = clientFor(fake.server, 'reblog_bad');
    const before = fake.server.requests.length;
    await assert.rejects(lastValueFrom(api.statusReblog('1', { visibility: 'everyone' as 'public' })), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('mute, pin and bookmark toggle their flags for the acting user', async () => {
    const api = clientFor(fake.server, 'flags1');
    const status = await firstValueFrom(api.toot('flags'));
    assert.equal((await firstValueFrom(api.statusMute(status))).muted, true);
    assert.equal((await firstValueFrom(api.statusUnmute(status))).muted, false);
    assert.equal((await firstValueFrom(api.statusPin(status))).pinned, true);
    assert.equal((await firstValueFrom(api.statusUnpin(status))).pinned, false);
    assert.equal((await firstValueFrom(api.statusBookmark(status))).bookmarked, true);
    assert.equal((await firstValueFrom(api.statusUnbookmark(status))).bookmarked, false);
    for (const action of ['mute', 'unmute', 'pin', 'unpin', 'bookmark', 'unbookmark']) {
      const request = last(`POST /api/v1/statuses/{id}/${action}`);
      assert.equal(request.method, 'POST');
      assert.equal(request.path, `/api/v1/statuses/${status.id}/${action}`);
      assert.deepEqual(request.body, {});
    }
  });

  it('statusUpdate edits with PUT, keeps a history and serves the source', async () => {
    const api = clientFor(fake.server, 'editor');
    const status = await firstValueFrom(api.toot('first draft'));
    assert.deepEqual(await firstValueFrom(api.statusHistory(status)), []);
    const edited = await firstValueFrom(api.statusUpdate(status, { status: 'second draft', spoiler_text: 'cw', sensitive: false }));
    const request = last('PUT /api/v1/statuses/{id}');
    assert.equal(request.method, 'PUT');
    assert.deepEqual(request.body, { status: 'second draft', spoiler_text: 'cw', sensitive: '0' });
    assert.ok(edited.edited_at instanceof Date);
    assert.equal(edited.spoiler_text, 'cw');
    const history = await firstValueFrom(api.statusHistory(status.id));
    assert.deepEqual(history.map((e) => e.content), ['<p>first draft</p>', '<p>second draft</p>']);
    assert.ok(history[1]!.created_at instanceof Date);
    const source = await firstValueFrom(api.statusSource(status));
    assert.deepEqual(source, { id: status.id, text: 'second draft', spoiler_text: 'cw' });
  });

  it('statusUpdate sends a new poll as JSON and refuses media with a poll', async () => {
    const api = clientFor(fake.server, 'editor2');
    const status = await firstValueFrom(api.toot('poll later'));
    const edited = await firstValueFrom(api.statusUpdate(status, { poll: api.makePoll(['yes', 'no'], 600) }));
    const request = last('PUT /api/v1/statuses/{id}');
    assert.equal(request.contentType, 'application/json');
    assert.deepEqual(request.body, { poll: { options: ['yes', 'no'], expires_in: 600, multiple: false, hide_totals: false } });
    assert.deepEqual(edited.poll?.options.map((o) => o.title), ['yes', 'no']);
    await assert.rejects(lastValueFrom(api.statusUpdate(status, { poll: api.makePoll(['a', 'b'], 600), media_ids: ['1'] })),
      MastodonIllegalArgumentError);
  });

  it('scheduled statuses can be listed, read, moved and cancelled', async () => {
    const api = clientFor(fake.server, 'scheduler');
    const at = new Date(Date.UTC(4000, 0, 1, 14, 33, 14));
    await firstValueFrom(api.statusPost('later', { scheduled_at: at }));
    const [scheduled] = await firstValueFrom(api.scheduledStatuses());
    assert.ok(scheduled);
    assert.equal(typeof scheduled.id, 'string');
    assert.deepEqual(scheduled.scheduled_at, at);
    assert.equal(scheduled.params.text, 'later');
    assert.deepEqual((await firstValueFrom(api.scheduledStatus(scheduled))).id, scheduled.id);

    const moved = new Date(Date.UTC(4000, 0, 1, 14, 23, 14));
    const updated = await firstValueFrom(api.scheduledStatusUpdate(scheduled, moved));
    assert.deepEqual(last('PUT /api/v1/scheduled_statuses/{id}').body, { scheduled_at: '4000-01-01T14:23:14+00:00' });
    assert.deepEqual(updated.scheduled_at, moved);

    await lastValueFrom(api.scheduledStatusDelete(scheduled.id));
    assert.equal(last('DELETE /api/v1/scheduled_statuses/{id}').path, `/api/v1/scheduled_statuses/${scheduled.id}`);
    assert.deepEqual(await firstValueFrom(api.scheduledStatuses()), []);
    await assert.rejects(firstValueFrom(api.scheduledStatus(scheduled.id)), MastodonNotFoundError);
    await assert.rejects(lastValueFrom(api.scheduledStatusUpdate(scheduled.id, new Date('nope'))), MastodonIllegalArgumentError);
  });

  it('statusCard reads the card from the status on servers from 3.0.0', async () => {
    const api = clientFor(fake.server, 'carder', { version_check_mode: 'created' });
    const status = await firstValueFrom(api.toot('see https://example.org/page'));
    const card = await firstValueFrom(api.statusCard(status));
    assert.equal(card?.url, 'https://example.org/page');
    assert.equal(fake.server.requestsTo('GET /api/v1/statuses/{id}/card').length, 0);
    assert.equal(last('GET /api/v1/statuses/{id}').path, `/api/v1/statuses/${status.id}`);
    const plain = await firstValueFrom(api.toot('no link here'));
    assert.equal(await firstValueFrom(api.statusCard(plain)), null);
  });

  it('statusCard uses the card endpoint on older servers', async () => {
    const old = await FakeMastodon.start({ version: '2.9.3' });
    try {
      const { token } = old.createUser('oldcarder');
      const api = new Mastodon({ api_base_url: old.url, access_token: token, version_check_mode: 'none' });
      const status = await firstValueFrom(api.toot('read https://example.org/x'));
      const card = await firstValueFrom(api.statusCard(status.id));
      assert.equal(card?.url, 'https://example.org/x');
      assert.equal(old.requestsTo('GET /api/v1/statuses/{id}/card').length, 1);
      assert.equal(old.requestsTo('GET /api/v1/instance/').length, 1, 'the version is asked once');
      const plain = await firstValueFrom(api.toot('no card'));
      assert.equal(await firstValueFrom(api.statusCard(plain)), null);
      assert.equal(old.requestsTo('GET /api/v1/instance/').length, 1);
    } finally {
      await old.close();
    }
  });
});

describe('statusReply', () => {
  const fake = useFakeServer();

  it('mentions the author, then the others mentioned but not the user, once each, and inherits visibility and CW', async () => {
    const alice = clientFor(fake.server, 'r_alice');
    const bob = clientFor(fake.server, 'r_bob');
    clientFor(fake.server, 'r_carol');
    const original = await firstValueFrom(alice.statusPost('@r_bob @r_carol @r_alice hello', { visibility: 'unlisted', spoiler_text: 'topic' }));
    assert.deepEqual(original.mentions.map((m) => m.acct), ['r_bob', 'r_carol', 'r_alice']);

    const reply = await firstValueFrom(bob.statusReply(original, 'hi all'));
    const request = fake.server.requestsTo('POST /api/v1/statuses').at(-1)!;
    assert.deepEqual(request.body, {
      status: '@r_alice @r_carol hi all', in_reply_to_id: original.id, visibility: 'unlisted', spoiler_text: 'topic',
    });
    assert.equal(reply.in_reply_to_id, original.id);
    assert.equal(fake.server.requestsTo('GET /api/v1/accounts/verify_credentials').length, 1);

    await firstValueFrom(bob.statusReply(original, 'again', { visibility: 'public', spoiler_text: '' }));
    assert.equal(fake.server.requestsTo('GET /api/v1/accounts/verify_credentials').length, 1, 'the user id is cached');
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/statuses').at(-1)!.body, {
      status: '@r_alice @r_carol again', in_reply_to_id: original.id, visibility: 'public', spoiler_text: '',
    });

    await firstValueFrom(bob.statusReply(original, 'just you', { untag: true }));
    assert.equal(fake.server.requestsTo('POST /api/v1/statuses').at(-1)!.body['status'], '@r_alice just you');
  });

  it('refuses a target without an account, through the Observable', async () => {
    const api = clientFor(fake.server, 'r_bad');
    const call = api.statusReply({ id: '1' } as never, 'x');
    await assert.rejects(lastValueFrom(call), MastodonIllegalArgumentError);
  });
});
