import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { PNG, patterned } from '../media/fixtures.js';

describe('statuses in a batch, embedded and translated', () => {
  const fake = useFakeServer();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;

  it('statuses reads several at once as id[], in the order asked, leaving out what is gone or hidden', async () => {
    const author = clientFor(fake.server, 'batch_author');
    const reader = clientFor(fake.server, 'batch_reader');
    const [a, b, secret, gone] = [
      await firstValueFrom(author.toot('a')), await firstValueFrom(author.toot('b')),
      await firstValueFrom(author.statusPost('for followers', { visibility: 'private' })), await firstValueFrom(author.toot('gone')),
    ];
    await firstValueFrom(author.statusDelete(gone));
    const found = await firstValueFrom(reader.statuses([b, a.id, secret, gone]));
    const request = last('GET /api/v1/statuses');
    assert.equal(request.path, '/api/v1/statuses');
    assert.deepEqual(request.query, { id: [b.id, a.id, secret.id, gone.id] });
    assert.deepEqual(found.map((s) => s.id), [b.id, a.id]);
    assert.ok(found[0]!.created_at instanceof Date);
    assert.deepEqual((await firstValueFrom(author.statuses(secret))).map((s) => s.id), [secret.id], 'one id is a list of one');

    const anonymous = new Mastodon({ api_base_url: fake.server.url, version_check_mode: 'none' });
    assert.deepEqual((await firstValueFrom(anonymous.statuses([a, secret]))).map((s) => s.id), [a.id]);
    const many = Array.from({ length: 21 }, (_, i) => String(i + 1));
    await assert.rejects(firstValueFrom(reader.statuses(many)), (error: unknown) => error instanceof MastodonAPIError && error.status === 422);
  });

  it('statusTranslate answers with a visible translation of text, warning, alt texts and poll, in the Translation shape', async () => {
    const api = clientFor(fake.server, 'translate_user');
    const upload = await firstValueFrom(api.mediaPost(Buffer.from(patterned(PNG, 1000)), { description: 'ein Hund' }));
    const status = await firstValueFrom(api.statusPost('Guten Tag', { language: 'de', spoiler_text: 'Gruß', media_ids: [upload] }));
    const translation = await firstValueFrom(api.statusTranslate(status, { lang: 'en' }));
    const request = last('POST /api/v1/statuses/{id}/translate');
    assert.equal(request.path, `/api/v1/statuses/${status.id}/translate`);
    assert.deepEqual(request.body, { lang: 'en' });
    assert.deepEqual(translation, {
      content: '<p>[en] Guten Tag</p>', spoiler_text: '[en] Gruß',
      media_attachments: [{ id: upload.id, description: '[en] ein Hund' }], poll: null,
      language: 'en', detected_source_language: 'de', provider: 'Fake Translate',
    });

    const poll = await firstValueFrom(api.statusPost('Tee?', { language: 'de', poll: api.makePoll(['Ja', 'Nein'], 600) }));
    const translatedPoll = await firstValueFrom(api.statusTranslate(poll));
    assert.deepEqual(last('POST /api/v1/statuses/{id}/translate').body, {});
    assert.deepEqual(translatedPoll.poll, { id: poll.poll!.id, options: [{ title: '[en] Ja' }, { title: '[en] Nein' }] });
  });

  it('statusTranslate is refused for private statuses (403) and unknown ones (404)', async () => {
    const api = clientFor(fake.server, 'translate_private');
    const secret = await firstValueFrom(api.statusPost('geheim', { visibility: 'private' }));
    await assert.rejects(firstValueFrom(api.statusTranslate(secret)), (error: unknown) => error instanceof MastodonAPIError && error.status === 403);
    await assert.rejects(firstValueFrom(api.statusTranslate('1')), MastodonNotFoundError);
  });

  it('oembed embeds a public status by its URL, for anybody, and not a private one', async () => {
    const api = clientFor(fake.server, 'embed_author');
    const status = await firstValueFrom(api.toot('embed me'));
    const anonymous = new Mastodon({ api_base_url: fake.server.url, version_check_mode: 'none' });
    const embed = await firstValueFrom(anonymous.oembed(status.url!, { maxwidth: 500 }));
    const request = last('GET /api/oembed');
    assert.deepEqual(request.query, { url: status.url, maxwidth: '500' });
    assert.equal(request.headers['authorization'], undefined);
    assert.deepEqual({ ...embed, html: undefined }, {
      type: 'rich', version: '1.0', title: 'New status by embed_author', author_name: 'embed_author', author_url: status.account.url,
      provider_name: new URL(fake.server.url).host, provider_url: `${fake.server.url}/`, cache_age: 86400, html: undefined, width: 500, height: null,
    });
    assert.match(embed.html, new RegExp(`^<iframe src="${status.url}/embed" class="mastodon-embed"[^>]* width="500"`));
    const uri = await firstValueFrom(anonymous.oembed(status.uri));
    assert.equal(uri.width, 400, 'found by its ActivityPub id too, 400 wide by default');

    const secret = await firstValueFrom(api.statusPost('not for embedding', { visibility: 'private' }));
    await assert.rejects(firstValueFrom(api.oembed(secret.url!)), MastodonNotFoundError);
    await assert.rejects(firstValueFrom(api.oembed('https://elsewhere.example/@x/1')), MastodonNotFoundError);
  });

  it('checks its arguments before sending anything', async () => {
    const api = clientFor(fake.server, 'batch_args');
    const before = fake.server.requests.length;
    const calls: (() => Observable<unknown>)[] = [
      () => api.statuses(undefined as never),
      () => api.statuses(['1', '..']),
      () => api.statuses([{ id: null } as never]),
      () => api.statusTranslate('1', { lang: 5 as never }),
      () => api.statusTranslate('', {}),
      () => api.oembed(undefined as never), () => api.oembed('https://x.example/@a/1', { maxwidth: 0 }),
      () => api.oembed('https://x.example/@a/1', { maxheight: 1.5 }),
    ];
    for (const call of calls) await assert.rejects(lastValueFrom(call()), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});
