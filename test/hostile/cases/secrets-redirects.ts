// A server that answers every call with a redirect, to another origin or to itself: the token,
// the password, the client secret and the status text must go nowhere but the first request.
import { reportFromCase } from '../../support/isolated.js';
import { caseBackend, hostileClient, outcomeOf, startHostileServer, type Outcome } from '../../support/hostile-http.js';

const elsewhere = await startHostileServer((_request, res) => {
  res.writeHead(200, { 'content-type': 'application/json', connection: 'close' })
    .end(JSON.stringify({ access_token: 'token-from-elsewhere', token_type: 'Bearer', scope: 'read write follow push', created_at: 1 }));
});
const home = await startHostileServer((request, res) => {
  const { searchParams, pathname } = new URL(request.url, 'http://x');
  const status = Number(searchParams.get('redirect') ?? 307);
  const target = searchParams.get('to') === 'self' ? `${home.url}/api/v1/instance` : `${elsewhere.url}${pathname}`;
  res.writeHead(status, { location: target, connection: 'close' }).end();
});

const { name, backend } = caseBackend();
const api = hostileClient(home, backend, { client_id: 'client-id', client_secret: 'client-secret-value' });
const outcomes: Record<string, Outcome> = {};
for (const status of [301, 302, 303, 307, 308]) {
  outcomes[`statusPost ${status}`] = await outcomeOf(api.apiRequest({ method: 'POST', path: `/api/v1/statuses?redirect=${status}`, params: { status: 'secret draft' } }));
  outcomes[`status ${status}`] = await outcomeOf(api.apiRequest({ method: 'GET', path: `/api/v1/statuses/1?redirect=${status}` }));
}
outcomes['same origin'] = await outcomeOf(api.apiRequest({ method: 'GET', path: '/api/v1/statuses/1', params: { to: 'self' } }));
outcomes['revokeAccessToken'] = await outcomeOf(api.revokeAccessToken());
outcomes['logIn'] = await outcomeOf(api.logIn('alice@example.com', 'hunter2-password'));

reportFromCase({
  backend: name,
  outcomes,
  tokenAfterLogIn: api.access_token ?? null,
  homeRequests: home.requests.length,
  homeSawPassword: home.requests.some((r) => r.body.includes('hunter2-password')),
  elsewhereRequests: elsewhere.requests.map((r) => `${r.method} ${r.url} ${r.headers['authorization'] ?? ''} ${r.body}`),
  openSockets: await home.settled() + await elsewhere.settled(),
});
await home.close();
await elsewhere.close();
