// A streaming server that accepts every connection and closes it at once (after its `:)`
// preamble, even): the waits must grow to max_delay instead of a
// reconnect (and a catch-up request) every few hundred milliseconds.
import { Mastodon, type StreamStatus } from '../../../src/index.js';
import { reportFromCase } from '../../support/isolated.js';
import { SSE_HEAD, pause, startHostileServer } from '../../support/hostile-stream-server.js';

let streamRequests = 0;
let restRequests = 0;
const server = await startHostileServer({
  http: (req, res) => {
    if (req.url?.startsWith('/api/v1/streaming/')) {
      streamRequests += 1;
      res.writeHead(200, SSE_HEAD).end(':)\n');
    } else if (req.url?.startsWith('/api/v1/instance')) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Record not found"}');
    } else {
      restRequests += 1;
      res.writeHead(200, { 'content-type': 'application/json' }).end('[]');
    }
  },
});

const api = new Mastodon({ api_base_url: server.url, access_token: 'token', version_check_mode: 'none' });
const stream = api.streamPublic({ initial_delay: 0.05, max_delay: 0.4, jitter: 0 });
const waits: number[] = [];
stream.status$.subscribe((s: StreamStatus) => { if (s.state === 'reconnecting') waits.push(s.delay_ms); });
const subscription = stream.subscribe({ error: () => undefined });
await pause(3000);
subscription.unsubscribe();
reportFromCase({ waits, streamRequests, restRequests });
await server.close();
