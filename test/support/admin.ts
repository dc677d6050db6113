import { firstValueFrom } from 'rxjs';
import { Mastodon } from '../../src/index.js';
import { fakeAdmin, type FakeMastodon, type FakeStaffRole } from '../../src/testing/index.js';

/** A client of a registered app, with no user: what `createAccount` signs up through. */
export async function signUpClient(server: FakeMastodon): Promise<Mastodon> {
  const [id, secret] = await firstValueFrom(Mastodon.createApp('sign-ups', { api_base_url: server.url }));
  return new Mastodon({ api_base_url: server.url, client_id: id, client_secret: secret, version_check_mode: 'none' });
}

/** A client for a new member of the staff (a moderator unless told), whose token has every scope. */
export function staffClient(server: FakeMastodon, username: string, role: FakeStaffRole = 'Moderator'): Mastodon {
  const { account, token } = server.createUser(username);
  fakeAdmin(server.store).of(account.id).role = role;
  return new Mastodon({ api_base_url: server.url, access_token: token, version_check_mode: 'none' });
}
