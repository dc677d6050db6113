import { provideZonelessChangeDetection, type ApplicationConfig } from '@angular/core';
import { provideHttpClient, withFetch } from '@angular/common/http';
import { provideMastodonClient, withHttpClient } from 'mastodon-rx/angular';
import { EXAMPLE_CONFIG, type ExampleConfig } from './config';

/**
 * The app's providers: zoneless change detection, `HttpClient` (on `fetch`, or on
 * `XMLHttpRequest` with `http=xhr`), and one light Mastodon client whose requests go through
 * it. The client is made when first injected, so a page without `server=` makes none.
 */
export function appConfig(config: ExampleConfig): ApplicationConfig {
  return {
    providers: [
      provideZonelessChangeDetection(),
      config.http === 'xhr' ? provideHttpClient() : provideHttpClient(withFetch()),
      { provide: EXAMPLE_CONFIG, useValue: config },
      provideMastodonClient({ api_base_url: config.server, access_token: config.token }, withHttpClient()),
    ],
  };
}
