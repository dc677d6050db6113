import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { Mastodon, MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { PNG, patterned } from '../media/fixtures.js';

describe('statuses in a batch, and translated', () => {
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

  it('checks its arguments before sending anything', async () => {
    const api = clientFor(fake.server, 'batch_args');
    const before = fake.server.requests.length;
    const calls: (() => Observable<unknown>)[] = [
      () => api.statuses(undefined as never),
      () => api.statuses(['1', '..']),
      () => api.statuses([{ id: null } as never]),
      () => api.statusTranslate('1', { lang: 5 as never }),
      () => api.statusTranslate('', {}),
    ];
    for (const call of calls) await assert.rejects(lastValueFrom(call()), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});
