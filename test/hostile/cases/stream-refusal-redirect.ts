// A streaming server that refuses the WebSocket upgrade without a reason, and whose SSE
// endpoint (asked why) redirects to another origin that answers 401: that origin's answer says
// nothing about this server, must not end the stream for good, and must receive nothing.
import { Mastodon } from '../../../src/index.js';
import { reportFromCase } from '../../support/isolated.js';
import { describeError, startHostileServer } from '../../support/hostile-stream-server.js';

const elsewhere: string[] = [];
const other = await startHostileServer({
  http: (req, res) => {
    elsewhere.push(`${req.method} ${req.url} ${req.headers.authorization ?? ''}`);
    res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"Invalid access token"}');
  },
});
const server = await startHostileServer({
  http: (req, res) => {
    if (req.url?.startsWith('/api/v1/streaming/')) res.writeHead(302, { location: `${other.url}${req.url}` }).end();
    else res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Record not found"}');
  },
  refuseUpgrade: (_req, socket) => {
    socket.end('HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    return true;
  },
});

const api = new Mastodon({ api_base_url: server.url, access_token: 'secret-token', version_check_mode: 'none' });
const error = await new Promise<unknown>((resolve) => {
  api.streamPublic({ transport: 'websocket', reconnect: false, catch_up: false }).subscribe({ error: resolve, complete: () => resolve(undefined) });
});
reportFromCase({ error: describeError(error), elsewhere });
await Promise.all([server.close(), other.close()]);
