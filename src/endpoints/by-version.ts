import { concatMap, defer, type Observable } from 'rxjs';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import type { Endpoint } from './define.js';
import { verifyMinimumVersion } from './versions.js';

/** An endpoint whose route depends on the server's version; it carries both rows as `.rows`. */
export interface VersionSwitch<A extends unknown[], R> {
  (client: MastodonClient, ...args: A): Observable<R>;
  /** The first version that gets the newer row. */
  readonly version: string;
  /** The newer row first, then the older one. */
  readonly rows: readonly [newer: Endpoint<A, R>, older: Endpoint<A, R>];
}

/**
 * One endpoint over two rows: `newer` on servers from `version` on, `older` before (the
 * known version is used; it is fetched once when unknown). The arguments are checked before
 * the version is asked for.
 *
 * ## Example
 * ```ts
 * export const trendingTags = byVersion('3.5.0', trendingTagsRow, trendingTagsBefore350Row);
 * trendingTags(client, { limit: 10 }).subscribe((tags) => console.log(tags.map((t) => t.name)));
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function byVersion<A extends unknown[], R>(version: string, newer: Endpoint<A, R>, older: Endpoint<A, R>): VersionSwitch<A, R> {
  const send = (client: MastodonClient, ...args: A): Observable<R> => defer(() => {
    newer.params(...args);
    return verifyMinimumVersion(client, version, { cached: true }).pipe(concatMap((recent) => call(client, recent ? newer : older, args)));
  });
  return Object.assign(send, { version, rows: [newer, older] as const });
}
