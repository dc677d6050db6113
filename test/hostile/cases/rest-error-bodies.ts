// A server whose error answers carry every odd JSON body, and often no reason phrase at all.
import { reportFromCase } from '../../support/isolated.js';
import { caseBackend, hostileClient, outcomeOf, startHostileServer, watchMemory } from '../../support/hostile-http.js';

/** Error answers by name: status, reason phrase sent (`''` for none) and body text. */
const ANSWERS: Record<string, [number, string, string]> = {
  'error-object-with-toString': [401, '', '{"error":{"toString":1}}'],
  'error-array': [422, '', '{"error":["a","b"]}'],
  'error-null': [403, '', '{"error":null}'],
  'body-array': [400, '', '[1,2,3]'],
  'body-number': [500, '', '42'],
  'body-null': [404, '', 'null'],
  'body-string': [503, '', '"down for maintenance"'],
  'body-empty': [502, '', ''],
  'error-deep': [400, '', `{"error":${'['.repeat(20_000)}${']'.repeat(20_000)}}`],
  'error-huge': [422, 'Unprocessable Entity', JSON.stringify({ error: 'x'.repeat(1_000_000) })],
  'teapot': [418, '', '{"error":"short and stout"}'],
  'proto-keys': [400, '', '{"__proto__":{"error":"polluted"},"constructor":{"prototype":{"x":1}}}'],
};

const memory = watchMemory();
const server = await startHostileServer((request, res) => {
  const [status, reason, body] = ANSWERS[new URL(request.url, server.url).searchParams.get('case')!]!;
  res.writeHead(status, reason, { 'content-type': 'application/json', connection: 'close' }).end(body);
});
const { name, backend } = caseBackend();
const api = hostileClient(server, backend, { ratelimit_method: 'throw' });
const outcomes: Record<string, unknown> = {};
for (const which of Object.keys(ANSWERS)) {
  outcomes[which] = await outcomeOf(api.apiRequest({ method: 'GET', path: '/api/v1/odd', params: { case: which } }));
}
reportFromCase({ backend: name, outcomes, polluted: ({} as Record<string, unknown>)['x'] ?? null, openSockets: await server.settled(), peakRssMb: memory.peakMb() });
memory.stop();
await server.close();
