import { InjectionToken, type Provider } from '@angular/core';
import { Mastodon, type MastodonOptions } from 'mastodon-rx';

/** The app's Mastodon client. */
export const MASTODON = new InjectionToken<Mastodon>('mastodon-rx client');

/**
 * Provides one client for the whole app.
 *
 * @example bootstrapApplication(AppComponent, { providers: [provideMastodon({ api_base_url, access_token })] })
 */
export function provideMastodon(options: MastodonOptions): Provider {
  return { provide: MASTODON, useFactory: () => new Mastodon(options) };
}
