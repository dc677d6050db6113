import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { Mastodon } from '../../src/index.js';
import { fakeStreaming } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { eventually, firstOf } from '../streaming/support.js';

const VIEWER_FIELDS = ['favourited', 'reblogged', 'muted', 'bookmarked', 'pinned', 'filtered'];
const fast = { timeout: 2, initial_delay: 0.01, max_delay: 0.05, catch_up: false } as const;

function viewerFieldsOf(status: object): string[] {
  return VIEWER_FIELDS.filter((field) => field in status);
}

describe('statuses of the fake server, as Mastodon renders them for each reader', { timeout: 20000 }, () => {
  const fake = useFakeServer();

  it('show nobody the fields of a reader, and a poll without votes', async () => {
    const author = clientFor(fake.server, 'pollster');
    const posted = await firstValueFrom(author.statusPost('Which?', { poll: author.makePoll(['a', 'b'], 600) }));
    const anonymous = new Mastodon({ api_base_url: fake.server.url, version_check_mode: 'none' });
    const shown = await firstValueFrom(anonymous.status(posted.id));
    assert.deepEqual(viewerFieldsOf(shown), []);
    assert.deepEqual(['voted', 'own_votes'].filter((f) => f in shown.poll!), []);
    const reader = await firstValueFrom(author.status(posted.id));
    assert.deepEqual(viewerFieldsOf(reader), VIEWER_FIELDS);
    assert.deepEqual(reader.poll?.own_votes, []);
  });

  it('show pinned only to the author of a public, unlisted or private status, never on boosts', async () => {
    const author = clientFor(fake.server, 'pinner');
    const other = clientFor(fake.server, 'onlooker');
    const mine = await firstValueFrom(author.statusPost('pin me'));
    const direct = await firstValueFrom(author.statusPost('@onlooker psst', { visibility: 'direct' }));
    assert.equal((await firstValueFrom(author.status(mine.id))).pinned, false);
    assert.equal('pinned' in (await firstValueFrom(other.status(mine.id))), false);
    assert.equal('pinned' in (await firstValueFrom(author.status(direct.id))), false);
    const boost = await firstValueFrom(author.statusReblog(mine));
    assert.equal('pinned' in boost, false);
    assert.equal(boost.reblog?.pinned, false);
  });

  it('answer a delete with the source text in place of the content, the boosted status too', async () => {
    const author = clientFor(fake.server, 'redrafter');
    const original = await firstValueFrom(author.statusPost('to <b>be</b> redrafted'));
    const boost = await firstValueFrom(author.statusReblog(original));
    const deletedBoost = await firstValueFrom(author.statusDelete(boost));
    assert.equal('content' in deletedBoost, false);
    assert.equal(deletedBoost.reblog?.text, 'to <b>be</b> redrafted');
    const deleted = await firstValueFrom(author.statusDelete(original));
    assert.equal(deleted.text, 'to <b>be</b> redrafted');
    assert.equal('content' in deleted, false);
  });

  it('show a notification\'s status as its recipient sees it', async () => {
    const author = clientFor(fake.server, 'noticed');
    const fan = clientFor(fake.server, 'fan');
    const status = await firstValueFrom(author.statusPost('like me'));
    await firstValueFrom(fan.statusFavourite(status));
    const [notification] = await firstValueFrom(author.notifications({ types: ['favourite'] }));
    assert.equal(notification?.status?.pinned, false);
    assert.equal(notification?.status?.favourited, false);
  });
});

describe('streams of the fake server, as Mastodon renders their statuses', { timeout: 20000 }, () => {
  const fake = useFakeServer();

  it('render a user\'s own streams for them, and public streams for nobody', async () => {
    const api = clientFor(fake.server, 'streamer');
    const user = api.streamUser(fast);
    const local = api.streamLocal(fast);
    const own = firstOf(user, 'update', 1);
    const everyone = firstOf(local, 'update', 1);
    await eventually(() => fakeStreaming(fake.server.store).openConnections >= 2);
    await firstValueFrom(api.statusPost('streamed'));
    const [[mine], [public_]] = await Promise.all([own, everyone]);
    assert.deepEqual(viewerFieldsOf(mine!.payload), VIEWER_FIELDS);
    assert.deepEqual(viewerFieldsOf(public_!.payload), []);
  });

  it('put a user\'s own direct statuses in their home, and direct statuses to followers who are mentioned', async () => {
    const author = clientFor(fake.server, 'whisperer');
    const follower = clientFor(fake.server, 'listener');
    const stranger = clientFor(fake.server, 'stranger');
    const me = await firstValueFrom(author.me());
    await firstValueFrom(follower.accountFollow(me));
    const stream = author.streamUser(fast);
    const arrived = firstOf(stream, 'update', 1);
    await eventually(() => fakeStreaming(fake.server.store).connections.some((c) => c.streams().includes('user')));
    const direct = await firstValueFrom(author.statusPost('@listener @stranger psst', { visibility: 'direct' }));
    assert.equal((await arrived)[0]!.payload.id, direct.id);
    assert.ok((await firstValueFrom(author.timelineHome())).some((s) => s.id === direct.id));
    assert.ok((await firstValueFrom(follower.timelineHome())).some((s) => s.id === direct.id));
    assert.ok(!(await firstValueFrom(stranger.timelineHome())).some((s) => s.id === direct.id));
  });

  it('stream a direct status as the conversation its reader sees, with the other participants', async () => {
    const author = clientFor(fake.server, 'sender');
    const reader = clientFor(fake.server, 'receiver');
    const stream = reader.streamDirect(fast);
    const arrived = firstOf(stream, 'conversation', 1);
    await eventually(() => fakeStreaming(fake.server.store).connections.some((c) => c.streams().includes('direct')));
    await firstValueFrom(author.statusPost('@receiver hello', { visibility: 'direct' }));
    const [event] = await arrived;
    const [listed] = await firstValueFrom(reader.conversations());
    assert.equal(event!.payload.id, listed!.id);
    assert.deepEqual(event!.payload.accounts.map((a) => a.acct), ['sender']);
    assert.equal(event!.payload.unread, true);
  });
});

describe('status details of the fake server', () => {
  const fake = useFakeServer();

  it('gives a link its card after answering the post, as Mastodon fetches it later', async () => {
    const api = clientFor(fake.server, 'linker');
    const posted = await firstValueFrom(api.statusPost('look https://example.org/page'));
    assert.equal(posted.card, null);
    assert.equal((await firstValueFrom(api.status(posted.id))).card?.url, 'https://example.org/page');
    const edited = await firstValueFrom(api.statusUpdate(posted, { status: 'now https://example.com/other' }));
    assert.equal(edited.card, null);
    assert.equal((await firstValueFrom(api.status(posted.id))).card?.url, 'https://example.com/other');
  });

  it('shows the source of a status to whoever may see it', async () => {
    const author = clientFor(fake.server, 'sourced');
    const reader = clientFor(fake.server, 'curious');
    const posted = await firstValueFrom(author.statusPost('raw *text*'));
    assert.deepEqual(await firstValueFrom(reader.statusSource(posted)), { id: posted.id, text: 'raw *text*', spoiler_text: '' });
  });

  it('leaves poll out of revisions that had none, as Mastodon does', async () => {
    const api = clientFor(fake.server, 'reviser');
    const posted = await firstValueFrom(api.statusPost('first'));
    await firstValueFrom(api.statusUpdate(posted, { status: 'second' }));
    const history = await firstValueFrom(api.statusHistory(posted));
    assert.equal(history.length, 2);
    assert.ok(history.every((revision) => !('poll' in revision)));
  });
});
