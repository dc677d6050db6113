import { defer, type Observable, of, throwError } from 'rxjs';
import { catchError, map } from 'rxjs/operators';
import type { MastodonClient } from '../client/client.js';
import type { InstanceFeedAccess, InstanceV2 } from '../entities/instance-v2.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { optionsOf } from './common.js';
import { cachedInstanceV2 } from './instance-cache.js';

/** Options of `timelineIsAvailable`. */
export interface TimelineIsAvailableOptions {
  /** `public`, `hashtag` or `trending_links`; other timelines are always available. Default `public`. */
  timeline?: string;
  /** Ask about local posts only. Default `false`. */
  local?: boolean;
  /** Ask about remote posts only. Default `false`; with neither, both must be readable. */
  remote?: boolean;
  /** Ask for a logged-in user rather than for anybody. Default `false`. */
  with_auth?: boolean;
  /** Fail when the server's configuration cannot be read, instead of emitting `true`. Default `false`. */
  fail_hard?: boolean;
}

const FEEDS: Readonly<Record<string, 'live_feeds' | 'hashtag_feeds' | 'trending_link_feeds'>> = {
  public: 'live_feeds', hashtag: 'hashtag_feeds', trending_links: 'trending_link_feeds',
};

function readable(access: InstanceFeedAccess | undefined, withAuth: boolean): boolean {
  return access === undefined || access === 'public' || (access === 'authenticated' && withAuth);
}

/**
 * Whether a timeline can be read, as the server's `configuration.timelines_access` says (Mastodon
 * 4.5 lets admins close the public, hashtag and link timelines to anonymous readers, or to all
 * but staff): for anybody, or with `with_auth` for a logged-in user. Reads instance v2 once per
 * client. A server that does not say (before 4.5), and one whose configuration cannot be read,
 * gives `true`, unless `fail_hard` asks for the error.
 *
 * @example timelineIsAvailable(client, { timeline: 'public', local: true }).subscribe((open) => open || console.log('log in to read it'))
 */
export function timelineIsAvailable(client: MastodonClient, options?: TimelineIsAvailableOptions): Observable<boolean> {
  return defer(() => {
    const o = optionsOf(options);
    const timeline = o.timeline ?? 'public';
    if (typeof timeline !== 'string') throw new MastodonIllegalArgumentError('timeline must be a string');
    const feed = FEEDS[timeline];
    if (feed === undefined) return of(true);
    const check = (info: InstanceV2): boolean => {
      const rule = info.configuration?.timelines_access?.[feed];
      const withAuth = o.with_auth === true;
      return (o.remote === true || readable(rule?.local, withAuth)) && (o.local === true || readable(rule?.remote, withAuth));
    };
    return cachedInstanceV2(client).pipe(
      map(check),
      catchError((error: unknown) => (o.fail_hard ? throwError(() => error) : of(true))),
    );
  });
}
