import { inject, Injectable } from '@angular/core';
import { catchError, defer, exhaustMap, filter, map, merge, of, scan, startWith, tap, type Observable } from 'rxjs';
import { injectMastodonClient } from 'mastodon-rx/angular';
import { fetchNext, streamUser, timelineHome } from 'mastodon-rx/api';
import type { Page, Status, StreamStatus, UpdateEvent } from 'mastodon-rx/core';
import { EXAMPLE_CONFIG } from './config';

/** The timeline as the page shows it. */
export interface TimelineView {
  /** Newest first: live statuses in front of the pages fetched. */
  readonly statuses: readonly Status[];
  /** The ids of the statuses that came from the stream. */
  readonly live: ReadonlySet<string>;
  /** Whether older statuses can be asked for, are on their way, or have run out. */
  readonly older: 'more' | 'loading' | 'end';
  /** Why the last page request failed, if it did; asking again retries it. */
  readonly error?: string;
}

/** What changes the view. */
type Change =
  | { readonly kind: 'loading' }
  | { readonly kind: 'page'; readonly statuses: readonly Status[]; readonly more: boolean }
  | { readonly kind: 'failed'; readonly message: string }
  | { readonly kind: 'live'; readonly status: Status };

const EMPTY_VIEW: TimelineView = { statuses: [], live: new Set(), older: 'loading' };

/**
 * The home timeline of the injected client: its first page on subscribe, one older page each
 * time `older$` emits (following the server's `Link` header), and the `update` events of the
 * user stream in front as they come. Uses the light client and the functions of
 * `mastodon-rx/api`, so the app bundles only the three endpoints it calls.
 */
@Injectable({ providedIn: 'root' })
export class HomeTimelineService {
  private readonly client = injectMastodonClient();
  /** The user's stream: one connection, opened by the first subscriber and closed by the last. */
  private readonly stream = streamUser(this.client, { transport: inject(EXAMPLE_CONFIG).transport });

  /** Where the stream's connection is: `connecting`, `open`, `reconnecting`, `closed`. */
  readonly streamState$: Observable<StreamStatus['state']> = this.stream.status$.pipe(map((status) => status.state));

  /** The view, for the `async` pipe: unsubscribing (the component going) closes the stream. */
  timeline(older$: Observable<void>, pageSize = 20): Observable<TimelineView> {
    return defer(() => {
      let last: Page<Status> | undefined;
      const pages$ = older$.pipe(
        startWith(undefined),
        exhaustMap(() => (last === undefined ? timelineHome(this.client, { limit: pageSize }) : fetchNext(this.client, last)).pipe(
          tap((page) => { if (page) last = page; }),
          map((page): Change => ({ kind: 'page', statuses: page ?? [], more: page !== null && page.length > 0 && page._pagination_next !== undefined })),
          catchError((error: unknown) => of<Change>({ kind: 'failed', message: error instanceof Error ? error.message : String(error) })),
          startWith<Change>({ kind: 'loading' }),
        )),
      );
      const live$ = this.stream.pipe(
        filter((event): event is UpdateEvent => event.type === 'update'),
        map((event): Change => ({ kind: 'live', status: event.payload })),
      );
      return merge(pages$, live$).pipe(scan(applyChange, EMPTY_VIEW));
    });
  }
}

/** Older pages go at the end, live statuses in front; a status already shown is not repeated. */
function applyChange(view: TimelineView, change: Change): TimelineView {
  const shown = new Set(view.statuses.map((status) => status.id));
  switch (change.kind) {
    case 'loading':
      return { ...view, older: 'loading', error: undefined };
    case 'failed':
      return { ...view, older: 'more', error: change.message };
    case 'page':
      return { ...view, statuses: [...view.statuses, ...change.statuses.filter((s) => !shown.has(s.id))], older: change.more ? 'more' : 'end' };
    case 'live':
      if (shown.has(change.status.id)) return view;
      return { ...view, statuses: [change.status, ...view.statuses], live: new Set([...view.live, change.status.id]) };
  }
}
