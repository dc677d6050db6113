import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { once } from 'node:events';
import { nodeStreamFetch } from '../../src/streaming/node-stream-fetch.js';

interface Loopback {
  readonly url: string;
  readonly seen: IncomingHttpHeaders[];
  readonly open: ServerResponse[];
  readonly server: Server;
}

async function loopback(handle: (path: string, res: ServerResponse, loop: Loopback) => void): Promise<Loopback> {
  const loop = { url: '', seen: [] as IncomingHttpHeaders[], open: [] as ServerResponse[] } as { url: string; seen: IncomingHttpHeaders[]; open: ServerResponse[]; server: Server };
  loop.server = createServer((req, res) => {
    loop.seen.push(req.headers);
    handle(req.url ?? '/', res, loop);
  });
  loop.server.listen(0, '127.0.0.1');
  await once(loop.server, 'listening');
  loop.url = `http://127.0.0.1:${(loop.server.address() as AddressInfo).port}`;
  return loop;
}

const text = new TextDecoder();

describe('nodeStreamFetch (SSE over undici.request)', () => {
  const servers: Loopback[] = [];
  after(() => { for (const s of servers) { s.server.closeAllConnections(); s.server.close(); } });

  it('hands the body over chunk by chunk, with status, headers and request headers', async () => {
    const loop = await loopback((_path, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(':)\n');
      setImmediate(() => res.end('event: update\ndata: {}\n\n'));
    });
    servers.push(loop);
    const response = await nodeStreamFetch(`${loop.url}/s`, { headers: { accept: 'text/event-stream', authorization: 'Bearer t' } });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'text/event-stream');
    assert.equal(loop.seen[0]!['authorization'], 'Bearer t');
    const reader = response.body!.getReader();
    let received = '';
    for (let r = await reader.read(); !r.done; r = await reader.read()) received += text.decode(r.value);
    assert.equal(received, ':)\nevent: update\ndata: {}\n\n');
  });

  it('gives a refusal\'s body as text', async () => {
    const loop = await loopback((_path, res) => res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"no"}'));
    servers.push(loop);
    const response = await nodeStreamFetch(`${loop.url}/s`);
    assert.equal(response.status, 401);
    assert.equal(await response.text(), '{"error":"no"}');
  });

  it('follows a redirect on the same origin with the token, and to another origin without it', async () => {
    const other = await loopback((_path, res) => res.writeHead(200, { 'content-type': 'text/event-stream' }).end(':)\n'));
    const home = await loopback((path, res) => {
      if (path === '/a') res.writeHead(302, { location: '/b' }).end();
      else res.writeHead(301, { location: `${other.url}/c` }).end();
    });
    servers.push(other, home);
    const response = await nodeStreamFetch(`${home.url}/a`, { headers: { authorization: 'Bearer t' } });
    assert.equal(response.status, 200);
    assert.equal(response.redirected, true);
    assert.equal(response.url, `${other.url}/c`);
    assert.deepEqual(home.seen.map((h) => h['authorization']), ['Bearer t', 'Bearer t']);
    assert.equal(other.seen[0]!['authorization'], undefined);
  });

  it('closes the connection when aborted, and a pending read fails with an AbortError', async () => {
    const loop = await loopback((_path, res, l) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(':)\n');
      l.open.push(res);
    });
    servers.push(loop);
    const abort = new AbortController();
    const response = await nodeStreamFetch(`${loop.url}/s`, { signal: abort.signal });
    const reader = response.body!.getReader();
    assert.equal(text.decode((await reader.read()).value), ':)\n');
    const pending = reader.read();
    abort.abort();
    const error = await pending.then(() => undefined, (e: unknown) => e);
    assert.equal((error as Error | undefined)?.name, 'AbortError');
    await once(loop.open[0]!, 'close');
  });

  it('ends reads with done when the server ends the body', async () => {
    const loop = await loopback((_path, res) => res.writeHead(200, { 'content-type': 'text/event-stream' }).end());
    servers.push(loop);
    const reader = (await nodeStreamFetch(`${loop.url}/s`)).body!.getReader();
    assert.deepEqual(await reader.read(), { done: true, value: undefined });
    assert.deepEqual(await reader.read(), { done: true, value: undefined });
  });
});
