import { inject, InjectionToken, makeEnvironmentProviders, type EnvironmentProviders } from '@angular/core';
import { MastodonClient } from '../client/client.js';
import type { MastodonOptions } from '../client/options.js';
import type { MastodonFeature } from './features.js';

/** The client of an injector, whichever kind `provideMastodon` or `provideMastodonClient` made. */
export const MASTODON_CLIENT = /* @__PURE__ */ new InjectionToken<MastodonClient>('MastodonClient of provideMastodonClient() or provideMastodon()');

/** The client's options: given, or made by a function that may `inject()` (a runtime config, say). */
export type MastodonOptionsSource = MastodonOptions | (() => MastodonOptions);

/**
 * The options a client is made with: the given ones, then each feature's additions. Runs in an
 * injection context.
 */
export function featuredOptions(options: MastodonOptionsSource, features: readonly MastodonFeature[]): MastodonOptions {
  const given = typeof options === 'function' ? options() : options;
  return features.reduce((current, feature) => feature.configure(current), given);
}

/**
 * Provides one light {@link MastodonClient} for the injector (the app, a route, a test): the
 * request pipeline without endpoints, for apps that call the functions of `mastodon-rx/api`,
 * so that a bundler keeps only the endpoints they import. Made on first use.
 *
 * ## Example
 * ```ts
 * bootstrapApplication(AppComponent, {
 *   providers: [provideHttpClient(), provideMastodonClient({ api_base_url, access_token }, withHttpClient())],
 * });
 * // in a component or service:
 * readonly home$ = timelineHome(injectMastodonClient(), { limit: 20 });
 * ```
 *
 * @param options The client's options, or a function that returns them and may `inject()`.
 * @param features Additions such as {@link withHttpClient}.
 */
export function provideMastodonClient(options: MastodonOptionsSource, ...features: MastodonFeature[]): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: MASTODON_CLIENT, useFactory: () => new MastodonClient(featuredOptions(options, features)) },
  ]);
}

/**
 * The injector's client, made by `provideMastodonClient` or `provideMastodon`, for the functions
 * of `mastodon-rx/api`. Call it where `inject()` works (a constructor, a field initializer, a
 * provider's factory).
 *
 * ## Example
 * ```ts
 * @Injectable({ providedIn: 'root' })
 * export class Timeline {
 *   private readonly client = injectMastodonClient();
 *   readonly home$ = timelineHome(this.client, { limit: 20 });
 * }
 * ```
 */
export function injectMastodonClient(): MastodonClient {
  return inject(MASTODON_CLIENT);
}
