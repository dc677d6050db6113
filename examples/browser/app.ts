// A live local timeline in the browser: the first page through `timelineLocal`, then the
// statuses of `streamLocal()` put in front as they arrive, and the stream's state beside the
// title. HTTP goes through `fetch` (`FetchBackend`); the stream through Server-Sent Events, or
// the browser's `WebSocket` with `#transport=websocket`.
//
// The page is served from the Mastodon server's origin (here the fake server) and takes its
// token from the fragment, which never reaches a server: `index.html#token=...`.
// `test/browser/live-timeline.test.ts` bundles it with esbuild and drives it in Chromium. An
// app imports `mastodon-rx`; this page imports the sources, and the test applies the package's
// `browser` field to them as a bundler applies it to `dist/`.
import { merge, type Observable } from 'rxjs';
import { filter, map, scan } from 'rxjs/operators';
import {
  FetchBackend, Mastodon, type DeleteEvent, type Status, type StreamStatus, type UpdateEvent,
} from '../../src/index.js';

/** What changes the list on screen. */
type Change =
  | { readonly kind: 'page'; readonly statuses: readonly Status[] }
  | { readonly kind: 'live'; readonly status: Status }
  | { readonly kind: 'delete'; readonly id: string };

interface Shown {
  readonly statuses: readonly Status[];
  /** Ids that came from the stream, for the page to mark them. */
  readonly live: ReadonlySet<string>;
}

const fragment = new URLSearchParams(location.hash.slice(1));
const transport = fragment.get('transport') === 'websocket' ? 'websocket' : 'sse';
const api = new Mastodon({
  api_base_url: location.origin,
  access_token: fragment.get('token') ?? undefined,
  session: new FetchBackend(),
});

const stream = api.streamLocal({ transport });

/** The newest page first, then live statuses in front; nothing twice; deleted ones go. */
function applyChange(shown: Shown, change: Change): Shown {
  const ids = new Set(shown.statuses.map((status) => status.id));
  switch (change.kind) {
    case 'page':
      return { ...shown, statuses: [...shown.statuses, ...change.statuses.filter((status) => !ids.has(status.id))] };
    case 'live':
      if (ids.has(change.status.id)) return shown;
      return { statuses: [change.status, ...shown.statuses], live: new Set([...shown.live, change.status.id]) };
    case 'delete':
      return { ...shown, statuses: shown.statuses.filter((status) => status.id !== change.id) };
  }
}

const timeline$: Observable<Shown> = merge(
  api.timelineLocal({ limit: 20 }).pipe(map((statuses): Change => ({ kind: 'page', statuses }))),
  stream.pipe(
    filter((event): event is UpdateEvent => event.type === 'update'),
    map((event): Change => ({ kind: 'live', status: event.payload })),
  ),
  stream.pipe(
    filter((event): event is DeleteEvent => event.type === 'delete'),
    map((event): Change => ({ kind: 'delete', id: event.payload })),
  ),
).pipe(scan(applyChange, { statuses: [], live: new Set<string>() }));

const list = document.getElementById('timeline')!;
const badge = document.getElementById('stream-status')!;
const errorLine = document.getElementById('error')!;

/** The plain text of a status's HTML content. */
function plain(html: string): string {
  return new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';
}

function render(shown: Shown): void {
  list.replaceChildren(...shown.statuses.map((status) => {
    const item = document.createElement('li');
    item.dataset['id'] = status.id;
    if (shown.live.has(status.id)) item.className = 'live';
    const who = Object.assign(document.createElement('span'), { className: 'who', textContent: `@${status.account.acct}` });
    const when = Object.assign(document.createElement('time'), { textContent: status.created_at.toLocaleTimeString() });
    when.dateTime = status.created_at.toISOString();
    const text = Object.assign(document.createElement('div'), { className: 'content', textContent: plain(status.content) });
    item.append(who, when, text);
    return item;
  }));
}

function showStatus(status: StreamStatus): void {
  badge.dataset['state'] = status.state;
  badge.textContent = status.state === 'reconnecting'
    ? `stream: reconnecting (attempt ${status.attempt}, in ${Math.round(status.delay_ms)} ms)`
    : `stream: ${status.state}`;
}

function showError(error: unknown): void {
  errorLine.hidden = false;
  errorLine.textContent = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

stream.status$.subscribe(showStatus);
timeline$.subscribe({ next: render, error: showError });
