import { MastodonIllegalArgumentError } from '../errors.js';
import { idOf, type IdLike } from '../ids.js';
import type { CatchUpSource } from './catch-up.js';
import type { StreamTarget } from './connection.js';
import {
  streamDirectRow, streamHashtagLocalRow, streamHashtagRow, streamListRow, streamPublicLocalRow, streamPublicRemoteRow,
  streamPublicRow, streamUserRow,
} from './routes.js';

/** Options of `streamPublic`, beside the {@link StreamOptions}. */
export interface PublicStreamFilter {
  /** Only statuses from this server. Default false. */
  local?: boolean;
  /** Only statuses from other servers. Default false. */
  remote?: boolean;
  /** Only statuses with media. Default false. */
  only_media?: boolean;
}

/** A stream target and the REST lists its catch-up reads. */
export interface StreamPlan {
  readonly target: StreamTarget;
  readonly catchUp: readonly CatchUpSource[];
}

/** The user's home timeline and notifications. @example userPlan() */
export function userPlan(): StreamPlan {
  return {
    target: { name: 'user', path: streamUserRow.path, query: {} },
    catchUp: [
      { event: 'update', path: '/api/v1/timelines/home' },
      { event: 'notification', path: '/api/v1/notifications' },
    ],
  };
}

/** The user's notifications only (`user:notification`). @example notificationPlan() */
export function notificationPlan(): StreamPlan {
  return {
    target: { name: 'user:notification', path: '/api/v1/streaming/user/notification', query: {} },
    catchUp: [{ event: 'notification', path: '/api/v1/notifications' }],
  };
}

/** The public timeline, all of it or its local or remote part, optionally media only. @example publicPlan({ local: true }) */
export function publicPlan(filter: PublicStreamFilter): StreamPlan {
  if (filter.local && filter.remote) throw new MastodonIllegalArgumentError('Cannot stream local and remote statuses at once: choose one');
  const scope = filter.local ? 'local' : filter.remote ? 'remote' : undefined;
  const media = filter.only_media === true;
  const name = ['public', scope, media ? 'media' : undefined].filter(Boolean).join(':');
  return {
    target: {
      name, path: (scope === 'local' ? streamPublicLocalRow : scope === 'remote' ? streamPublicRemoteRow : streamPublicRow).path,
      query: media ? { only_media: 'true' } : {},
    },
    catchUp: [{
      event: 'update', path: '/api/v1/timelines/public',
      params: { local: filter.local ? true : undefined, remote: filter.remote ? true : undefined, only_media: media ? true : undefined },
    }],
  };
}

/** Public statuses with a hashtag (given without `#`). @example hashtagPlan('cats', false) */
export function hashtagPlan(tag: string, local: boolean): StreamPlan {
  if (typeof tag !== 'string' || tag === '') throw new MastodonIllegalArgumentError('tag must be a non-empty string');
  if (tag.startsWith('#')) throw new MastodonIllegalArgumentError('Tag parameter should omit leading #');
  return {
    target: { name: local ? 'hashtag:local' : 'hashtag', path: (local ? streamHashtagLocalRow : streamHashtagRow).path, query: { tag }, tag },
    catchUp: [{ event: 'update', path: `/api/v1/timelines/tag/${encodeURIComponent(tag)}`, params: { local: local ? true : undefined } }],
  };
}

/** The statuses of a list's members. @example listPlan(list) */
export function listPlan(id: IdLike): StreamPlan {
  const list = idOf(id);
  return {
    target: { name: 'list', path: streamListRow.path, query: { list }, list },
    catchUp: [{ event: 'update', path: `/api/v1/timelines/list/${encodeURIComponent(list)}` }],
  };
}

/** The user's direct conversations (no catch-up: conversations have no gapless REST read). @example directPlan() */
export function directPlan(): StreamPlan {
  return { target: { name: 'direct', path: streamDirectRow.path, query: {} }, catchUp: [] };
}
