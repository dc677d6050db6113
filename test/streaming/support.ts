import type { Observable } from 'rxjs';
import { firstValueFrom } from 'rxjs';
import { filter, take, toArray } from 'rxjs/operators';
import type { StreamEvent } from '../../src/index.js';

/** Resolves when `condition` holds, checking every few ms; rejects after `ms`. Waits for the server, never asserts on time. */
export async function eventually(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** The first `n` events of a type. */
export function firstOf<T extends StreamEvent['type']>(stream: Observable<StreamEvent>, type: T, n: number): Promise<Extract<StreamEvent, { type: T }>[]> {
  return firstValueFrom(stream.pipe(
    filter((e): e is Extract<StreamEvent, { type: T }> => e.type === type),
    take(n),
    toArray(),
  ));
}
