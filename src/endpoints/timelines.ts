import { endpoint, page } from './define.js';
import { flag, optionsOf, paginationParams, requiredString, type PaginationOptions } from './common.js';
import type { Status } from '../entities/status.js';
import type { Params } from '../http/params.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { idOf, type IdLike } from '../ids.js';
import type { Page } from '../pagination/page.js';
import { fillPath } from '../http/fill-path.js';

/** Options of `timelineLocal`: no `local` or `remote`, it is local by definition. */
export type LocalTimelineOptions = Omit<TimelineOptions, 'local' | 'remote'>;

function hashtagOf(hashtag: unknown, name = 'hashtag'): string {
  if (typeof hashtag !== 'string' || hashtag === '') throw new MastodonIllegalArgumentError(`${name} must be a non-empty string`);
  if (hashtag.startsWith('#')) {
    throw new MastodonIllegalArgumentError('Hashtag parameter should omit leading #');
  }
  return hashtag;
}

/** Options of the timeline calls. */
export interface TimelineOptions extends PaginationOptions {
  /** Only statuses with media. */
  only_media?: boolean;
  /** Only statuses from this server. */
  local?: boolean;
  /** Only statuses from other servers. */
  remote?: boolean;
}

/** Options of `timelineHashtag`: those of the timelines, and more hashtags (without `#`) to match. */
export interface HashtagTimelineOptions extends TimelineOptions {
  /** Also statuses with any of these hashtags. */
  any?: readonly string[];
  /** Only statuses that also have all of these. */
  all?: readonly string[];
  /** Only statuses that have none of these. */
  none?: readonly string[];
}

function hashtagList(name: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) throw new MastodonIllegalArgumentError(`${name} must be a list of hashtags`);
  return value.map((tag: unknown) => hashtagOf(tag, name));
}

/** Options of `timeline`: which timeline, and the usual timeline options. */
export interface AnyTimelineOptions extends TimelineOptions {
  /** `home` (default), `local`, `public`, `tag/<hashtag>` or `list/<id>`. */
  timeline?: string;
}

// The timelines add to the fresh object of paginationParams rather than spread it into another:
// V8 builds a spread followed by more members the slow way, several microseconds a request.
function timelineParams(options: TimelineOptions | undefined): Params {
  const o = optionsOf(options);
  return Object.assign(paginationParams(o), { only_media: flag(o.only_media), local: flag(o.local), remote: flag(o.remote) });
}

// Timelines: home, local, public, hashtag, list.

/**
 * Any timeline by name: `home`, `local` (the public timeline with `local`), `public`,
 * `tag/<hashtag>` or `list/<id>`. Emits one {@link Page}.
 * @example timeline(client, { timeline: 'local', limit: 20 }).subscribe((page) => console.log(page.length))
 */
export const timeline = /* @__PURE__ */ endpoint('GET /api/v1/timelines/{timeline*}', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: page<Status>,
  options: 0, params: (options?: AnyTimelineOptions) => {
    const o = optionsOf(options);
    const name = o.timeline === undefined ? 'home' : requiredString('timeline', o.timeline);
    const params = timelineParams(o);
    return Object.assign(params, name === 'local' ? { timeline: 'public', local: true } : { timeline: name });
  },
});

/**
 * The logged-in user's home timeline. Emits one {@link Page}.
 * @example timelineHome(client, { limit: 40 }).subscribe((page) => console.log(page[0]?.content))
 */
export const timelineHome = /* @__PURE__ */ endpoint('GET /api/v1/timelines/home', {
  created: '1.0.0', changed: '3.3.0', returns: page<Status>,
  options: 0, params: (options?: TimelineOptions) => timelineParams(options),
});

/**
 * This server's public statuses (the public timeline with `local`). Emits one {@link Page}.
 * @example timelineLocal(client, { only_media: true }).subscribe((page) => console.log(page.length))
 */
export const timelineLocal = /* @__PURE__ */ endpoint('GET /api/v1/timelines/public', {
  created: '1.0.0', changed: '3.3.0', returns: page<Status>,
  options: 0, params: (options?: LocalTimelineOptions) => {
    const o = optionsOf(options);
    return Object.assign(paginationParams(o), { only_media: flag(o.only_media), local: true });
  },
});

/**
 * The federated timeline: public statuses this server knows of. Emits one {@link Page}.
 * @example timelinePublic(client, { remote: true, limit: 40 }).subscribe((page) => console.log(page.length))
 */
export const timelinePublic = /* @__PURE__ */ endpoint('GET /api/v1/timelines/public', {
  created: '1.0.0', changed: '3.3.0', returns: page<Status>,
  options: 0, params: (options?: TimelineOptions) => timelineParams(options),
});

/**
 * Public statuses with a hashtag, given without its `#` (a leading `#` is an argument
 * error); `any`, `all` and `none` match more hashtags (2.7.0+). Emits one {@link Page}.
 * @example timelineHashtag(client, 'caturday', { local: true, any: ['cats'], none: ['dogs'] }).subscribe((page) => console.log(page.length))
 */
export const timelineHashtag = /* @__PURE__ */ endpoint('GET /api/v1/timelines/tag/{hashtag}', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: page<Status>,
  options: 1, params: (hashtag: string, options?: HashtagTimelineOptions) => {
    const o = optionsOf(options);
    return {
      hashtag: hashtagOf(hashtag), ...timelineParams(o),
      any: hashtagList('any', o.any), all: hashtagList('all', o.all), none: hashtagList('none', o.none),
    };
  },
});

/**
 * The statuses of a list's members. Emits one {@link Page}.
 * @example timelineList(client, list, { limit: 20 }).subscribe((page) => console.log(page.length))
 */
export const timelineList = /* @__PURE__ */ endpoint('GET /api/v1/timelines/list/{id}', {
  fillPath, created: '2.1.0', changed: '3.3.0', returns: page<Status>,
  options: 1, params: (id: IdLike, options?: TimelineOptions) => ({ id: idOf(id), ...timelineParams(options) }),
});

/**
 * Public statuses that share a link that is trending now (the URL of a trending link's card),
 * from people who opted in to discovery. Mastodon answers 404 for a link that is not
 * trending. Emits one {@link Page}.
 * @example timelineLink(client, link.url, { limit: 20 }).subscribe((page) => console.log(page.length))
 */
export const timelineLink = /* @__PURE__ */ endpoint('GET /api/v1/timelines/link', {
  created: '4.3.0', returns: page<Status>,
  options: 1, params: (url: string, options?: TimelineOptions) => {
    if (typeof url !== 'string' || url === '') throw new MastodonIllegalArgumentError('url must be a non-empty string');
    return { url, ...timelineParams(options) };
  },
});
