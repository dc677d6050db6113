import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { Mastodon, MastodonIllegalArgumentError, MastodonNotFoundError, type Filter, type Notification, type Status } from '../../src/index.js';
import { assertSameRequest, loadCassette, recordedRequest, startReplayServer } from '../support/cassettes.js';
import { clientFor, useFakeServer } from '../support/fake.js';

/** Replays a recording of a pre-4.0 server (where v1 filters were recorded) and compares every request. */
async function replayOld<T>(name: string, drive: (api: Mastodon) => Promise<T>): Promise<T> {
  const interactions = loadCassette(name, 'cassettes_pre_4_0_0');
  const server = await startReplayServer(interactions);
  try {
    const api = new Mastodon({ api_base_url: server.url, access_token: 'token', version_check_mode: 'none' });
    const result = await drive(api);
    assert.equal(server.received.length, interactions.length, `every request recorded in ${name} was sent, and no other`);
    server.received.forEach((received, i) => assertSameRequest(received, recordedRequest(interactions[i]!)));
    return result;
  } finally {
    await server.close();
  }
}

function filter(phrase: string, whole_word: boolean, context: Filter['context'], expires_at: Date | null = null): Filter {
  return { id: phrase, phrase, whole_word, context, irreversible: false, expires_at };
}

describe('filters', () => {
  const fake = useFakeServer();

  it('create, read, update, delete', async () => {
    const api = clientFor(fake.server, 'filt1');
    const created = await firstValueFrom(api.filterCreate('anime', ['home', 'thread'], { expires_in: 3600 }));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/filters').at(-1)!.body,
      { phrase: 'anime', context: ['home', 'thread'], irreversible: '0', whole_word: '1', expires_in: '3600' });
    assert.equal(typeof created.id, 'string');
    assert.ok(created.expires_at instanceof Date);
    assert.equal(created.whole_word, true);

    assert.deepEqual((await firstValueFrom(api.filters())).map((f) => f.id), [created.id]);
    assert.equal((await firstValueFrom(api.filter(created))).phrase, 'anime');

    const updated = await firstValueFrom(api.filterUpdate(created, { phrase: 'japanimation', context: 'notifications', whole_word: false }));
    assert.deepEqual(fake.server.requestsTo('PUT /api/v1/filters/{id}').at(-1)!.body,
      { phrase: 'japanimation', context: ['notifications'], whole_word: '0' });
    assert.deepEqual([updated.phrase, updated.context, updated.whole_word], ['japanimation', ['notifications'], false]);

    await lastValueFrom(api.filterDelete(created.id), { defaultValue: undefined });
    assert.equal(fake.server.requestsTo('DELETE /api/v1/filters/{id}').at(-1)!.path, `/api/v1/filters/${created.id}`);
    await assert.rejects(firstValueFrom(api.filter(created)), MastodonNotFoundError);
  });

  it('checks phrase and contexts before sending', async () => {
    const api = clientFor(fake.server, 'filt2');
    const before = fake.server.requests.length;
    await assert.rejects(firstValueFrom(api.filterCreate('x', ['home', 'everywhere' as 'home'])), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.filterCreate('x', [])), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.filterCreate(undefined as unknown as string, 'home')), MastodonIllegalArgumentError);
    await assert.rejects(firstValueFrom(api.filterUpdate('1', { context: 'timeline' as 'home' })), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });

  it('filtersApply drops what a filter of the context matches, on the text of the HTML', async () => {
    const api = clientFor(fake.server, 'filt3');
    const statuses = ['<p>I love animes</p>', '<p>Girugamesh!</p>', '<p>Girugameshnetworking!</p>', '<p>I love japanimation!</p>',
      '<p>Caf&eacute; au <span>lait</span></p>', '<p>tom&amp;jerry</p>', '<p>visit <a href="https://x.example/anime">here</a></p>']
      .map((content, i) => ({ id: String(i), content }) as unknown as Status);
    const filters = [
      filter('anime', false, ['home']), filter('GIRUGAMESH', true, ['home']), filter('japanimation', true, ['notifications']),
      filter('au lait', true, ['home']), filter('tom&jerry', true, ['home']), filter('expired', false, ['home'], new Date(0)),
    ];
    const requestsBefore = fake.server.requests.length;
    const home = api.filtersApply(statuses, filters, 'home');
    assert.deepEqual(home.map((s) => s.id), ['2', '3', '6'], 'tags split words, entities decode, the link target is not text');
    const notifications = api.filtersApply(statuses, filters, 'notifications');
    assert.deepEqual(notifications.map((s) => s.id), ['0', '1', '2', '4', '5', '6']);
    assert.equal(fake.server.requests.length, requestsBefore, 'pure: no request');

    const note = (content: string | null): Notification => ({ id: 'n', type: 'mention', status: content === null ? null : { content } }) as unknown as Notification;
    assert.equal(api.filtersApply([note('<p>japanimation</p>'), note(null)], filters, 'notifications').length, 1);
    assert.deepEqual(api.filtersApply(statuses, [], 'home'), statuses);
  });

  it('filtersApply matches whole words in any script, and phrases with regex characters literally', () => {
    const api = new Mastodon({ api_base_url: 'http://127.0.0.1:9' });
    const items = ['<p>café crème</p>', '<p>cafés</p>', '<p>a+b=c</p>', '<p>aab=c</p>', '<p>ünter</p>']
      .map((content, i) => ({ id: String(i), content }) as unknown as Status);
    const kept = api.filtersApply(items, [filter('café', true, ['public']), filter('a+b', true, ['public']), filter('nter', true, ['public'])], 'public');
    assert.deepEqual(kept.map((s) => s.id), ['1', '3', '4']);
  });

  it('replays filter_create and filter_update from a pre-4.0 server', async () => {
    await replayOld('test_filter_create.yaml', async (api) => {
      for (const whole_word of [true, false]) {
        const created = await firstValueFrom(api.filterCreate('anime', ['notifications'], { whole_word }));
        assert.equal(created.whole_word, whole_word);
        assert.equal((await firstValueFrom(api.filters()))[0]!.id, created.id);
        await firstValueFrom(api.filter(created));
        await lastValueFrom(api.filterDelete(created), { defaultValue: undefined });
      }
    });
    await replayOld('test_filter_update.yaml', async (api) => {
      const created = await firstValueFrom(api.filterCreate('anime', ['notifications']));
      const updated = await firstValueFrom(api.filterUpdate(created, { phrase: 'japanimation' }));
      assert.equal(updated.phrase, 'japanimation');
      assert.equal((await firstValueFrom(api.filter(created))).phrase, 'japanimation');
    });
  });

  for (const [name, irreversible] of [['test_filter_clientside.yaml', false], ['test_filter_serverside.yaml', true]] as const) {
    it(`replays ${name} and applies the filters to the recorded home timeline`, async () => {
      await replayOld(name, async (api) => {
        if (!irreversible) {
          for (const old of await firstValueFrom(api.filters())) await lastValueFrom(api.filterDelete(old), { defaultValue: undefined });
        }
        const me = await firstValueFrom(api.accountVerifyCredentials());
        // Stands in for accountFollow (another area of the API) to keep the recording in step.
        await firstValueFrom(api.apiRequest({ method: 'POST', path: `/api/v1/accounts/${me.id}/follow`, params: { reblogs: true, id: me.id } }));
        const created = [
          await firstValueFrom(api.filterCreate('anime', ['home'], { whole_word: false, irreversible })),
          await firstValueFrom(api.filterCreate('girugamesh', ['home'], { whole_word: true, irreversible })),
          await firstValueFrom(api.filterCreate('japanimation', ['notifications'], { whole_word: true, irreversible })),
        ];
        const posted: Status[] = [];
        for (const text of ['I love animes', 'Girugamesh!', 'Girugameshnetworking!', 'I love japanimation!']) {
          posted.push(await firstValueFrom(api.statusPost(text)));
        }
        const timeline = await firstValueFrom(api.timelineHome());
        const ours = timeline.filter((s) => posted.some((p) => p.id === s.id));
        if (!irreversible) {
          const kept = api.filtersApply(ours, created, 'home').map((s) => s.content);
          assert.ok(kept.some((c) => c.includes('Girugameshnetworking!')));
          assert.ok(kept.some((c) => c.includes('I love japanimation!')));
          assert.ok(!kept.some((c) => c.includes('animes') || c.includes('Girugamesh!')));
          assert.equal(api.filtersApply(ours, created, 'notifications').length, ours.length - 1);
        }
        for (const f of created) await lastValueFrom(api.filterDelete(f), { defaultValue: undefined });
        for (const s of posted) await firstValueFrom(api.statusDelete(s));
      });
    });
  }
});
