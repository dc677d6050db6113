import { endpoint, page } from './define.js';
import { flag, optionsOf, paginationParams, requiredString, type PaginationOptions } from './common.js';
import type { Status } from '../entities/status.js';
import type { Params } from '../http/params.js';

/** Options of the timeline calls. */
export interface TimelineOptions extends PaginationOptions {
  /** Only statuses with media. */
  only_media?: boolean;
  /** Only statuses from this server. */
  local?: boolean;
  /** Only statuses from other servers. */
  remote?: boolean;
}

/** Options of `timeline`: which timeline, and the usual timeline options. */
export interface AnyTimelineOptions extends TimelineOptions {
  /** `home` (default), `local`, `public`, `tag/<hashtag>` or `list/<id>`. */
  timeline?: string;
}

function timelineParams(options: TimelineOptions | undefined): Params {
  const o = optionsOf(options);
  return { ...paginationParams(o), only_media: flag(o.only_media), local: flag(o.local), remote: flag(o.remote) };
}

/** Timelines: home, local, public, hashtag, list. */
export const timelines = {
  /**
   * Any timeline by name: `home`, `local` (the public timeline with `local`), `public`,
   * `tag/<hashtag>` or `list/<id>`. Emits one {@link Page}.
   * @example api.timeline({ timeline: 'local', limit: 20 }).subscribe((page) => console.log(page.length))
   */
  timeline: endpoint('GET /api/v1/timelines/{timeline*}', {
    created: '1.0.0', changed: '3.1.4', returns: page<Status>(),
    params: (options?: AnyTimelineOptions) => {
      const o = optionsOf(options);
      const name = o.timeline === undefined ? 'home' : requiredString('timeline', o.timeline);
      const params = timelineParams(o);
      return name === 'local' ? { ...params, timeline: 'public', local: true } : { ...params, timeline: name };
    },
  }),

  /**
   * The logged-in user's home timeline. Emits one {@link Page}.
   * @example api.timelineHome({ limit: 40 }).subscribe((page) => console.log(page[0]?.content))
   */
  timelineHome: endpoint('GET /api/v1/timelines/home', {
    created: '1.0.0', changed: '3.1.4', returns: page<Status>(),
    params: (options?: TimelineOptions) => timelineParams(options),
  }),
};
