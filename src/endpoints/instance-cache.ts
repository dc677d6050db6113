import { type Observable, shareReplay, tap } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import type { InstanceV2 } from '../entities/instance-v2.js';
import { fetchResult } from '../http/transport.js';

const known = /* @__PURE__ */ new WeakMap<MastodonClient, Observable<InstanceV2>>();

/**
 * A client's server as instance v2 describes it: asked once per client and shared (a failed
 * ask is asked again), with no version check of its own, for the checks that read its
 * configuration (`timelineIsAvailable`).
 *
 * @example cachedInstanceV2(client).subscribe((info) => console.log(info.configuration.timelines_access))
 */
export function cachedInstanceV2(client: MastodonClient): Observable<InstanceV2> {
  let info = known.get(client);
  if (!info) {
    info = fetchResult<InstanceV2>(client, { method: 'GET', path: '/api/v2/instance/' }).pipe(
      tap({ error: () => known.delete(client) }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    known.set(client, info);
  }
  return info;
}

/**
 * Forgets a client's cached instance v2 (`clearCaches`).
 * @example forgetInstanceV2(client)
 */
export function forgetInstanceV2(client: MastodonClient): void {
  known.delete(client);
}
