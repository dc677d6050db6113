import { defer, type Observable, of, throwError } from 'rxjs';
import { catchError, concatMap, map } from 'rxjs/operators';
import { endpoint, json, text } from './define.js';
import { optionsOf, requiredString } from './common.js';
import type { Mastodon } from '../client/mastodon.js';
import type { Nodeinfo, NodeinfoDiscovery } from '../entities/instance-info.js';
import { MastodonIllegalArgumentError, MastodonNotFoundError, MastodonServerError } from '../errors.js';

/** The nodeinfo schema `instanceNodeinfo` asks for unless told otherwise. */
export const NODEINFO_SCHEMA_2_0 = 'http://nodeinfo.diaspora.software/ns/schema/2.0';

/** Options of `instanceNodeinfo`. */
export interface InstanceNodeinfoOptions {
  /** The schema wanted, by its `rel`. Default {@link NODEINFO_SCHEMA_2_0}. */
  schema?: string;
}

const health = endpoint('GET /health', { created: '3.0.0', changed: '3.0.0', returns: text() });
const nodeinfoDiscovery = endpoint('GET /.well-known/nodeinfo', {
  created: '3.0.0', changed: '3.0.0', returns: json<NodeinfoDiscovery>(),
});

const HEALTHY_BODIES = ['OK', 'success'];

/** Health and nodeinfo: calls whose answer needs more than a table row. */
export const instanceExtras = {
  /**
   * Whether the server says it is healthy (`GET /health` answers `OK`). A server error status
   * (5xx) counts as unhealthy and emits `false`; a network failure is an error.
   *
   * @example api.instanceHealth().subscribe((ok) => console.log(ok ? 'up' : 'down'))
   */
  instanceHealth(this: Mastodon): Observable<boolean> {
    return this.callEndpoint<string>(health, []).pipe(
      map((body) => HEALTHY_BODIES.includes(body.trim())),
      catchError((error: unknown) => error instanceof MastodonServerError ? of(false) : throwError(() => error)),
    );
  },

  /**
   * The server's nodeinfo: reads `/.well-known/nodeinfo`, then fetches the document of the
   * wanted schema from the address given there. If that address answers 404, its path is
   * tried on the API base instead. The access token is only sent when that address is on the
   * API's own origin.
   *
   * @example api.instanceNodeinfo().subscribe((info) => console.log(info.software.name, info.usage.users.total))
   */
  instanceNodeinfo(this: Mastodon, options?: InstanceNodeinfoOptions): Observable<Nodeinfo> {
    return defer(() => {
      const o = optionsOf(options);
      const schema = o.schema === undefined ? NODEINFO_SCHEMA_2_0 : requiredString('schema', o.schema);
      return this.callEndpoint<NodeinfoDiscovery>(nodeinfoDiscovery, []).pipe(
        concatMap((discovery) => {
          const link = Array.isArray(discovery?.links) ? discovery.links.find((l) => l?.rel === schema) : undefined;
          if (link === undefined || typeof link.href !== 'string') {
            throw new MastodonIllegalArgumentError(`Requested nodeinfo schema is not available: ${schema}`);
          }
          const url = new URL(link.href, this.api_base_url);
          return this.apiRequest<Nodeinfo>({ method: 'GET', path: url.href }).pipe(
            catchError((error: unknown) => error instanceof MastodonNotFoundError
              ? this.apiRequest<Nodeinfo>({ method: 'GET', path: url.pathname + url.search })
              : throwError(() => error)),
          );
        }),
      );
    });
  },
};
