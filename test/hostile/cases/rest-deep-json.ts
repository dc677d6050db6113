// A server whose 2xx bodies are JSON nested 6,000 and 100,000 levels deep, for an entity and for a page.
import { reportFromCase } from '../../support/isolated.js';
import { caseBackend, hostileClient, outcomeOf, startHostileServer, watchMemory } from '../../support/hostile-http.js';

const memory = watchMemory();
const server = await startHostileServer((request, res) => {
  const levels = request.url.includes('timelines') ? 100_000 : 6_000;
  const body = `[${'{"a":['.repeat(levels)}1${']}'.repeat(levels)}]`;
  res.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end(body);
});
const { name, backend } = caseBackend();
const api = hostileClient(server, backend);
const entity = await outcomeOf(api.status('1'));
const page = await outcomeOf(api.timelineHome());
reportFromCase({ backend: name, entity, page, requests: server.requests.length, openSockets: await server.settled(), peakRssMb: memory.peakMb() });
memory.stop();
await server.close();
