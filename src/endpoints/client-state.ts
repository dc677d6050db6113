import type { MastodonClient } from '../client/client.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { forgetStreamingBaseUrl } from '../streaming/host.js';
import { forgetInstanceV2 } from './instance-cache.js';
import { forgetOAuthMetadata } from './oauth-metadata.js';

// What a client remembers about its server and its login.

/**
 * Forgets what the client learnt about its server: its version and API level (given or
 * fetched), its streaming host, its OAuth metadata and instance v2. Each is asked again when
 * next needed; for a client kept across a server upgrade. Makes no request.
 *
 * @example clearCaches(client)
 */
export function clearCaches(client: MastodonClient): void {
  client.forgetServerVersion();
  forgetStreamingBaseUrl(client);
  forgetOAuthMetadata(client);
  forgetInstanceV2(client);
}

/**
 * What `logIn({ to_file })` writes, as one string: the access token, the base URL, the client
 * id and secret, a line each, for apps that keep credentials elsewhere than in a file. Throws
 * `MastodonIllegalArgumentError` for a client without a token or without client credentials.
 *
 * @example localStorage.setItem('mastodon', persistableLoginCredentials(client))
 */
export function persistableLoginCredentials(client: MastodonClient): string {
  if (!client.access_token) throw new MastodonIllegalArgumentError('Not logged in: the client has no access token');
  if (!client.client_id || !client.client_secret) throw new MastodonIllegalArgumentError('The client has no client id and secret to persist');
  return [client.access_token, client.api_base_url, client.client_id, client.client_secret, ''].join('\n');
}
