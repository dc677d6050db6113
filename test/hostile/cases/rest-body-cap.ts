// Servers that send more body than a client should ever hold: announced by content-length,
// endless without one, on a 2xx and on an error status; and bodies just at and over a small cap.
import type { ServerResponse } from 'node:http';
import { reportFromCase } from '../../support/isolated.js';
import { caseBackend, hostileClient, outcomeOf, startHostileServer, watchMemory } from '../../support/hostile-http.js';

const MiB = 2 ** 20;
const CHUNK = Buffer.alloc(MiB, 0x5b); // '[' again and again: never valid JSON, never finished
/** Bytes written per case, so that the test can see the client stopped reading early. */
const written: Record<string, number> = {};

/** Writes chunks while the socket takes them, up to `limit` bytes, then ends. */
function pour(res: ServerResponse, which: string, limit: number): void {
  written[which] = 0;
  const more = (): void => {
    while (written[which]! < limit && !res.destroyed) {
      written[which]! += CHUNK.length;
      if (!res.write(CHUNK)) {
        res.once('drain', more);
        return;
      }
    }
    if (!res.destroyed) res.end();
  };
  res.on('close', () => res.off('drain', more));
  more();
}

const memory = watchMemory();
const server = await startHostileServer((request, res) => {
  const which = new URL(request.url, 'http://x').searchParams.get('case')!;
  if (which === 'declared') {
    // Announces 300 MB, sends a first chunk, then waits for the client to give up.
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(300 * 10 ** 6) });
    res.write(CHUNK);
  } else if (which === 'endless' || which === 'endless-error') {
    res.writeHead(which === 'endless' ? 200 : 500, { 'content-type': 'application/json' });
    pour(res, which, 1024 * MiB);
  } else {
    // 'at-cap' and 'over-cap': 1,000 and 1,001 bytes, with 'é' counting two bytes each.
    const body = JSON.stringify({ note: 'é'.repeat(487), pad: which === 'at-cap' ? 'x'.repeat(6) : 'x'.repeat(7) });
    res.writeHead(200, { 'content-type': 'application/json', connection: 'close' });
    res.end(body);
  }
});
const { name, backend } = caseBackend();
const api = hostileClient(server, backend);
const small = hostileClient(server, backend, { max_response_bytes: 1000 });
const call = (client: typeof api, which: string) => client.apiRequest({ method: 'GET', path: '/api/v1/big', params: { case: which } });

const outcomes = {
  declared: await outcomeOf(call(api, 'declared')),
  endless: await outcomeOf(call(api, 'endless')),
  endlessError: await outcomeOf(call(api, 'endless-error')),
  atCap: await outcomeOf(call(small, 'at-cap')),
  overCap: await outcomeOf(call(small, 'over-cap')),
};
const openSockets = await server.settled();
reportFromCase({ backend: name, outcomes, writtenMb: Object.fromEntries(Object.entries(written).map(([k, v]) => [k, v / MiB])), openSockets, peakRssMb: memory.peakMb() });
memory.stop();
await server.close();
