// Servers whose Link headers never let a walk end: a next link to the same page, a cycle of
// two pages, a prev link back to itself, and empty pages that keep sending a fresh next link.
import { lastValueFrom, toArray } from 'rxjs';
import { paginate, paginateItems, type Page } from '../../../src/index.js';
import { reportFromCase } from '../../support/isolated.js';
import { caseBackend, hostileClient, outcomeOf, startHostileServer } from '../../support/hostile-http.js';

let counter = 0;
const server = await startHostileServer((request, res) => {
  const url = new URL(request.url, server.url);
  const mode = url.searchParams.get('mode')!;
  const page = Number(url.searchParams.get('page') ?? 0);
  let items: unknown[] = [{ id: String(100 + page), content: `page ${page}` }];
  let link = '';
  if (mode === 'self') link = `<${server.url}${request.url}>; rel="next"`;
  if (mode === 'cycle') link = `<${server.url}/api/v1/timelines/home?mode=cycle&page=${page === 0 ? 1 : 0}>; rel="next"`;
  if (mode === 'prev-self') link = `<${server.url}${request.url}>; rel="prev"`;
  if (mode === 'empty-next') {
    // Two full pages, then empty pages forever, each with a new next link.
    if (page >= 2) items = [];
    link = `<${server.url}/api/v1/timelines/home?mode=empty-next&page=${page + 1}&n=${counter++}>; rel="next"`;
  }
  res.writeHead(200, { 'content-type': 'application/json', link, connection: 'close' }).end(JSON.stringify(items));
});
const { name, backend } = caseBackend();
const api = hostileClient(server, backend);
const home = (mode: string) => api.apiRequest<Page<unknown>>({ method: 'GET', path: '/api/v1/timelines/home', params: { mode }, result: 'page' });

const requestsOf = async <T>(run: () => Promise<T>): Promise<{ result: T; requests: number }> => {
  const before = server.requests.length;
  const result = await run();
  return { result, requests: server.requests.length - before };
};

const firstOf = async (mode: string): Promise<Page<unknown>> => lastValueFrom(home(mode));
const results = {
  fetchRemainingSelf: await requestsOf(async () => outcomeOf(api.fetchRemaining(await firstOf('self')))),
  paginateSelf: await requestsOf(() => outcomeOf(paginate(home('self')))),
  paginateItemsCycle: await requestsOf(() => outcomeOf(paginateItems(home('cycle')))),
  fetchRemainingCycle: await requestsOf(async () => outcomeOf(api.fetchRemaining(await firstOf('cycle')))),
  paginatePrevSelf: await requestsOf(() => outcomeOf(paginate(home('prev-self'), { direction: 'prev' }))),
  fetchRemainingEmptyNext: await requestsOf(async () => {
    const all = await lastValueFrom(api.fetchRemaining(await firstOf('empty-next')));
    return all.length;
  }),
  paginateEmptyNext: await requestsOf(async () => {
    const pages = await lastValueFrom(paginate(home('empty-next')).pipe(toArray()));
    return pages.map((page) => page.length);
  }),
};
reportFromCase({ backend: name, ...results, openSockets: await server.settled() });
await server.close();
