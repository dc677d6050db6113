import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { endpoint, json, MastodonClient, MastodonIllegalArgumentError, row } from '../../src/core.js';
import { apiRequest, fetchNext, mediaUpdate, status, timelineHome } from '../../src/api.js';
import { apiRows } from '../../src/testing/rows.js';
import { json as answerJson, startLoopback, type Loopback } from '../support/loopback.js';

// A row names fillPath when its route has placeholders, so that the bundles of rows without
// any do not hold it: a row that forgot it would send `{id}` as it is.
describe('path placeholders', () => {
  it('every row whose route has placeholders names fillPath, and no other row does', () => {
    const rows = apiRows();
    assert.ok(rows.length > 250);
    const wrong = rows
      .filter(({ row }) => row.path.includes('{') !== (row.fillPath !== undefined))
      .map(({ name, row }) => `${name}: ${row.method} ${row.path}`);
    assert.deepEqual(wrong, []);
  });

  it('rows declared through mastodon-rx/core fill their placeholders without naming fillPath', () => {
    const declared = endpoint('GET /api/v1/polls/{id}', { returns: json<unknown>, params: (id: string) => ({ id }) });
    assert.ok(declared.row.fillPath);
    assert.ok(row('GET /api/v1/polls/{id}', { returns: json<unknown> }).fillPath);
    assert.equal(row('GET /api/v1/polls', { returns: json<unknown> }).fillPath, undefined);
  });

  describe('on the wire', () => {
    let server: Loopback;
    before(async () => {
      server = await startLoopback((req, res) => {
        if (req.url.startsWith('/api/v1/timelines/home')) {
          answerJson(res, [{ id: '3' }], 200, { link: `<${server.url}/api/v1/timelines/home?max_id={id}>; rel="next"` });
        } else answerJson(res, { id: '7', url: 'https://files.example/7.png' });
      });
    });
    after(() => server.close());

    const client = (): MastodonClient => new MastodonClient({ api_base_url: server.url, access_token: 't', version_check_mode: 'none' });

    it('fills the placeholders of rows and of calls written by hand, encoded, and refuses a missing one', async () => {
      const api = client();
      await firstValueFrom(status(api, 'a b'));
      await firstValueFrom(apiRequest(api, { method: 'GET', path: '/api/v1/polls/{id}', params: { id: '9', x: 1 } }));
      await firstValueFrom(mediaUpdate(api, '7', { description: 'a cat' }));
      const poll = endpoint('GET /api/v1/polls/{id}', { returns: json<unknown>, params: (id: string) => ({ id }) });
      await firstValueFrom(poll(api, '1/2'));
      assert.deepEqual(server.seen.map((seen) => `${seen.method} ${seen.url}`), [
        'GET /api/v1/statuses/a%20b', 'GET /api/v1/polls/9?x=1', 'PUT /api/v1/media/7', 'GET /api/v1/polls/1%2F2',
      ]);
      await assert.rejects(firstValueFrom(apiRequest(api, { method: 'GET', path: '/api/v1/polls/{id}' })), MastodonIllegalArgumentError);
    });

    it('follows a page link as the server gave it: braces in it are no placeholders', async () => {
      const api = client();
      server.seen.length = 0;
      const page = await firstValueFrom(timelineHome(api));
      await firstValueFrom(fetchNext(api, page));
      assert.equal(server.seen.at(-1)!.url, '/api/v1/timelines/home?max_id={id}');
    });
  });
});
