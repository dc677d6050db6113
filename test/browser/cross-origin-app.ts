// The script of the page `cross-origin.test.ts` serves from a loopback server of its own: it
// talks to the fake Mastodon on another origin (its URL and a token come in the fragment) and
// puts what it saw on `window.seen`, or the failure on `window.failure`.
import { filter, firstValueFrom, take, timeout } from 'rxjs';
import { FetchBackend, Mastodon, type UpdateEvent } from '../../src/index.js';

/** What the page found, for the test to compare. */
export interface Seen {
  readonly raw: { status: number; link: string | null; limit: string | null; remaining: string | null; reset: string | null; requestId: string | null };
  readonly sameStatusForOneKey: boolean;
  readonly outsideTheApi: string;
  readonly client: { posted: string; pages: number[]; remaining: number; limit: number; streamed: string };
}

declare global {
  interface Window {
    seen?: Seen;
    failure?: string;
  }
}

const fragment = new URLSearchParams(location.hash.slice(1));
const server = fragment.get('server') ?? '';
const token = fragment.get('token') ?? '';
const auth = { Authorization: `Bearer ${token}` };

/** A status posted with an Idempotency-Key (a preflighted header), by fetch; its id. */
async function postWithKey(text: string, key: string): Promise<string> {
  const response = await fetch(`${server}/api/v1/statuses`, {
    method: 'POST', headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': key }, body: JSON.stringify({ status: text }),
  });
  return ((await response.json()) as { id: string }).id;
}

async function look(): Promise<Seen> {
  const first = await postWithKey('posted twice with one key', 'key-1');
  const sameStatusForOneKey = first === await postWithKey('posted twice with one key', 'key-1');
  await postWithKey('another status', 'key-2');

  const response = await fetch(`${server}/api/v1/timelines/home?limit=1`, { headers: auth });
  const header = (name: string): string | null => response.headers.get(name);
  const raw = {
    status: response.status, link: header('Link'), limit: header('X-RateLimit-Limit'), remaining: header('X-RateLimit-Remaining'),
    reset: header('X-RateLimit-Reset'), requestId: header('X-Request-Id'),
  };
  const outsideTheApi = await fetch(`${server}/not-the-api`).then(() => 'read', (error: unknown) => (error instanceof Error ? error.name : String(error)));

  const api = new Mastodon({ api_base_url: server, access_token: token, session: new FetchBackend() });
  const stream = api.streamUser({ transport: 'sse' });
  const update = firstValueFrom(stream.pipe(filter((event): event is UpdateEvent => event.type === 'update'), take(1), timeout(10_000)));
  await firstValueFrom(stream.status$.pipe(filter((status) => status.state === 'open'), timeout(10_000)));
  const posted = await firstValueFrom(api.statusPost('through the client, from another origin'));
  const page = await firstValueFrom(api.timelineHome({ limit: 2 }));
  const next = await firstValueFrom(api.fetchNext(page));
  return {
    raw, sameStatusForOneKey, outsideTheApi,
    client: {
      posted: posted.content, pages: [page.length, next?.length ?? -1], remaining: api.ratelimit_remaining, limit: api.ratelimit_limit,
      streamed: (await update).payload.content,
    },
  };
}

look().then((seen) => { window.seen = seen; }, (error: unknown) => { window.failure = error instanceof Error ? `${error.name}: ${error.message}` : String(error); });
