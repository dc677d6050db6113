import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, type Observable } from 'rxjs';
import { Mastodon, MastodonAPIError, MastodonUnauthorizedError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { PNG, patterned } from '../media/fixtures.js';

const outsideScopes = (error: unknown) =>
  error instanceof MastodonAPIError && error.status === 403 && /outside the authorized scopes/.test(error.message);

// The fake server asks the newer endpoints for the scopes Mastodon's controllers ask for.
describe('scopes of quotes, today\'s statuses, annual reports, background refreshes and collections', () => {
  const fake = useFakeServer();

  /** The same user as `username`'s full client, through a token with only `scopes`. */
  function narrowed(username: string, scopes: string[]): Mastodon {
    const user = fake.server.store.userByLogin(username)!;
    const { token } = fake.server.store.issueToken(null, user.account.id, scopes);
    return new Mastodon({ api_base_url: fake.server.url, access_token: token, version_check_mode: 'none' });
  }

  async function refused(calls: readonly (() => Observable<unknown>)[]): Promise<void> {
    for (const call of calls) await assert.rejects(firstValueFrom(call()), outsideScopes);
  }

  it('a read-only token changes nothing: no revoking, policy, media or conversation deletes, reports or collections', async () => {
    const author = clientFor(fake.server, 'scope_author');
    const quoter = clientFor(fake.server, 'scope_quoter');
    const status = await firstValueFrom(author.toot('quote me'));
    const quote = await firstValueFrom(quoter.statusPost('quoting', { quoted_status_id: status }));
    const upload = await firstValueFrom(author.mediaPost(Buffer.from(patterned(PNG, 2000))));
    const { collection } = await firstValueFrom(author.collectionCreate('Kept'));
    const readOnly = narrowed('scope_author', ['read']);

    await refused([
      () => readOnly.statusQuoteRevoke(status, quote),
      () => readOnly.statusUpdateQuoteApprovalPolicy(status, 'nobody'),
      () => readOnly.mediaDelete(upload),
      () => readOnly.conversationDelete('1'),
      () => readOnly.conversationsUnread('1'),
      () => readOnly.annualReportRead(2025),
      () => readOnly.annualReportGenerate(2025),
      () => readOnly.collectionCreate('New'),
      () => readOnly.collectionUpdate(collection, { name: 'Renamed' }),
      () => readOnly.collectionDelete(collection),
      () => readOnly.collectionAddAccount(collection, quote.account),
      () => readOnly.collectionRemoveAccount(collection, '1'),
      () => readOnly.collectionRevoke(collection, '1'),
    ]);
    const seen = await firstValueFrom(author.status(status));
    assert.equal(seen.quotes_count, 1);
    assert.deepEqual(seen.quote_approval?.automatic, ['public']);
    assert.equal((await firstValueFrom(author.media(upload))).id, upload.id);
    assert.equal((await firstValueFrom(author.collection(collection))).collection.name, 'Kept');
    // What it may do, it does.
    assert.deepEqual((await firstValueFrom(readOnly.statusQuotes(status))).map((s) => s.id), [quote.id]);
  });

  it('a write-only token reads none of them, and a token with none asks only where Mastodon asks', async () => {
    const author = clientFor(fake.server, 'scope_writer');
    const status = await firstValueFrom(author.toot('read me'));
    const { collection } = await firstValueFrom(author.collectionCreate('Read me'));
    const account = await firstValueFrom(author.accountVerifyCredentials());
    const writeOnly = narrowed('scope_writer', ['write']);

    await refused([
      () => writeOnly.statuses([status]),
      () => writeOnly.statusTranslate(status),
      () => writeOnly.statusQuotes(status),
      () => writeOnly.timelineLink('https://news.example/story'),
      () => writeOnly.annualReports(),
      () => writeOnly.annualReport(2025),
      () => writeOnly.annualReportState(2025),
      () => writeOnly.getAsyncRefreshStatus('1'),
      () => writeOnly.accountCollections(account),
      () => writeOnly.accountInCollections(account),
      () => writeOnly.collection(collection),
    ]);
    assert.equal((await firstValueFrom(writeOnly.collectionUpdate(collection, { name: 'Renamed' }))).collection.name, 'Renamed');

    const anonymous = new Mastodon({ api_base_url: fake.server.url, version_check_mode: 'none' });
    assert.deepEqual((await firstValueFrom(anonymous.statuses([status]))).map((s) => s.id), [status.id]);
    assert.equal((await firstValueFrom(anonymous.collection(collection))).collection.id, collection.id);
    await assert.rejects(firstValueFrom(anonymous.statusQuotes(status)), MastodonUnauthorizedError);
  });

  it('the narrow scopes are enough: read:statuses, write:media, read:collections and write:collections', async () => {
    const author = clientFor(fake.server, 'scope_narrow');
    const status = await firstValueFrom(author.toot('narrow'));
    const upload = await firstValueFrom(author.mediaPost(Buffer.from(patterned(PNG, 2000))));

    assert.deepEqual((await firstValueFrom(narrowed('scope_narrow', ['read:statuses']).statuses([status]))).map((s) => s.id), [status.id]);
    assert.equal(await firstValueFrom(narrowed('scope_narrow', ['write:media']).mediaDelete(upload)), undefined);
    const { collection } = await firstValueFrom(narrowed('scope_narrow', ['write:collections']).collectionCreate('Narrow'));
    assert.equal((await firstValueFrom(narrowed('scope_narrow', ['read:collections']).collection(collection))).collection.name, 'Narrow');
    await assert.rejects(firstValueFrom(narrowed('scope_narrow', ['read:statuses']).collection(collection)), outsideScopes);
  });
});
