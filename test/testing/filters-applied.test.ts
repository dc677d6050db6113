import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { Mastodon, type FilterResult, type Status } from '../../src/index.js';
import { fakeFilters, fakeStreaming, type FakeAccount, type FakeMastodon } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { eventually, firstOf } from '../streaming/support.js';

/** A user who follows a poster, and the poster's account. */
function reader(server: FakeMastodon, name: string): { api: Mastodon; poster: FakeAccount } {
  const api = clientFor(server, name);
  const me = server.store.userByLogin(name)!.account;
  const poster = server.createUser(`${name}_poster`).account;
  server.store.follows.set(me.id, new Set([poster.id]));
  return { api, poster };
}

const ids = (statuses: readonly Status[]): string[] => statuses.map((s) => s.id);

describe('filters v2 applied by the fake server', () => {
  const fake = useFakeServer();

  it('a matching status carries filtered: the filter without its entries, and the text matched', async () => {
    const { api, poster } = reader(fake.server, 'fa_warn');
    const filter = await firstValueFrom(api.createFilterV2('Spoilers', ['home'], 'warn', { keywords_attributes: [{ keyword: 'finale' }] }));
    const hit = fake.server.store.addStatus(poster, 'The FINALE was great');
    const miss = fake.server.store.addStatus(poster, 'Nothing to see');
    const home = await firstValueFrom(api.timelineHome());
    assert.deepEqual(ids(home), [miss.id, hit.id]);
    assert.deepEqual(home[0]!.filtered, []);
    const [result] = home[1]!.filtered as FilterResult[];
    assert.deepEqual(result!.keyword_matches, ['FINALE']);
    assert.equal(result!.status_matches, null);
    assert.deepEqual(Object.keys(result!.filter).sort(), ['context', 'expires_at', 'filter_action', 'id', 'title']);
    assert.equal(result!.filter.id, filter.id);
    // As in Mastodon, the result lists the filter wherever the status shows; the client applies it where filter.context says.
    assert.equal((await firstValueFrom(api.status(hit))).filtered!.length, 1);
    assert.equal((await firstValueFrom(api.timelinePublic())).find((s) => s.id === hit.id)!.filtered!.length, 1);
  });

  it('hide keeps a match out of the home timeline and lists only where its context is home; blur and warn keep it', async () => {
    const { api, poster } = reader(fake.server, 'fa_hide');
    await firstValueFrom(api.createFilterV2('Hidden', ['home'], 'hide', { keywords_attributes: [{ keyword: 'secret' }] }));
    await firstValueFrom(api.createFilterV2('Blurred', ['home'], 'blur', { keywords_attributes: [{ keyword: 'photo' }] }));
    await firstValueFrom(api.createFilterV2('Elsewhere', ['public'], 'hide', { keywords_attributes: [{ keyword: 'noisy' }] }));
    const secret = fake.server.store.addStatus(poster, 'a secret');
    const photo = fake.server.store.addStatus(poster, 'a photo');
    const noisy = fake.server.store.addStatus(poster, 'a noisy one');
    const list = await firstValueFrom(api.listCreate('Posters'));
    await firstValueFrom(api.listAccountsAdd(list, poster.id));

    assert.deepEqual(ids(await firstValueFrom(api.timelineHome())), [noisy.id, photo.id]);
    assert.deepEqual(ids(await firstValueFrom(api.timelineList(list))), [noisy.id, photo.id]);
    const publicPage = await firstValueFrom(api.timelinePublic());
    assert.ok([secret.id, photo.id, noisy.id].every((id) => publicPage.some((s) => s.id === id)));
    const filteredSecret = publicPage.find((s) => s.id === secret.id)!.filtered!;
    assert.deepEqual(filteredSecret.map((r) => r.filter.filter_action), ['hide']);
    assert.deepEqual((await firstValueFrom(api.status(photo))).filtered!.map((r) => r.filter.filter_action), ['blur']);
  });

  it('an expired filter is ignored; a status entry matches the status and its boosts', async () => {
    const { api, poster } = reader(fake.server, 'fa_exp');
    const filter = await firstValueFrom(api.createFilterV2('Old', ['home'], 'hide', { keywords_attributes: [{ keyword: 'stale' }] }));
    const stale = fake.server.store.addStatus(poster, 'stale news');
    assert.ok(!ids(await firstValueFrom(api.timelineHome())).includes(stale.id));
    fakeFilters(fake.server.store).find((f) => f.id === filter.id)!.expires_at = new Date(Date.now() - 1000).toISOString();
    const home = await firstValueFrom(api.timelineHome());
    assert.deepEqual(home.find((s) => s.id === stale.id)!.filtered, []);

    const byId = await firstValueFrom(api.createFilterV2('That post', ['public'], 'warn'));
    const original = fake.server.store.addStatus(poster, 'an ordinary post');
    await firstValueFrom(api.addFilterStatusV2(byId, original));
    const booster = clientFor(fake.server, 'fa_exp_booster');
    const boost = await firstValueFrom(booster.statusReblog(original));
    const seen = await firstValueFrom(api.status(boost));
    assert.deepEqual(seen.filtered!.map((r) => [r.filter.title, r.keyword_matches, r.status_matches]), [['That post', null, [original.id]]]);
    assert.deepEqual(seen.reblog!.filtered!.map((r) => r.status_matches), [[original.id]]);
  });

  it('keywords match the content warning, whole words at word boundaries, and not inside HTML tags', async () => {
    const { api, poster } = reader(fake.server, 'fa_text');
    await firstValueFrom(api.createFilterV2('Words', ['home'], 'warn', {
      keywords_attributes: [{ keyword: 'cat', whole_word: true }, { keyword: 'href' }],
    }));
    const cw = fake.server.store.addStatus(poster, 'behind a warning', { spoiler_text: 'about my cat' });
    const inside = fake.server.store.addStatus(poster, 'concatenate');
    const link = fake.server.store.addStatus(poster, 'a link', { content: '<p><a href="https://x.example">a link</a></p>' });
    const home = await firstValueFrom(api.timelineHome());
    const matches = (id: string): unknown => home.find((s) => s.id === id)!.filtered!.map((r) => r.keyword_matches);
    assert.deepEqual(matches(cw.id), [['cat']]);
    assert.deepEqual(matches(inside.id), []);
    assert.deepEqual(matches(link.id), []);
  });

  it('a hide filter of the notifications context means no mention notification at all; warn keeps it, filtered', async () => {
    const { api, poster } = reader(fake.server, 'fa_note');
    const me = fake.server.store.userByLogin('fa_note')!.account;
    await firstValueFrom(api.createFilterV2('Quiet', ['notifications'], 'hide', { keywords_attributes: [{ keyword: 'spam' }] }));
    await firstValueFrom(api.createFilterV2('Careful', ['notifications'], 'warn', { keywords_attributes: [{ keyword: 'rumour' }] }));
    const posterApi = new Mastodon({ api_base_url: fake.server.url, access_token: fake.server.store.issueToken(null, poster.id, ['read', 'write']).token, version_check_mode: 'none' });
    await firstValueFrom(posterApi.statusPost(`@${me.username} buy spam now`));
    const rumour = await firstValueFrom(posterApi.statusPost(`@${me.username} a rumour`));
    const notes = await firstValueFrom(api.notifications({ include_filtered: true }));
    assert.deepEqual(notes.map((n) => n.status!.id), [rumour.id]);
    assert.deepEqual(notes[0]!.status!.filtered!.map((r) => r.filter.title), ['Careful']);
  });

  it('streams: updates carry filtered; a hide filter of home keeps a match off the user stream, not the public one', { timeout: 20000 }, async () => {
    const { api, poster } = reader(fake.server, 'fa_stream');
    await firstValueFrom(api.createFilterV2('Hidden', ['home'], 'hide', { keywords_attributes: [{ keyword: 'secret' }] }));
    await firstValueFrom(api.createFilterV2('Warned', ['home'], 'warn', { keywords_attributes: [{ keyword: 'careful' }] }));
    const fast = { timeout: 2, initial_delay: 0.01, max_delay: 0.05, catch_up: false } as const;
    const userUpdates = firstOf(api.streamUser(fast), 'update', 2);
    const publicUpdates = firstOf(api.streamPublic(fast), 'update', 3);
    await eventually(() => fakeStreaming(fake.server.store).connections.filter((c) => c.streams().some((s) => s === 'user' || s === 'public')).length >= 2);
    const secret = fake.server.store.addStatus(poster, 'a secret');
    const careful = fake.server.store.addStatus(poster, 'be careful');
    const plain = fake.server.store.addStatus(poster, 'plain');
    const user = await userUpdates;
    assert.deepEqual(user.map((e) => e.payload.id), [careful.id, plain.id]);
    assert.deepEqual(user[0]!.payload.filtered!.map((r) => r.filter.title), ['Warned']);
    const pub = await publicUpdates;
    assert.deepEqual(pub.map((e) => e.payload.id), [secret.id, careful.id, plain.id]);
    assert.deepEqual(pub[0]!.payload.filtered!.map((r) => r.keyword_matches), [['secret']]);
  });
});
