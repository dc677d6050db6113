import { configureAngular, TestBed } from '../support/angular.js';
import { resolveExampleImports } from '../support/example-imports.js';
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { provideHttpClient, type HttpRequest } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InjectionToken, Type } from '@angular/core';
import { BehaviorSubject, Subject, type Observable, type Subscription } from 'rxjs';
import type { Status } from '../../src/core.js';
import { FakeMastodon, fakeStreaming } from '../../src/testing/index.js';
import { provideMastodonClient, withHttpClient } from '../../src/angular.js';
import { until } from '../support/deadline.js';

/** The example's view, as `home-timeline.service.ts` declares it (type-checked with the example, by `npm run typecheck:angular`). */
interface TimelineView {
  readonly statuses: readonly Status[];
  readonly live: ReadonlySet<string>;
  readonly older: 'more' | 'loading' | 'end';
  readonly error?: string;
}
interface HomeTimelineService {
  readonly streamState$: Observable<string>;
  timeline(older$: Observable<void>, pageSize?: number): Observable<TimelineView>;
}

// The example's sources, imported as its build sees them (extensionless imports, mastodon-rx by
// name), through a path this project's compiler does not follow.
resolveExampleImports();
const APP = pathToFileURL(join(process.cwd(), 'examples/angular/src/app/')).href;
const { HomeTimelineService } = await import(`${APP}home-timeline.service.ts`) as { HomeTimelineService: Type<HomeTimelineService> };
const { EXAMPLE_CONFIG } = await import(`${APP}config.ts`) as { EXAMPLE_CONFIG: InjectionToken<object> };

// Plain http: with an https API the client would take the `ws://` streaming URL the instance
// names as `wss://` (the token never travels in clear), and the fake streaming server speaks
// plain HTTP on loopback.
const BASE = 'http://mastodon.example';
const HOME = `${BASE}/api/v1/timelines/home`;
const INSTANCE = '/api/v1/instance/';
/** The lists the user stream catches up through REST. */
const CATCH_UP_LISTS = ['/api/v1/timelines/home', '/api/v1/notifications'];
/** Whether the user stream made this request (the instance lookup, a starting cursor, a catch-up read), not the page. */
function fromStream(request: HttpRequest<unknown>): boolean {
  const url = new URL(request.urlWithParams);
  return url.pathname === INSTANCE || (CATCH_UP_LISTS.includes(url.pathname) && (url.search === '?limit=1' || url.searchParams.has('min_id')));
}
const status = (id: string, acct = 'bob'): object => ({
  id, content: `<p>status ${id}</p>`, created_at: '2024-01-01T00:00:00.000Z', account: { id: '1', acct, username: acct },
});

// The example's HomeTimelineService with its REST requests answered by HttpTestingController,
// and its user stream from a fake streaming server on loopback, which the instance's
// `urls.streaming_api` names (streams do not go through HttpClient).
describe('the Angular example\'s HomeTimelineService, with HttpTestingController', () => {
  let streaming: FakeMastodon;
  let token: string;
  let account: ReturnType<FakeMastodon['createUser']>['account'];
  let subscription: Subscription | undefined;
  before(async () => {
    streaming = await FakeMastodon.start();
    ({ token, account } = streaming.createUser('alice'));
  });
  after(() => streaming.close());
  afterEach(() => subscription?.unsubscribe());

  /** A testing module with the example's providers, but HttpClient's backend the testing one. */
  function service(transport: 'sse' | 'websocket' = 'sse'): { http: HttpTestingController; service: HomeTimelineService } {
    configureAngular([
      provideHttpClient(), provideHttpClientTesting(),
      { provide: EXAMPLE_CONFIG, useValue: { server: BASE, token, transport, http: 'fetch' } },
      provideMastodonClient({ api_base_url: BASE, access_token: token, mastodon_version: '4.3.0' }, withHttpClient()),
    ]);
    return { http: TestBed.inject(HttpTestingController), service: TestBed.inject(HomeTimelineService) };
  }

  /** Subscribes to the timeline; the views so far, newest last. */
  function watch(timeline: HomeTimelineService, older: Subject<void>): BehaviorSubject<TimelineView | undefined> {
    const views = new BehaviorSubject<TimelineView | undefined>(undefined);
    subscription = timeline.timeline(older, 2).subscribe(views);
    return views;
  }

  /**
   * Answers the requests the user stream makes through HttpClient, at whatever moment it makes
   * them: the instance lookup (naming the fake streaming server), the starting cursors
   * (`?limit=1` reads of the home timeline and the notifications: none yet, so everything later
   * is new) and, once a connection is open, the catch-up reads from those cursors (`min_id`:
   * nothing was missed). Pages the service asks for are left to the test.
   */
  class StreamAnswers {
    /** What the stream asked and was answered, in order (`GET /api/v1/instance/`). */
    readonly asked: string[] = [];

    constructor(private readonly http: HttpTestingController) {}

    /** Answers every open request of the stream, and those an answer makes it ask at once (the cursors are read one after the other). */
    answer(): void {
      for (let open = this.http.match(fromStream); open.length > 0; open = this.http.match(fromStream)) {
        for (const req of open) {
          if (req.cancelled) continue;
          assert.ok(this.asked.length < 50, `the stream keeps asking: ${this.asked.join(', ')}`);
          const url = new URL(req.request.urlWithParams);
          this.asked.push(`${req.request.method} ${url.pathname}${url.search}`);
          req.flush(url.pathname === INSTANCE
            ? JSON.stringify({ uri: 'mastodon.example', urls: { streaming_api: streaming.url.replace('http', 'ws') } })
            : '[]');
        }
      }
    }

    /** Resolves once `condition()` holds, answering the stream on every turn of the event loop meanwhile; a failure says what it asked. */
    async until(condition: () => boolean, ms: number, what: string): Promise<void> {
      try {
        await until(() => {
          this.answer();
          return condition();
        }, ms, what);
      } catch (error) {
        throw new Error(`${(error as Error).message} (the stream asked: ${this.asked.join(', ') || 'nothing'})`, { cause: error });
      }
    }

    /** Whether the stream asked for all of `requests` (and was answered). */
    answered(...requests: readonly string[]): boolean {
      return requests.every((request) => this.asked.includes(request));
    }
  }

  /** The requests that start the stream: where it connects, and where its catch-up starts. */
  const STARTING = ['GET /api/v1/instance/', 'GET /api/v1/timelines/home?limit=1', 'GET /api/v1/notifications?limit=1'] as const;

  it('shows the first page, one older page per click, and says when there are no more', async () => {
    const { http, service: timeline } = service();
    const stream = new StreamAnswers(http);
    const older = new Subject<void>();
    const views = watch(timeline, older);
    assert.equal(views.value?.older, 'loading');
    await stream.until(() => stream.answered(...STARTING), 10_000, 'the stream asked where to connect and where to catch up from');

    const first = http.expectOne(`${HOME}?limit=2`);
    assert.equal(first.request.headers.get('authorization'), `Bearer ${token}`);
    first.flush(JSON.stringify([status('4'), status('3')]), { headers: { Link: `<${HOME}?max_id=3>; rel="next"` } });
    assert.deepEqual(views.value?.statuses.map((s) => s.id), ['4', '3']);
    assert.equal(views.value?.older, 'more');
    assert.ok(views.value?.statuses[0]?.created_at instanceof Date);

    older.next();
    assert.equal(views.value?.older, 'loading');
    older.next();   // a click while loading asks for nothing more
    http.expectOne(`${HOME}?max_id=3`).flush(JSON.stringify([status('2'), status('1')]), { headers: { Link: `<${HOME}?max_id=1>; rel="next"` } });
    assert.deepEqual(views.value?.statuses.map((s) => s.id), ['4', '3', '2', '1']);

    older.next();
    http.expectOne(`${HOME}?max_id=1`).flush('[]');
    assert.equal(views.value?.older, 'end');
    assert.equal(views.value?.statuses.length, 4);
    stream.answer();
    http.verify();
  });

  it('shows a failed page request and asks again on the next click', async () => {
    const { http, service: timeline } = service();
    const stream = new StreamAnswers(http);
    const older = new Subject<void>();
    const views = watch(timeline, older);
    await stream.until(() => stream.answered(...STARTING), 10_000, 'the stream asked where to connect and where to catch up from');
    http.expectOne(`${HOME}?limit=2`).flush('{"error":"Timeline is resting"}', { status: 503, statusText: 'Service Unavailable' });
    assert.equal(views.value?.older, 'more');
    assert.match(views.value?.error ?? '', /503 Service Unavailable: Timeline is resting/);

    older.next();
    assert.equal(views.value?.error, undefined);
    http.expectOne(`${HOME}?limit=2`).flush(JSON.stringify([status('9')]));
    assert.deepEqual(views.value?.statuses.map((s) => s.id), ['9']);
    stream.answer();
    http.verify();
  });

  for (const transport of ['sse', 'websocket'] as const) {
    it(`puts statuses from the user stream in front, once each, and cancels everything when unsubscribed (${transport})`, { timeout: 30_000 }, async () => {
      const { http, service: timeline } = service(transport);
      const stream = new StreamAnswers(http);
      const views = watch(timeline, new Subject<void>());
      const states: string[] = [];
      const watching = timeline.streamState$.subscribe((state) => states.push(state));
      // The first page stays unanswered until a status has come live, which it will hold too.
      const firstPage = http.expectOne(`${HOME}?limit=2`);
      await stream.until(() => states.includes('open'), 10_000, 'the user stream is open');
      // Connected, the stream catches up what the home timeline and the notifications got since
      // their newest (none here), one after the other: live events wait behind those requests.
      const catchUp = ['GET /api/v1/timelines/home?min_id=0&limit=40', 'GET /api/v1/notifications?min_id=0&limit=40'];
      await stream.until(() => stream.answered(...catchUp), 10_000, 'the stream caught up the home timeline and the notifications through HttpClient');
      assert.deepEqual([...stream.asked].sort(), [...STARTING, ...catchUp].sort(), 'the stream asked each once');

      // Over WebSocket the socket opens before the server has taken the subscription.
      const control = fakeStreaming(streaming.store);
      await stream.until(() => control.connections.some((c) => c.transport === transport && c.streams().includes('user')),
        10_000, 'the fake streaming server carries the user stream');
      const posted = streaming.store.addStatus(account, `live over ${transport}`);
      await stream.until(() => views.value?.statuses[0]?.id === posted.id, 10_000, 'the streamed status is shown first');
      assert.equal(views.value?.statuses[0]?.content, `<p>live over ${transport}</p>`);
      assert.ok(views.value?.live.has(posted.id));
      assert.equal(views.value?.older, 'loading');

      firstPage.flush(JSON.stringify([views.value?.statuses[0], status('1')]));
      assert.deepEqual(views.value?.statuses.map((s) => s.id), [posted.id, '1'], 'the status on the page and from the stream is shown once');
      const next = streaming.store.addStatus(account, 'and one more');
      await stream.until(() => views.value?.statuses[0]?.id === next.id, 10_000, 'the next status is shown first');
      assert.deepEqual(views.value?.statuses.map((s) => s.id), [next.id, posted.id, '1']);

      // Unsubscribed, the stream is answered no more: whatever it still asked must have been cancelled.
      subscription?.unsubscribe();
      assert.equal(states.at(-1), 'closed');
      watching.unsubscribe();
      await until(() => control.openConnections === 0, 10_000, 'the stream\'s connection is closed');
      http.verify();
    });
  }
});
