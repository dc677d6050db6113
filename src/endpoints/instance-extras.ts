import { defer, type Observable, of, throwError } from 'rxjs';
import { catchError, concatMap, map } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import { json, row, text } from './define.js';
import { optionsOf, requiredString } from './common.js';
import { NODEINFO_SCHEMA_2_0 } from './constants.js';
import type { Nodeinfo, NodeinfoDiscovery } from '../entities/instance-info.js';
import { MastodonIllegalArgumentError, MastodonNotFoundError, MastodonServerError } from '../errors.js';
import { fetchResult } from '../http/transport.js';

/** Options of `instanceNodeinfo`. */
export interface InstanceNodeinfoOptions {
  /** The schema wanted, by its `rel`. Default {@link NODEINFO_SCHEMA_2_0}. */
  schema?: string;
}

/** The health check behind `instanceHealth`. */
export const instanceHealthRow = /* @__PURE__ */ row('GET /health', { created: '3.0.0', changed: '3.0.0', returns: text });

/** The discovery document `instanceNodeinfo` reads first. */
export const nodeinfoDiscoveryRow = /* @__PURE__ */ row('GET /.well-known/nodeinfo', {
  created: '3.0.0', changed: '3.0.0', returns: json<NodeinfoDiscovery>,
});

const HEALTHY_BODIES = ['OK', 'success'];

/**
 * Whether the server says it is healthy (`GET /health` answers `OK`). A server error status
 * (5xx) counts as unhealthy and emits `false`; a network failure is an error.
 *
 * @example instanceHealth(client).subscribe((ok) => console.log(ok ? 'up' : 'down'))
 */
export function instanceHealth(client: MastodonClient): Observable<boolean> {
  return call(client, instanceHealthRow, []).pipe(
    map((body) => HEALTHY_BODIES.includes(body.trim())),
    catchError((error: unknown) => error instanceof MastodonServerError ? of(false) : throwError(() => error)),
  );
}

/**
 * The server's nodeinfo: reads `/.well-known/nodeinfo`, then fetches the document of the
 * wanted schema from the address given there. If that address answers 404, its path is
 * tried on the API base instead. The access token is only sent when that address is on the
 * API's own origin.
 *
 * @example instanceNodeinfo(client).subscribe((info) => console.log(info.software.name, info.usage.users.total))
 */
export function instanceNodeinfo(client: MastodonClient, options?: InstanceNodeinfoOptions): Observable<Nodeinfo> {
  return defer(() => {
    const o = optionsOf(options);
    const schema = o.schema === undefined ? NODEINFO_SCHEMA_2_0 : requiredString('schema', o.schema);
    return call(client, nodeinfoDiscoveryRow, []).pipe(
      concatMap((discovery) => {
        const link = Array.isArray(discovery?.links) ? discovery.links.find((l) => l?.rel === schema) : undefined;
        if (link === undefined || typeof link.href !== 'string') {
          throw new MastodonIllegalArgumentError(`Requested nodeinfo schema is not available: ${schema}`);
        }
        const url = new URL(link.href, client.api_base_url);
        return fetchResult<Nodeinfo>(client, { method: 'GET', path: url.href }).pipe(
          catchError((error: unknown) => error instanceof MastodonNotFoundError
            ? fetchResult<Nodeinfo>(client, { method: 'GET', path: url.pathname + url.search })
            : throwError(() => error)),
        );
      }),
    );
  });
}
