import { Observable, type Subscriber, type Subscription } from 'rxjs';

// Per-value layers cost on a busy stream; these hand the second Observable the subscriber itself.

/** Subscribes `subscriber` to what `make` gives; `make` throwing is the subscriber's error, not an uncaught one. */
function handOver<T>(make: () => Observable<T>, subscriber: Subscriber<T>): void {
  let next$: Observable<T>;
  try {
    next$ = make();
  } catch (error) {
    subscriber.error(error);
    return;
  }
  next$.subscribe(subscriber);
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
    let subscription: Subscription | undefined;
    subscription = first.subscribe({
      next: (value) => {
        if (started) return;
        started = true;
        // Like take(1): `first` is left once it has given its value.
        subscription?.unsubscribe();
        handOver(() => next(value), subscriber);
      },
      error: (error: unknown) => { if (!started) subscriber.error(error); },
      complete: () => { if (!started) subscriber.complete(); },
    });
    if (started) subscription.unsubscribe();
    return () => subscription?.unsubscribe();
  });
}
