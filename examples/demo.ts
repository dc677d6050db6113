// The demo behind `npm start`: Mastodon.py's Usage chapter, in Observables, against the
// built-in fake server. No account or network needed; it exits by itself.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom } from 'rxjs';
import { Mastodon } from '../src/index.js';
import { FakeMastodon } from '../src/testing/index.js';

const server = await FakeMastodon.start();
const dir = mkdtempSync(join(tmpdir(), 'mastodon-rx-demo-'));
const clientcred = join(dir, 'clientcred.secret');
const usercred = join(dir, 'usercred.secret');
server.store.addUser('demo', 'me@example.com', 'correct horse battery');
console.log(`Fake Mastodon listening on ${server.url}`);

try {
  // 1. Register the app, once; the credentials go to a file (mode 0600).
  const [clientId] = await firstValueFrom(
    Mastodon.createApp('pytooterapp', { api_base_url: server.url, to_file: clientcred }),
  );
  console.log(`1. Registered app "pytooterapp" as client ${clientId.slice(0, 8)}…`);

  // 2. Log in with the app's credentials; the user's token goes to a file too.
  const api = new Mastodon({ client_id: clientcred });
  await firstValueFrom(api.logIn('me@example.com', 'correct horse battery', { to_file: usercred }));
  console.log('2. Logged in as me@example.com; token saved');

  // 3. Toot with the saved token.
  const mastodon = new Mastodon({ access_token: usercred });
  const status = await firstValueFrom(mastodon.toot('Tooting from TypeScript!'));
  console.log(`3. Tooted ${status.id} at ${status.created_at.toISOString()}: ${status.content}`);

  const home = await firstValueFrom(mastodon.timelineHome({ limit: 5 }));
  console.log(`   Home timeline: ${home.length} status(es); server ${mastodon.mastodon_version}; `
    + `rate limit ${mastodon.ratelimit_remaining}/${mastodon.ratelimit_limit} left`);
} finally {
  rmSync(dir, { recursive: true, force: true });
  await server.close();
}
process.exit(0);
