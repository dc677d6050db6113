import { Injectable, inject } from '@angular/core';
import { EMPTY, merge, type Observable } from 'rxjs';
import { filter, map, mergeScan, scan, skip, startWith, take } from 'rxjs/operators';
import { paginate, type Page, type Status } from 'mastodon-rx';
import { MASTODON } from './mastodon.provider';

/** What changes the timeline on screen. */
type TimelineChange =
  | { readonly kind: 'older'; readonly statuses: readonly Status[] }
  | { readonly kind: 'live'; readonly status: Status };

/**
 * The home timeline as the component shows it: newest first, one more page of older
 * statuses each time `more$` emits.
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

    // ── Live feed: merge point for streaming ──────────────────────────────────────────────
    // Once `streamUser` exists, new statuses come in here, in front of the pages:
    //   this.api.streamUser().pipe(filter((e) => e.event === 'update'), map((e) => e.payload))
    // Until then the live feed is empty; the reducer below already places live statuses.
    const live$: Observable<Status> = EMPTY;
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
