import { Mastodon } from '../../src/index.js';
import { fakeAdmin, type FakeMastodon, type FakeStaffRole } from '../../src/testing/index.js';

/** A client for a new member of the staff (a moderator unless told), whose token has every scope. */
export function staffClient(server: FakeMastodon, username: string, role: FakeStaffRole = 'Moderator'): Mastodon {
  const { account, token } = server.createUser(username);
  fakeAdmin(server.store).of(account.id).role = role;
  return new Mastodon({ api_base_url: server.url, access_token: token, version_check_mode: 'none' });
}
