import { InjectionToken } from '@angular/core';

/** Where the example connects, and how; from the page's query string. */
export interface ExampleConfig {
  /** The Mastodon server's base URL (`server=`); without it the app says how to start one. */
  readonly server: string | undefined;
  /** The user's access token (`token=`). */
  readonly token: string | undefined;
  /** How the user stream connects (`transport=websocket`; SSE by default). */
  readonly transport: 'sse' | 'websocket';
  /** Which backend `HttpClient` uses (`http=xhr`; Angular's fetch backend by default). */
  readonly http: 'fetch' | 'xhr';
}

/** The example's configuration, as `readConfig` found it. */
export const EXAMPLE_CONFIG = new InjectionToken<ExampleConfig>('ExampleConfig');

/**
 * The configuration in a query string such as `?server=http://127.0.0.1:3000&token=abc`, which
 * `npm run fake-server` prints: the app is built once and pointed at a server when it loads.
 */
export function readConfig(search: string): ExampleConfig {
  const query = new URLSearchParams(search);
  return {
    server: query.get('server') ?? undefined,
    token: query.get('token') ?? undefined,
    transport: query.get('transport') === 'websocket' ? 'websocket' : 'sse',
    http: query.get('http') === 'xhr' ? 'xhr' : 'fetch',
  };
}
