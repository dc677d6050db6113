import { after, before } from 'node:test';
import { Mastodon } from '../../src/index.js';
import type { MastodonOptions } from '../../src/index.js';
import { FakeMastodon, type FakeMastodonOptions } from '../../src/testing/index.js';

/** A fake server for the tests of one file, started before them and closed after them. */
export function useFakeServer(options: FakeMastodonOptions = {}): { readonly server: FakeMastodon } {
  const holder: { server: FakeMastodon } = { server: undefined as unknown as FakeMastodon };
  before(async () => { holder.server = await FakeMastodon.start(options); });
  after(async () => { await holder.server.close(); });
  return holder;
}

/** A client for a new user of `server`, with no version check unless asked. */
export function clientFor(server: FakeMastodon, username: string, options: MastodonOptions = {}): Mastodon {
  const { token } = server.createUser(username);
  return new Mastodon({ api_base_url: server.url, access_token: token, version_check_mode: 'none', ...options });
}
