// Servers that break the head of the response: a megabyte of headers, a status line of garbage,
// a connection reset after half the body, and a response to a request that never ends.
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { reportFromCase } from '../../support/isolated.js';
import { caseBackend, hostileClient, outcomeOf, watchMemory } from '../../support/hostile-http.js';

const memory = watchMemory();
let accepted = 0;
const open = new Set<net.Socket>();
// A raw TCP server: what it writes is not always HTTP.
const server = net.createServer((socket) => {
  accepted++;
  open.add(socket);
  socket.on('close', () => open.delete(socket));
  socket.on('error', () => {});
  socket.once('data', (head: Buffer) => {
    const which = /case=([\w-]+)/.exec(head.toString('latin1'))?.[1];
    if (which === 'huge-headers') {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\n');
      for (let i = 0; i < 1024; i++) socket.write(`x-junk-${i}: ${'a'.repeat(1024)}\r\n`);
      socket.end('content-length: 2\r\n\r\n{}');
    } else if (which === 'garbage-status') {
      socket.end('HTTP/1.1 abc NOPE\r\n\r\n{}');
    } else if (which === 'not-http') {
      socket.end('\u0000\u0001\u0002 SSH-2.0-OpenSSH\r\n');
    } else if (which === 'reset-mid-body') {
      socket.write('HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 1000\r\n\r\n[{"id":"1"');
      setTimeout(() => socket.resetAndDestroy(), 20);
    }
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const { name, backend } = caseBackend();
const api = hostileClient({ url }, backend);
const outcomes: Record<string, unknown> = {};
for (const which of ['huge-headers', 'garbage-status', 'not-http', 'reset-mid-body']) {
  outcomes[which] = await outcomeOf(api.apiRequest({ method: 'GET', path: '/api/v1/timelines/home', params: { case: which } }));
}
const until = Date.now() + 2000;
while (open.size > 0 && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
reportFromCase({ backend: name, outcomes, accepted, openSockets: open.size, peakRssMb: memory.peakMb() });
memory.stop();
server.close();
