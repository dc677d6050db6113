import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, toArray } from 'rxjs';
import { Mastodon, paginate, type Status } from '../../src/index.js';
import { toPage } from '../../src/pagination/page.js';
import { json, startLoopback, type Loopback } from '../support/loopback.js';

// RFC 8288 registers `prev` and `previous` as the same relation; servers other than Mastodon
// send `previous`, and Mastodon.py follows either.
describe('rel="previous" links', () => {
  it('are read as the previous page, in any case, with prev preferred when both are there', () => {
    const page = toPage([], '<https://m.example/api/v1/x?max_id=1>; rel="next", <https://m.example/api/v1/x?min_id=9>; rel="previous"');
    assert.deepEqual(page._pagination_prev, { method: 'GET', url: 'https://m.example/api/v1/x?min_id=9' });
    assert.equal(toPage([], '<https://m.example/b?min_id=3>; REL=Previous')._pagination_prev?.url, 'https://m.example/b?min_id=3');
    const both = toPage([], '<https://m.example/previous>; rel="previous", <https://m.example/prev>; rel="prev"');
    assert.equal(both._pagination_prev?.url, 'https://m.example/prev');
    assert.equal(toPage([], '<https://m.example/a>; rel="preview"')._pagination_prev, undefined);
  });

  describe('on the wire', () => {
    let server: Loopback;
    let api: Mastodon;
    // /newest links to /newer as "previous"; /newer to /newer-still; that one has no newer page.
    const chain: Record<string, { ids: string[]; previous?: string }> = {
      '/api/v1/timelines/home': { ids: ['3'], previous: '/newer?min_id=3' },
      '/newer': { ids: ['5', '4'], previous: '/newer-still?min_id=5' },
      '/newer-still': { ids: ['6'] },
    };
    before(async () => {
      server = await startLoopback((req, res) => {
        const entry = chain[new URL(req.url, server.url).pathname];
        if (!entry) return json(res, { error: 'Record not found' }, 404);
        const statuses = entry.ids.map((id) => ({ id, created_at: '2022-12-01T19:48:34.595Z', content: `<p>${id}</p>` }));
        json(res, statuses, 200, entry.previous ? { link: `<${server.url}${entry.previous}>; rel="previous"` } : {});
      });
      api = new Mastodon({ api_base_url: server.url, access_token: 't', version_check_mode: 'none' });
    });
    after(() => server.close());

    it('fetchPrevious follows one to the newer page', async () => {
      const first = await firstValueFrom(api.timelineHome());
      const newer = await firstValueFrom(api.fetchPrevious<Status>(first));
      assert.deepEqual(newer?.map((s) => s.id), ['5', '4']);
      assert.equal(server.seen.at(-1)!.url, '/newer?min_id=3');
      const newest = await firstValueFrom(api.fetchPrevious<Status>(newer!));
      assert.deepEqual(newest?.map((s) => s.id), ['6']);
      assert.equal(await firstValueFrom(api.fetchPrevious<Status>(newest!)), null, 'no link, no newer page');
    });

    it('paginate with direction prev walks them to the newest page, and stops there', async () => {
      const before = server.seen.length;
      const pages = await lastValueFrom(paginate(api.timelineHome(), { direction: 'prev' }).pipe(toArray()));
      assert.deepEqual(pages.map((page) => page.map((s) => s.id)), [['3'], ['5', '4'], ['6']]);
      assert.deepEqual(server.seen.slice(before).map((r) => r.url), ['/api/v1/timelines/home', '/newer?min_id=3', '/newer-still?min_id=5']);
    });
  });
});
