import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, of, type Observable } from 'rxjs';
import {
  FetchBackend, Mastodon, MastodonIllegalArgumentError, MastodonMalformedResponseError, UndiciBackend,
  type HttpBackend, type HttpRequest, type HttpResponse,
} from '../../src/index.js';
import { startLoopback } from '../support/loopback.js';

/** A backend of a user's own: it answers every request with `body`, and enforces no cap. */
class FixedBackend implements HttpBackend {
  readonly requests: HttpRequest[] = [];
  constructor(private readonly body: string) {}
  handle(request: HttpRequest): Observable<HttpResponse> {
    this.requests.push(request);
    return of({ status: 200, statusText: 'OK', headers: {}, body: this.body });
  }
}

describe('max_response_bytes', () => {
  const client = (backend: HttpBackend, max?: number): Mastodon =>
    new Mastodon({ api_base_url: 'http://127.0.0.1:9', version_check_mode: 'none', session: backend, max_response_bytes: max });

  it('reaches every backend with the request, 64 MiB unless set', async () => {
    const backend = new FixedBackend('{}');
    await firstValueFrom(client(backend).apiRequest({ method: 'GET', path: '/a' }));
    await firstValueFrom(client(backend, 4096).apiRequest({ method: 'GET', path: '/b' }));
    assert.deepEqual(backend.requests.map((r) => r.maxResponseBytes), [64 * 2 ** 20, 4096]);
    assert.equal(client(backend).max_response_bytes, 64 * 2 ** 20);
  });

  it('holds a backend that does not enforce it to it: a longer body fails with MastodonMalformedResponseError', async () => {
    const api = client(new FixedBackend(JSON.stringify({ text: 'x'.repeat(100) })), 50);
    await assert.rejects(firstValueFrom(api.apiRequest({ method: 'GET', path: '/big' })), (error: unknown) => {
      assert.ok(error instanceof MastodonMalformedResponseError);
      assert.equal(error.status, 200);
      assert.match(error.message, /larger than the 50 bytes/);
      return true;
    });
  });

  it('must be a positive number', () => {
    for (const bad of [0, -1, Number.NaN]) {
      assert.throws(() => client(new FixedBackend('{}'), bad), MastodonIllegalArgumentError);
    }
  });
});

describe('max_response_bytes and HEAD', () => {
  for (const [name, makeBackend] of [['undici', () => new UndiciBackend()], ['fetch', () => new FetchBackend()]] as const) {
    it(`a HEAD answer whose content-length announces a large body is not refused (${name})`, async () => {
      const server = await startLoopback((_req, res) => res.writeHead(200, { 'content-length': String(300 * 10 ** 6), 'content-type': 'image/png' }).end());
      try {
        const api = new Mastodon({ api_base_url: server.url, version_check_mode: 'none', session: makeBackend(), max_response_bytes: 1000 });
        const response = await firstValueFrom(api.apiResponse({ method: 'HEAD', path: '/system/media/big.png' }));
        assert.equal(response.headers['content-length'], '300000000');
        await assert.rejects(firstValueFrom(api.apiRequest({ method: 'GET', path: '/system/media/big.png', result: 'text' })), MastodonMalformedResponseError);
      } finally {
        await server.close();
      }
    });
  }
});
