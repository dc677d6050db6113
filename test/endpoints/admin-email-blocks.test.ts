import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { canonicalEmail, fakeAdmin } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { signUpClient } from '../support/admin.js';

const refusal = (code: number, error: string) => (e: unknown): boolean =>
  e instanceof MastodonAPIError && e.status === code && e.error === error;
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

describe('admin e-mail domain blocks', () => {
  const fake = useFakeServer();

  it('creates, reads, lists and deletes a block', async () => {
    const api = clientFor(fake.server, 'mailadmin1');
    const block = await firstValueFrom(api.adminCreateEmailDomainBlock('Spam.Example'));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/admin/email_domain_blocks').at(-1)!.body, { domain: 'Spam.Example' });
    assert.equal(block.domain, 'spam.example');
    assert.ok(block.created_at instanceof Date);
    assert.equal(block.history.length, 7);
    assert.ok(block.history[0]!.day instanceof Date);
    assert.equal(block.history[0]!.day.getTime() % 86_400_000, 0, 'midnight UTC');
    assert.equal(block.allow_with_approval, false);

    await firstValueFrom(api.adminCreateEmailDomainBlock('junk.example'));
    const page = await firstValueFrom(api.adminEmailDomainBlocks({ limit: 1 }));
    assert.deepEqual(page.map((b) => b.domain), ['junk.example']);
    assert.deepEqual((await firstValueFrom(api.fetchNext(page)))?.map((b) => b.domain), ['spam.example']);
    assert.equal((await firstValueFrom(api.adminEmailDomainBlock(block.id))).domain, 'spam.example');

    await assert.rejects(firstValueFrom(api.adminCreateEmailDomainBlock('spam.example')),
      refusal(422, 'Validation failed: Domain has already been taken'));
    await assert.rejects(firstValueFrom(api.adminCreateEmailDomainBlock('not a domain')),
      refusal(422, 'Validation failed: Domain is invalid, Domain is not a valid domain name'));
    for (const each of await firstValueFrom(api.adminEmailDomainBlocks())) await lastValueFrom(api.adminDeleteEmailDomainBlock(each), { defaultValue: undefined });
    await assert.rejects(firstValueFrom(api.adminEmailDomainBlock(block.id)), MastodonNotFoundError);
  });

  it('refuses sign-ups with addresses of the domain and its subdomains, and counts them in the history', async () => {
    const api = clientFor(fake.server, 'mailadmin2');
    const signUps = await signUpClient(fake.server);
    const block = await firstValueFrom(api.adminCreateEmailDomainBlock('spam2.example'));
    for (const [username, email] of [['eve2', 'eve@spam2.example'], ['mallory2', 'mallory@mx.spam2.example']]) {
      const [token, details] = await firstValueFrom(signUps.createAccount(username!, 'long enough pw', email!, { agreement: true, return_detailed_error: true }));
      assert.equal(token, null);
      assert.deepEqual((details as { details: unknown }).details, { email: [{ error: 'ERR_BLOCKED', description: 'uses a disallowed e-mail provider' }] });
    }
    await firstValueFrom(signUps.createAccount('fine2', 'long enough pw', 'fine@notspam2.example', { agreement: true }));
    assert.ok(fake.server.store.userByLogin('fine2'), 'a domain that only ends the same way is not blocked');

    const history = (await firstValueFrom(api.adminEmailDomainBlock(block))).history;
    assert.deepEqual([history[0]!.uses, history[0]!.accounts], ['2', '1'], 'two attempts, from one address');
    assert.ok(history.slice(1).every((day) => day.uses === '0'));
  });

  it('lets sign-ups in pending when the block allows with approval', async () => {
    const api = clientFor(fake.server, 'mailadmin3');
    const signUps = await signUpClient(fake.server);
    const block = await firstValueFrom(api.adminCreateEmailDomainBlock('slow3.example', { allow_with_approval: true }));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/admin/email_domain_blocks').at(-1)!.body, { domain: 'slow3.example', allow_with_approval: '1' });
    assert.equal(block.allow_with_approval, true);
    await firstValueFrom(signUps.createAccount('patient3', 'long enough pw', 'patient@slow3.example', { agreement: true }));
    const [account] = await firstValueFrom(api.adminAccountsV2({ status: 'pending', username: 'patient3' }));
    assert.equal(account?.approved, false);
    await firstValueFrom(api.adminAccountApprove(account!));
    assert.equal(fakeAdmin(fake.server.store).of(account!.id).approved, true);
  });

  it('checks the domain before sending', async () => {
    const api = clientFor(fake.server, 'mailadmin4');
    const before = fake.server.requests.length;
    for (const domain of ['', '   ', undefined, 7]) {
      await assert.rejects(lastValueFrom(api.adminCreateEmailDomainBlock(domain as string)), MastodonIllegalArgumentError);
    }
    await assert.rejects(lastValueFrom(api.adminCreateEmailDomainBlock('a.example', { allow_with_approval: 'yes' as unknown as boolean })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminEmailDomainBlock('../x')), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});

describe('admin canonical e-mail blocks', () => {
  const fake = useFakeServer();

  it('blocks an address however it is written, by address or by hash, and tests addresses against the blocks', async () => {
    const api = clientFor(fake.server, 'canon1');
    const byEmail = await firstValueFrom(api.adminCreateCanonicalEmailBlock({ email: 'J.Doe+news@Example.com' }));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/admin/canonical_email_blocks').at(-1)!.body, { email: 'J.Doe+news@Example.com' });
    assert.equal(canonicalEmail('J.Doe+news@Example.com'), 'jdoe@example.com');
    assert.equal(byEmail.canonical_email_hash, sha256('jdoe@example.com'));

    const hash = sha256('spammer@example.org');
    const byHash = await firstValueFrom(api.adminCreateCanonicalEmailBlock({ canonical_email_hash: hash.toUpperCase() }));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/admin/canonical_email_blocks').at(-1)!.body, { canonical_email_hash: hash });
    assert.equal(byHash.canonical_email_hash, hash);

    const matches = await firstValueFrom(api.adminTestCanonicalEmailBlock('jdoe+other@example.com'));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/admin/canonical_email_blocks/test').at(-1)!.body, { email: 'jdoe+other@example.com' });
    assert.deepEqual(matches.map((b) => b.id), [byEmail.id]);
    assert.deepEqual(await firstValueFrom(api.adminTestCanonicalEmailBlock('someone.else@example.com')), []);

    const page = await firstValueFrom(api.adminCanonicalEmailBlocks());
    assert.deepEqual(page.map((b) => b.id), [byHash.id, byEmail.id]);
    assert.equal(page._pagination_next, undefined, 'a short page is the last, as Mastodon links it');
    assert.ok((await firstValueFrom(api.adminCanonicalEmailBlocks({ limit: 1 })))._pagination_next, 'a full page links to the next');
    assert.equal((await firstValueFrom(api.adminCanonicalEmailBlock(byHash))).canonical_email_hash, hash);
    await assert.rejects(firstValueFrom(api.adminCreateCanonicalEmailBlock({ email: 'jdoe@example.com' })),
      refusal(422, 'Validation failed: Canonical email hash has already been taken'));

    await lastValueFrom(api.adminDeleteCanonicalEmailBlock(byHash), { defaultValue: undefined });
    await assert.rejects(firstValueFrom(api.adminCanonicalEmailBlock(byHash)), MastodonNotFoundError);
  });

  it('refuses a sign-up with a blocked address as taken, in any of its spellings', async () => {
    const api = clientFor(fake.server, 'canon2');
    const signUps = await signUpClient(fake.server);
    await firstValueFrom(api.adminCreateCanonicalEmailBlock({ email: 'troll@example.net' }));
    const [token, details] = await firstValueFrom(signUps.createAccount('troll2', 'long enough pw', 'T.R.O.L.L+again@EXAMPLE.net', { agreement: true, return_detailed_error: true }));
    assert.equal(token, null);
    assert.deepEqual((details as { details: unknown }).details, { email: [{ error: 'ERR_TAKEN', description: 'has already been taken' }] });
    await firstValueFrom(signUps.createAccount('troll2', 'long enough pw', 'troll@example.com', { agreement: true }));
  });

  it('takes an address or a hash, not both and not neither, the hash 64 hex digits, checked before sending', async () => {
    const api = clientFor(fake.server, 'canon3');
    const before = fake.server.requests.length;
    const hash = sha256('x@example.com');
    for (const options of [undefined, {}, { email: null, canonical_email_hash: null }, { email: 'x@example.com', canonical_email_hash: hash },
      { email: '' }, { canonical_email_hash: hash.slice(1) }, { canonical_email_hash: `${hash.slice(1)}g` }, { canonical_email_hash: 42 }]) {
      await assert.rejects(lastValueFrom(api.adminCreateCanonicalEmailBlock(options as never)), MastodonIllegalArgumentError, JSON.stringify(options));
    }
    await assert.rejects(lastValueFrom(api.adminTestCanonicalEmailBlock('')), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminTestCanonicalEmailBlock(undefined as unknown as string)), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
    await assert.rejects(firstValueFrom(api.apiRequest({ method: 'POST', path: '/api/v1/admin/canonical_email_blocks/test' })),
      refusal(400, 'param is missing or the value is empty: email'));
  });
});
