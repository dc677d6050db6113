import { Injectable, inject } from '@angular/core';
import { merge, type Observable } from 'rxjs';
import { filter, map, mergeScan, scan, skip, startWith, take } from 'rxjs/operators';
import { paginate, type Page, type Status, type UpdateEvent } from 'mastodon-rx';
import { MASTODON } from './mastodon.provider';

/** What changes the timeline on screen. */
type TimelineChange =
  | { readonly kind: 'older'; readonly statuses: readonly Status[] }
  | { readonly kind: 'live'; readonly status: Status };

/**
 * The home timeline as the component shows it: newest first, one more page of older
 * statuses each time `more$` emits, and new statuses from `streamUser` in front as they come.
 */
@Injectable({ providedIn: 'root' })
export class HomeTimelineService {
  private readonly api = inject(MASTODON);

  /**
   * Statuses accumulated so far. The first page is fetched on subscribe; each `more$` fetches
   * exactly one page more (`paginate` is lazy: `skip(1), take(1)` after the last page sends
   * one request), following the server's `Link` header.
   */
  timeline(more$: Observable<void>, pageSize = 20): Observable<readonly Status[]> {
    const olderPages$ = more$.pipe(
      startWith(undefined),
      mergeScan(
        (last: Page<Status> | null) => last === null
          ? paginate(this.api.timelineHome({ limit: pageSize })).pipe(take(1))
          : paginate(last).pipe(skip(1), take(1)),
        null,
        1,
      ),
      filter((page): page is Page<Status> => page !== null),
    );

    // ── Live feed ─────────────────────────────────────────────────────────────────────────
    // New home statuses from the user's stream go in front of the pages. The stream is hot and
    // shared: the `async` pipe's unsubscribe (the component going away) closes the connection;
    // after a reconnect it catches up what it missed, and `applyChange` drops repeats.
    const live$: Observable<Status> = this.api.streamUser().pipe(
      filter((event): event is UpdateEvent => event.type === 'update'),
      map((event) => event.payload),
    );
    // ──────────────────────────────────────────────────────────────────────────────────────

    return merge(
      olderPages$.pipe(map((statuses): TimelineChange => ({ kind: 'older', statuses }))),
      live$.pipe(map((status): TimelineChange => ({ kind: 'live', status }))),
    ).pipe(scan(applyChange, [] as readonly Status[]));
  }
}

/** Older pages go at the end, live statuses at the front; a status already shown is not repeated. */
function applyChange(shown: readonly Status[], change: TimelineChange): readonly Status[] {
  const ids = new Set(shown.map((status) => status.id));
  if (change.kind === 'live') return ids.has(change.status.id) ? shown : [change.status, ...shown];
  return [...shown, ...change.statuses.filter((status) => !ids.has(status.id))];
}
