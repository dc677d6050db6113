import { configureAngular, TestBed } from '../support/angular.js';
import { resolveExampleImports } from '../support/example-imports.js';
import { after, afterEach, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { InjectionToken, Type } from '@angular/core';
import { BehaviorSubject, Subject, filter, firstValueFrom, type Observable, type Subscription } from 'rxjs';
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

const BASE = 'https://mastodon.example';
const HOME = `${BASE}/api/v1/timelines/home`;
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
   * Answers what the user stream asks the REST API before it connects: where the newest home
   * status and notification are (for catching up after reconnects: nowhere yet), and the
   * instance, which names the fake streaming server.
   */
  function answerInstance(http: HttpTestingController): void {
    const asked: string[] = [];
    for (let round = 0; round < 5 && !asked.includes('GET /api/v1/instance/'); round += 1) {
      for (const req of http.match((r) => r.urlWithParams.endsWith('?limit=1') || r.url === `${BASE}/api/v1/instance/`)) {
        asked.push(`${req.request.method} ${new URL(req.request.urlWithParams).pathname}`);
        req.flush(req.request.url.endsWith('/instance/')
          ? JSON.stringify({ uri: 'mastodon.example', urls: { streaming_api: streaming.url.replace('http', 'ws') } })
          : '[]');
      }
    }
    assert.ok(asked.includes('GET /api/v1/instance/'), `the stream asked ${asked.join(', ')}`);
  }

  it('shows the first page, one older page per click, and says when there are no more', () => {
    const { http, service: timeline } = service();
    const older = new Subject<void>();
    const views = watch(timeline, older);
    assert.equal(views.value?.older, 'loading');
    answerInstance(http);

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
    http.verify();
  });

  it('shows a failed page request and asks again on the next click', () => {
    const { http, service: timeline } = service();
    const older = new Subject<void>();
    const views = watch(timeline, older);
    answerInstance(http);
    http.expectOne(`${HOME}?limit=2`).flush('{"error":"Timeline is resting"}', { status: 503, statusText: 'Service Unavailable' });
    assert.equal(views.value?.older, 'more');
    assert.match(views.value?.error ?? '', /503 Service Unavailable: Timeline is resting/);

    older.next();
    assert.equal(views.value?.error, undefined);
    http.expectOne(`${HOME}?limit=2`).flush(JSON.stringify([status('9')]));
    assert.deepEqual(views.value?.statuses.map((s) => s.id), ['9']);
    http.verify();
  });

  for (const transport of ['sse', 'websocket'] as const) {
    it(`puts statuses from the user stream in front, once each, and cancels everything when unsubscribed (${transport})`, { timeout: 30_000 }, async () => {
      const { http, service: timeline } = service(transport);
      const views = watch(timeline, new Subject<void>());
      answerInstance(http);
      // The first page stays unanswered until a status has come live, which it will hold too.
      const firstPage = http.expectOne(`${HOME}?limit=2`);
      await firstValueFrom(timeline.streamState$.pipe(filter((state) => state === 'open')));
      // Connected, the stream catches up what the home timeline and the notifications got since
      // their newest (none here), one after the other: live events wait behind those requests.
      const caughtUp = new Set<string>();
      await until(() => {
        for (const req of http.match((r) => /\?min_id=0&limit=40$/.test(r.url))) {
          caughtUp.add(new URL(req.request.url).pathname);
          req.flush('[]');
        }
        return caughtUp.size === 2;
      }, 10_000, 'the stream caught up the home timeline and the notifications through HttpClient');
      assert.deepEqual([...caughtUp].sort(), ['/api/v1/notifications', '/api/v1/timelines/home']);

      // Over WebSocket the socket opens before the server has taken the subscription.
      const control = fakeStreaming(streaming.store);
      await until(() => control.connections.some((c) => c.transport === transport && c.streams().includes('user')),
        10_000, 'the fake streaming server carries the user stream');
      const posted = streaming.store.addStatus(account, `live over ${transport}`);
      await until(() => views.value?.statuses[0]?.id === posted.id, 10_000, 'the streamed status is shown first');
      assert.equal(views.value?.statuses[0]?.content, `<p>live over ${transport}</p>`);
      assert.ok(views.value?.live.has(posted.id));
      assert.equal(views.value?.older, 'loading');

      firstPage.flush(JSON.stringify([views.value?.statuses[0], status('1')]));
      assert.deepEqual(views.value?.statuses.map((s) => s.id), [posted.id, '1'], 'the status on the page and from the stream is shown once');
      const next = streaming.store.addStatus(account, 'and one more');
      await until(() => views.value?.statuses[0]?.id === next.id, 10_000, 'the next status is shown first');
      assert.deepEqual(views.value?.statuses.map((s) => s.id), [next.id, posted.id, '1']);

      subscription?.unsubscribe();
      await firstValueFrom(timeline.streamState$.pipe(filter((state) => state === 'closed')));
      await until(() => control.openConnections === 0, 10_000, 'the stream\'s connection is closed');
      http.verify();
    });
  }
});
