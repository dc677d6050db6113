import { Observable } from 'rxjs';
import type { Dispatcher } from 'undici';
import type { HttpBackend, HttpRequest, HttpResponse } from './backend.js';
import { MastodonIllegalArgumentError } from '../errors.js';

/**
 * What browser bundles get for `UndiciBackend` (through the `browser` field of package.json):
 * undici needs Node.js, so constructing it throws; use `FetchBackend` instead.
 *
 * @example new Mastodon({ api_base_url, session: new FetchBackend() })
 */
export class UndiciBackend implements HttpBackend {
  constructor(_options: { connections?: number; dispatcher?: Dispatcher } = {}) {
    throw new MastodonIllegalArgumentError('UndiciBackend needs Node.js; in a browser, use FetchBackend');
  }

  handle(_request: HttpRequest): Observable<HttpResponse> {
    return new Observable<HttpResponse>();
  }

  /** Closes the pool's idle sockets. */
  close(): Promise<void> {
    return Promise.resolve();
  }
}
