// Ids and call objects that would walk the URL to another endpoint, or could not be sent:
// each must fail before any request, in the error channel, as MastodonIllegalArgumentError.
import type { Observable } from 'rxjs';
import { reportFromCase } from '../../support/isolated.js';
import { caseBackend, hostileClient, outcomeOf, startHostileServer, type Outcome } from '../../support/hostile-http.js';

const server = await startHostileServer((_request, res) => {
  res.writeHead(200, { 'content-type': 'application/json', connection: 'close' }).end('{}');
});
const { name, backend } = caseBackend();
const api = hostileClient(server, backend);
const calls: Record<string, () => Observable<unknown>> = {
  "statusDelete('..')": () => api.statusDelete('..'),
  "accountFollow('..')": () => api.accountFollow('..'),
  "status('.')": () => api.status('.'),
  "status('')": () => api.status(''),
  "status('  ')": () => api.status('  '),
  "status('1/../../admin')": () => api.status('1/../../admin'),
  "status('1?admin=1')": () => api.status('1?admin=1'),
  "status('1#x')": () => api.status('1#x'),
  "status({ id: '..' })": () => api.status({ id: '..' }),
  "listAccountsAdd('1', ['..'])": () => api.listAccountsAdd('1', ['..']),
  "timelineHashtag('..')": () => api.timelineHashtag('..'),
  "timeline({ timeline: 'tag/..' })": () => api.timeline({ timeline: 'tag/..' }),
  'apiRequest(undefined)': () => api.apiRequest(undefined as never),
  'apiRequest(null)': () => api.apiRequest(null as never),
  'apiRequest({})': () => api.apiRequest({} as never),
  'verifyMinimumVersion(null)': () => api.verifyMinimumVersion(null as never),
};
const outcomes: Record<string, Outcome | { threw: string }> = {};
for (const [label, call] of Object.entries(calls)) {
  try {
    outcomes[label] = await outcomeOf(call());
  } catch (error) {
    outcomes[label] = { threw: String(error) };
  }
}
reportFromCase({ backend: name, outcomes, requests: server.requests.map((r) => `${r.method} ${r.url}`) });
await server.close();
