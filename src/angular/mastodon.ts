import { inject, InjectionToken, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { Mastodon } from '../client/mastodon.js';
import { featuredOptions, MASTODON_CLIENT, type MastodonOptionsSource } from './client.js';
import type { MastodonFeature } from './features.js';

/** The `Mastodon` of an injector, made by `provideMastodon`. */
const MASTODON = /* @__PURE__ */ new InjectionToken<Mastodon>('Mastodon of provideMastodon()');

/**
 * Provides one {@link Mastodon} client for the injector (the app, a route, a test): every
 * endpoint as a method, as in Mastodon.py. `injectMastodon()` gives it, and so does
 * `injectMastodonClient()`, for the functions of `mastodon-rx/api`. Made on first use. An app
 * that counts its bytes uses `provideMastodonClient` instead: the class carries every endpoint.
 *
 * ## Example
 * ```ts
 * bootstrapApplication(AppComponent, {
 *   providers: [provideHttpClient(withFetch()), provideMastodon({ api_base_url, access_token }, withHttpClient())],
 * });
 * ```
 *
 * @param options The client's options, or a function that returns them and may `inject()`.
 * @param features Additions such as {@link withHttpClient}.
 */
export function provideMastodon(options: MastodonOptionsSource, ...features: MastodonFeature[]): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: MASTODON, useFactory: () => new Mastodon(featuredOptions(options, features)) },
    { provide: MASTODON_CLIENT, useExisting: MASTODON },
  ]);
}

/**
 * The injector's {@link Mastodon} client, made by `provideMastodon`. Call it where `inject()`
 * works (a constructor, a field initializer, a provider's factory).
 *
 * ## Example
 * ```ts
 * @Component({ selector: 'app-home', imports: [AsyncPipe], template: '@for (s of home$ | async; track s.id) { <p>{{ s.content }}</p> }' })
 * export class HomeComponent {
 *   readonly home$ = injectMastodon().timelineHome({ limit: 20 });
 * }
 * ```
 */
export function injectMastodon(): Mastodon {
  return inject(MASTODON);
}
