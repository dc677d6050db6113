// `npm run fake-server`: the fake Mastodon of mastodon-rx/testing on its own, for developing an
// app against it (the Angular example on `ng serve`, say), until Ctrl-C. It answers browsers on
// any origin (CORS), streams over SSE and WebSocket, and holds a user, alice, who follows bob,
// with a home timeline of a few pages. It prints the base URL, alice's token and the example's
// address with both in its query string.
//
//   npm run fake-server                     # on http://127.0.0.1:3000
//   npm run fake-server -- --port 0         # on a free port
//   npm run fake-server -- --every 10       # and bob posts every 10 seconds
import { parseArgs } from 'node:util';
import { FakeMastodon } from '../src/testing/index.js';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env['PORT'] ?? '3000' },
    every: { type: 'string' },
    statuses: { type: 'string', default: '45' },
  },
});
const port = Number(values.port);
const every = values.every === undefined ? undefined : Number(values.every);
const seeded = Number(values.statuses);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a port number: ${values.port}`);
if (every !== undefined && !(every > 0)) throw new Error(`--every must be a number of seconds: ${values.every}`);
if (!Number.isInteger(seeded) || seeded < 0) throw new Error(`--statuses must be a count: ${values.statuses}`);

const server = await FakeMastodon.start({ port });
const alice = server.createUser('alice');
const bob = server.createUser('bob');
server.store.follows.set(alice.account.id, new Set([bob.account.id]));
for (let n = 1; n <= seeded; n += 1) {
  server.store.addStatus(n % 3 === 0 ? alice.account : bob.account, `Status number ${n} of ${seeded}, seeded at start`);
}

let posted = 0;
const ticker = every === undefined ? undefined : setInterval(() => {
  posted += 1;
  server.store.addStatus(bob.account, `Live status ${posted}, posted at ${new Date().toLocaleTimeString()}`);
}, every * 1000);

const query = `server=${encodeURIComponent(server.url)}&token=${encodeURIComponent(alice.token)}`;
console.log([
  `Fake Mastodon on ${server.url} (Ctrl-C stops it)`,
  `api_base_url: ${server.url}`,
  `access_token: ${alice.token}`,
  `Angular example (npm --prefix examples/angular start): http://localhost:4200/?${query}`,
  every === undefined ? 'bob posts nothing by himself (--every <seconds> makes him)' : `bob posts every ${every} s`,
].join('\n'));

const stop = (): void => {
  if (ticker) clearInterval(ticker);
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
