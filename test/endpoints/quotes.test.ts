import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, type Quote, type ShallowQuote } from '../../src/index.js';
import { fakeQuotes } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

const full = (quote: Quote | ShallowQuote | null | undefined): Quote => quote as Quote;
const isStatus = (code: number) => (error: unknown) => error instanceof MastodonAPIError && error.status === code;

describe('quote posts against the fake server', () => {
  const fake = useFakeServer();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;

  it('a quote of a public status is accepted at once, notifies the quoted author and counts', async () => {
    const author = clientFor(fake.server, 'q_author');
    const quoter = clientFor(fake.server, 'q_quoter');
    const original = await firstValueFrom(author.toot('a thought worth quoting'));
    const quote = await firstValueFrom(quoter.statusPost('so true', { quoted_status_id: original }));
    assert.equal(quote.quote?.state, 'accepted');
    assert.equal(full(quote.quote).quoted_status?.id, original.id);
    assert.ok(full(quote.quote).quoted_status?.created_at instanceof Date, 'the quoted status is revived too');
    assert.match(quote.content, /^<p class="quote-inline">RE: <a href="[^"]+">/);

    const seen = await firstValueFrom(author.status(original));
    assert.equal(seen.quotes_count, 1);
    assert.deepEqual(seen.quote_approval, { automatic: ['public'], manual: [], current_user: 'automatic' });
    const notifications = await firstValueFrom(author.notifications());
    const notification = notifications.find((n) => n.type === 'quote');
    assert.equal(notification?.status?.id, quote.id);
    assert.equal(notification?.account.username, 'q_quoter');
  });

  it('a quote of a quote carries only the inner quoted status id (a shallow quote)', async () => {
    const a = clientFor(fake.server, 'q_nest_a');
    const b = clientFor(fake.server, 'q_nest_b');
    const first = await firstValueFrom(a.toot('first'));
    const second = await firstValueFrom(b.statusPost('second', { quoted_status_id: first.id }));
    const third = await firstValueFrom(a.statusPost('third', { quoted_status_id: second.id }));
    const inner = full(third.quote).quoted_status!;
    assert.equal(inner.id, second.id);
    assert.deepEqual(inner.quote, { state: 'accepted', quoted_status_id: first.id });
  });

  it('the followers and nobody policies refuse others with the 404 Mastodon gives, and the author may always quote', async () => {
    const author = clientFor(fake.server, 'q_strict');
    const follower = clientFor(fake.server, 'q_follower');
    const stranger = clientFor(fake.server, 'q_stranger');
    const me = await firstValueFrom(author.accountVerifyCredentials());
    await firstValueFrom(follower.accountFollow(me));
    const forFollowers = await firstValueFrom(author.statusPost('followers may quote', { quote_approval_policy: 'followers' }));
    assert.deepEqual(last('POST /api/v1/statuses').body, { status: 'followers may quote', quote_approval_policy: 'followers' });
    assert.equal((await firstValueFrom(stranger.status(forFollowers))).quote_approval?.current_user, 'denied');
    assert.equal((await firstValueFrom(follower.status(forFollowers))).quote_approval?.current_user, 'automatic');
    await assert.rejects(firstValueFrom(stranger.statusPost('mine now', { quoted_status_id: forFollowers })), (error: unknown) =>
      error instanceof MastodonNotFoundError && /does not appear to exist/.test(error.message));
    assert.equal((await firstValueFrom(follower.statusPost('ok', { quoted_status_id: forFollowers }))).quote?.state, 'accepted');

    const forNobody = await firstValueFrom(author.statusPost('nobody may quote', { quote_approval_policy: 'nobody' }));
    assert.deepEqual(forNobody.quote_approval, { automatic: [], manual: [], current_user: 'automatic' });
    await assert.rejects(firstValueFrom(follower.statusPost('no', { quoted_status_id: forNobody })), MastodonNotFoundError);
    assert.equal((await firstValueFrom(author.statusPost('self-quote', { quoted_status_id: forNobody }))).quote?.state, 'accepted');
  });

  it('a private status can be quoted by its author only in a private quote; a direct one not at all', async () => {
    const author = clientFor(fake.server, 'q_private');
    const secret = await firstValueFrom(author.statusPost('for followers', { visibility: 'private', quote_approval_policy: 'public' }));
    assert.deepEqual(secret.quote_approval?.automatic, [], 'private statuses are always nobody');
    const quote = await firstValueFrom(author.statusPost('quoting myself', { quoted_status_id: secret }));
    assert.equal(quote.visibility, 'private');
    const direct = await firstValueFrom(author.statusPost('@q_private hush', { visibility: 'direct' }));
    await assert.rejects(firstValueFrom(author.statusPost('no', { quoted_status_id: direct })), MastodonNotFoundError);
  });

  it('statusUpdateQuoteApprovalPolicy changes who may quote from now on and keeps earlier quotes', async () => {
    const author = clientFor(fake.server, 'q_policy');
    const quoter = clientFor(fake.server, 'q_policy_quoter');
    const status = await firstValueFrom(author.toot('open to quotes'));
    const early = await firstValueFrom(quoter.statusPost('early', { quoted_status_id: status }));
    const changed = await firstValueFrom(author.statusUpdateQuoteApprovalPolicy(status, 'nobody'));
    const request = last('PUT /api/v1/statuses/{id}/interaction_policy');
    assert.equal(request.path, `/api/v1/statuses/${status.id}/interaction_policy`);
    assert.deepEqual(request.body, { quote_approval_policy: 'nobody' });
    assert.deepEqual(changed.quote_approval?.automatic, []);
    await assert.rejects(firstValueFrom(quoter.statusPost('late', { quoted_status_id: status })), MastodonNotFoundError);
    assert.equal((await firstValueFrom(quoter.status(early))).quote?.state, 'accepted');
    await assert.rejects(firstValueFrom(quoter.statusUpdateQuoteApprovalPolicy(status, 'public')), MastodonNotFoundError);
  });

  it('statusQuotes lists accepted quotes, newest first, in pages linked by the quotes', async () => {
    const author = clientFor(fake.server, 'q_listed');
    const fans = ['q_fan1', 'q_fan2', 'q_fan3'].map((name) => clientFor(fake.server, name));
    const status = await firstValueFrom(author.toot('quote me thrice'));
    const quotes = [];
    for (const fan of fans) quotes.push(await firstValueFrom(fan.statusPost('quoting', { quoted_status_id: status })));
    fakeQuotes(fake.server.store).quotes.get(quotes[0]!.id)!.state = 'pending';

    const page = await firstValueFrom(fans[0]!.statusQuotes(status, { limit: 1 }));
    assert.equal(last('GET /api/v1/statuses/{id}/quotes').path, `/api/v1/statuses/${status.id}/quotes`);
    assert.deepEqual(page.map((s) => s.id), [quotes[2]!.id]);
    const next = await firstValueFrom(fans[0]!.fetchNext(page));
    assert.deepEqual(next?.map((s) => s.id), [quotes[1]!.id]);
    const seen = await firstValueFrom(fans[0]!.status(quotes[0]!));
    assert.deepEqual(seen.quote, { state: 'pending', quoted_status: null }, 'a pending quote does not show what it quotes');
    assert.equal((await firstValueFrom(author.status(status))).quotes_count, 2);
  });

  it('statusQuoteRevoke revokes a quote of the user\'s own status; others get 403, unknown quotes 404', async () => {
    const author = clientFor(fake.server, 'q_revoker');
    const quoter = clientFor(fake.server, 'q_revoked');
    const status = await firstValueFrom(author.toot('changed my mind'));
    const quote = await firstValueFrom(quoter.statusPost('quoting', { quoted_status_id: status }));
    await assert.rejects(firstValueFrom(quoter.statusQuoteRevoke(status, quote)), isStatus(403));
    await assert.rejects(firstValueFrom(author.statusQuoteRevoke(status, status)), MastodonNotFoundError);

    const revoked = await firstValueFrom(author.statusQuoteRevoke(status, quote));
    assert.equal(last('POST /api/v1/statuses/{id}/quotes/{quoting_status_id}/revoke').path,
      `/api/v1/statuses/${status.id}/quotes/${quote.id}/revoke`);
    assert.equal(revoked.id, quote.id);
    assert.deepEqual(revoked.quote, { state: 'revoked', quoted_status: null });
    assert.equal((await firstValueFrom(author.status(status))).quotes_count, 0);
    assert.deepEqual(await firstValueFrom(author.statusQuotes(status)), []);
  });

  it('editing a quoted status tells the authors of its accepted quotes, about their quote (quoted_update)', async () => {
    const author = clientFor(fake.server, 'q_editor');
    const quoter = clientFor(fake.server, 'q_edit_quoter');
    const revokedQuoter = clientFor(fake.server, 'q_edit_revoked');
    const status = await firstValueFrom(author.toot('first draft'));
    const quote = await firstValueFrom(quoter.statusPost('quoting the draft', { quoted_status_id: status }));
    const gone = await firstValueFrom(revokedQuoter.statusPost('quoting too', { quoted_status_id: status }));
    await firstValueFrom(author.statusQuoteRevoke(status, gone));
    await firstValueFrom(author.statusPost('quoting myself', { quoted_status_id: status }));

    await firstValueFrom(author.statusUpdate(status, { status: 'second draft' }));
    const updates = (await firstValueFrom(quoter.notifications())).filter((n) => n.type === 'quoted_update');
    assert.equal(updates.length, 1);
    assert.equal(updates[0]!.status?.id, quote.id, 'the quote is attached, not the edited status');
    assert.equal(updates[0]!.account.username, 'q_editor');
    assert.deepEqual((await firstValueFrom(revokedQuoter.notifications())).filter((n) => n.type === 'quoted_update'), [], 'not for a revoked quote');
    assert.deepEqual((await firstValueFrom(author.notifications())).filter((n) => n.type === 'quoted_update'), [], 'not for the author\'s own quote');
  });

  it('deleting the quoted status leaves its quotes deleted; blocking or muting its author hides it from the blocker', async () => {
    const author = clientFor(fake.server, 'q_gone');
    const quoter = clientFor(fake.server, 'q_gone_quoter');
    const reader = clientFor(fake.server, 'q_gone_reader');
    const kept = await firstValueFrom(author.toot('still here'));
    const keptQuote = await firstValueFrom(quoter.statusPost('quoting', { quoted_status_id: kept }));
    const authorAccount = await firstValueFrom(author.accountVerifyCredentials());
    await firstValueFrom(reader.accountMute(authorAccount));
    // Hidden, not withheld: the quoted status still comes, for the app to show on request.
    const muted = full((await firstValueFrom(reader.status(keptQuote))).quote);
    assert.equal(muted.state, 'muted_account');
    assert.equal(muted.quoted_status?.id, kept.id);
    await firstValueFrom(reader.accountBlock(authorAccount));
    assert.equal((await firstValueFrom(reader.status(keptQuote))).quote?.state, 'blocked_account');
    assert.equal((await firstValueFrom(quoter.status(keptQuote))).quote?.state, 'accepted', 'only for the one who blocks');

    const doomed = await firstValueFrom(author.toot('soon gone'));
    const quote = await firstValueFrom(quoter.statusPost('quoting', { quoted_status_id: doomed }));
    await firstValueFrom(author.statusDelete(doomed));
    assert.deepEqual((await firstValueFrom(quoter.status(quote))).quote, { state: 'deleted', quoted_status: null });
  });

  it('checks its arguments before sending anything', async () => {
    const api = clientFor(fake.server, 'q_args');
    const before = fake.server.requests.length;
    const calls: (() => Observable<unknown>)[] = [
      () => api.statusQuotes('..'),
      () => api.statusQuotes('1', { max_id: '/x' }),
      () => api.statusQuoteRevoke('1', undefined as never),
      () => api.statusQuoteRevoke(null as never, '2'),
      () => api.statusUpdateQuoteApprovalPolicy('1', 'everyone' as never),
      () => api.statusUpdateQuoteApprovalPolicy('1', undefined as never),
    ];
    for (const call of calls) {
      await assert.rejects(lastValueFrom(call()), MastodonIllegalArgumentError);
    }
    assert.equal(fake.server.requests.length, before);
  });
});
