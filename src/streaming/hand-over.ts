import { Observable } from 'rxjs';

// Per-value layers cost on a busy stream; these hand the second Observable the subscriber itself.

/**
 * `concat(first, defer(next))` for a `first` that emits nothing: once it completes, `next()`'s
 * values go straight to the subscriber, with no layer per value.
 *
 * @example afterCompletion(takeStartingCursors(api, state), () => connect(target))
 */
export function afterCompletion<T>(first: Observable<never>, next: () => Observable<T>): Observable<T> {
  return new Observable<T>((subscriber) => first.subscribe({
    error: (error: unknown) => subscriber.error(error),
    // Subscribed with the subscriber itself: its teardown joins the subscriber's.
    complete: () => { next().subscribe(subscriber); },
  }));
}

/**
 * `first.pipe(take(1), concatMap(next))`: `next(value)` of `first`'s first value, its values
 * going straight to the subscriber, with no layer per value. Completes if `first` completes empty.
 *
 * @example afterFirst(streamingBaseUrl(api), (base) => sseConnector({ baseUrl: base, token })(target))
 */
export function afterFirst<A, B>(first: Observable<A>, next: (value: A) => Observable<B>): Observable<B> {
  return new Observable<B>((subscriber) => {
    let started = false;
    const subscription = first.subscribe({
      next: (value) => {
        if (started) return;
        started = true;
        next(value).subscribe(subscriber);
      },
      error: (error: unknown) => { if (!started) subscriber.error(error); },
      complete: () => { if (!started) subscriber.complete(); },
    });
    return () => subscription.unsubscribe();
  });
}
