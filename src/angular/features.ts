import { inject } from '@angular/core';
import { HttpClient } from '@angular/common/http';
import type { MastodonOptions } from '../client/options.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { HttpClientBackend } from './http-client-backend.js';

/**
 * Something `provideMastodon` and `provideMastodonClient` add to the client they make, such as
 * {@link withHttpClient}.
 */
export interface MastodonFeature {
  /** What the feature is, as errors name it: `'HttpClient'`. */
  readonly kind: string;
  /** Adds to the client's options; runs where the client is made, so it may `inject()`. */
  readonly configure: (options: MastodonOptions) => MastodonOptions;
}

/**
 * Sends the client's requests through the app's `HttpClient` ({@link HttpClientBackend}), so
 * that its interceptors, `HttpTestingController` and server-side rendering see every one. The
 * app provides `HttpClient` itself (`provideHttpClient()`, with `withFetch()` or its
 * interceptors as it likes). Streams do not go through it: they are long-lived Server-Sent
 * Events or `WebSocket` connections, which `HttpClient` does not make.
 *
 * ## Example
 * ```ts
 * bootstrapApplication(AppComponent, {
 *   providers: [provideHttpClient(withFetch()), provideMastodonClient({ api_base_url, access_token }, withHttpClient())],
 * });
 * ```
 */
export function withHttpClient(): MastodonFeature {
  return {
    kind: 'HttpClient',
    configure: (options) => {
      if (options.session !== undefined) {
        throw new MastodonIllegalArgumentError('withHttpClient() and the session option both choose the HTTP backend: give one of them');
      }
      const http = inject(HttpClient, { optional: true });
      if (http === null) throw new MastodonIllegalArgumentError('withHttpClient() sends through HttpClient: add provideHttpClient() to the providers');
      return { ...options, session: new HttpClientBackend(http) };
    },
  };
}
