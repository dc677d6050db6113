import type { Observable } from 'rxjs';
import type { Mastodon } from '../client/mastodon.js';
import { endpoint, json, nothing } from './define.js';
import { flag, oneOf, optionsOf, requiredString } from './common.js';
import type { Account } from '../entities/account.js';
import type { Context } from '../entities/context.js';
import type { ScheduledStatus } from '../entities/scheduled-status.js';
import type { StatusEdit, StatusSource } from '../entities/status-edit.js';
import type { Status, Visibility } from '../entities/status.js';
import { idOf, idsOf, optionalIdOf, type IdLike } from '../ids.js';
import type { Params, ParamValue } from '../http/params.js';
import { MastodonIllegalArgumentError } from '../errors.js';

/** A poll to attach to a new status, as `makePoll` builds it. */
export interface PollSpec {
  options: readonly string[];
  /** Seconds until the poll closes. */
  expires_in: number;
  multiple?: boolean;
  hide_totals?: boolean;
}

/** Options of `statusPost`, as Mastodon.py names them. */
export interface StatusPostOptions {
  in_reply_to_id?: IdLike;
  /** One media attachment (or its id) or a list of them. */
  media_ids?: IdLike | readonly IdLike[];
  sensitive?: boolean;
  visibility?: Visibility | Uppercase<Visibility> | Capitalize<Visibility>;
  spoiler_text?: string;
  /** ISO 639 code of the text. */
  language?: string;
  /** Sent as the `Idempotency-Key` header: the same key twice posts once. */
  idempotency_key?: string;
  /** Pleroma only: `text/plain`, `text/html`, `text/markdown` or `text/bbcode`. */
  content_type?: 'text/plain' | 'text/html' | 'text/markdown' | 'text/bbcode';
  /** Post later instead of now (at least five minutes ahead). */
  scheduled_at?: Date;
  poll?: PollSpec;
  /** Fedibird only: the status to quote. */
  quote_id?: IdLike;
}

/** A poll's wire form, checked: its options are strings, its duration a number of seconds. */
export function pollParams(poll: PollSpec): Params {
  if (typeof poll !== 'object' || poll === null || !Array.isArray(poll.options)
    || !poll.options.every((option: unknown) => typeof option === 'string')) {
    throw new MastodonIllegalArgumentError('poll.options must be a list of strings');
  }
  if (typeof poll.expires_in !== 'number' || !Number.isFinite(poll.expires_in)) {
    throw new MastodonIllegalArgumentError('poll.expires_in must be a number of seconds');
  }
  return { ...poll, options: [...poll.options] };
}

export const VISIBILITIES: readonly Visibility[] = ['public', 'unlisted', 'private', 'direct'];
const CONTENT_TYPES = ['text/plain', 'text/html', 'text/markdown', 'text/bbcode'] as const;

/** The wire parameters of a new status; shared by `statusPost`, `toot` and `statusReply`. */
export function statusPostParams(status: string | undefined, options: StatusPostOptions | undefined): Params {
  const o = optionsOf(options);
  if (status !== undefined) requiredString('status', status);
  if (o.poll !== undefined && o.media_ids !== undefined) {
    throw new MastodonIllegalArgumentError('Status can have media or poll attached - not both.');
  }
  const params: Record<string, ParamValue> = {
    status,
    in_reply_to_id: optionalIdOf(o.in_reply_to_id, 'in_reply_to_id'),
    media_ids: o.media_ids === undefined ? undefined : idsOf(o.media_ids, 'media_ids'),
    sensitive: flag(o.sensitive),
    visibility: o.visibility === undefined ? undefined : oneOf('visibility', requiredString('visibility', o.visibility).toLowerCase(), VISIBILITIES),
    spoiler_text: o.spoiler_text,
    language: o.language,
    idempotency_key: o.idempotency_key === undefined || o.idempotency_key === null ? undefined : requiredString('idempotency_key', o.idempotency_key),
    content_type: o.content_type === undefined ? undefined : oneOf('content_type', o.content_type, CONTENT_TYPES),
    scheduled_at: o.scheduled_at,
    poll: o.poll === undefined ? undefined : pollParams(o.poll),
    quote_id: optionalIdOf(o.quote_id, 'quote_id'),
  };
  return params;
}

/** Options of `statusUpdate`: what an edit can change. */
export interface StatusUpdateOptions {
  /** The new text. */
  status?: string;
  spoiler_text?: string;
  /** Sent whenever given, `false` included, so an edit can lift the sensitive mark. */
  sensitive?: boolean;
  /** The media to keep or attach, one or a list. */
  media_ids?: IdLike | readonly IdLike[];
  /** A new poll; editing a poll resets its votes. */
  poll?: PollSpec;
}

/** The wire parameters of an edit. */
export function statusUpdateParams(id: IdLike, options: StatusUpdateOptions | undefined): Params {
  const o = optionsOf(options);
  if (o.status !== undefined) requiredString('status', o.status);
  if (o.poll !== undefined && o.media_ids !== undefined) {
    throw new MastodonIllegalArgumentError('Status can have media or poll attached - not both.');
  }
  if (o.sensitive !== undefined && typeof o.sensitive !== 'boolean') {
    throw new MastodonIllegalArgumentError('sensitive must be a boolean');
  }
  return {
    id: idOf(id),
    status: o.status,
    spoiler_text: o.spoiler_text,
    sensitive: o.sensitive,
    media_ids: o.media_ids === undefined ? undefined : idsOf(o.media_ids, 'media_ids'),
    poll: o.poll === undefined ? undefined : pollParams(o.poll),
  };
}

/** Options of `statusReblog`. */
export interface StatusReblogOptions {
  /** Who sees the boost: `public`, `unlisted` or `private`. */
  visibility?: Visibility | Uppercase<Visibility> | Capitalize<Visibility>;
}

function requiredDate(name: string, value: unknown): Date {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw new MastodonIllegalArgumentError(`${name} must be a valid Date`);
  }
  return value;
}

const byId = (id: IdLike): Params => ({ id: idOf(id) });

const postSpec = {
  created: '1.0.0',
  changed: '3.3.0',
  encoding: 'form-or-json',
  features: { content_type: 'pleroma', quote_id: 'fedibird' },
  headerParams: { idempotency_key: 'Idempotency-Key' },
} as const;

/** Reading and writing statuses. */
/** `POST /api/v1/statuses` with all of `statusPost`'s options; `statusPost` itself is hand-written for its typed overloads. */
export const statusPostEndpoint = endpoint('POST /api/v1/statuses', {
  ...postSpec, returns: json<Status | ScheduledStatus>(),
  params: (status: string, options?: StatusPostOptions) => statusPostParams(requiredString('status', status), options),
});

/**
 * Post a status. Media and a poll cannot go together; `visibility` is checked before sending.
 * With `scheduled_at` at least five minutes ahead the server answers with a scheduled status
 * instead (`'params' in result` tells them apart).
 *
 * @example api.statusPost('Hello!', { visibility: 'unlisted', spoiler_text: 'greeting' })
 */
function statusPost(this: Mastodon, status: string, options: StatusPostOptions & { scheduled_at: Date }): Observable<Status | ScheduledStatus>;
function statusPost(this: Mastodon, status: string, options?: StatusPostOptions): Observable<Status>;
function statusPost(this: Mastodon, status: string, options?: StatusPostOptions): Observable<Status | ScheduledStatus> {
  return this.callEndpoint(statusPostEndpoint, [status, options]);
}

/** `statusPost`, hand-written so that a scheduled post is typed as one. */
export const statusPostExtras = { statusPost };

export const statuses = {
  /**
   * Fetch a status by id.
   * @example api.status('109440146774012815').subscribe((s) => console.log(s.content))
   */
  status: endpoint('GET /api/v1/statuses/{id}', {
    created: '1.0.0', changed: '3.3.0', returns: json<Status>(),
    params: (id: IdLike) => ({ id: idOf(id) }),
  }),

  /**
   * Post a public status with nothing but its text.
   * @example api.toot('Tooting from TypeScript!').subscribe((s) => console.log(s.url))
   */
  toot: endpoint('POST /api/v1/statuses', {
    ...postSpec, returns: json<Status>(),
    params: (status: string) => statusPostParams(requiredString('status', status), undefined),
  }),

  /**
   * Delete a status. The deleted status comes back with its source `text`, for "delete and redraft".
   * @example api.statusDelete(status).subscribe((deleted) => console.log(deleted.text))
   */
  statusDelete: endpoint('DELETE /api/v1/statuses/{id}', {
    created: '1.0.0', changed: '1.0.0', returns: json<Status>(),
    params: (id: IdLike) => ({ id: idOf(id) }),
  }),

  /**
   * The thread around a status: what it replies to, and its replies.
   * @example api.statusContext(status).subscribe(({ ancestors, descendants }) => console.log(ancestors.length, descendants.length))
   */
  statusContext: endpoint('GET /api/v1/statuses/{id}/context', {
    created: '1.0.0', changed: '3.3.0', returns: json<Context>(), params: byId,
  }),

  /**
   * The accounts that boosted a status.
   * @example api.statusRebloggedBy(status).subscribe((accounts) => console.log(accounts.map((a) => a.acct)))
   */
  statusRebloggedBy: endpoint('GET /api/v1/statuses/{id}/reblogged_by', {
    created: '1.0.0', changed: '3.3.0', returns: json<Account[]>(), params: byId,
  }),

  /**
   * The accounts that favourited a status.
   * @example api.statusFavouritedBy(status).subscribe((accounts) => console.log(accounts.length))
   */
  statusFavouritedBy: endpoint('GET /api/v1/statuses/{id}/favourited_by', {
    created: '1.0.0', changed: '3.3.0', returns: json<Account[]>(), params: byId,
  }),

  /**
   * The logged-in user's statuses waiting to be posted.
   * @example api.scheduledStatuses().subscribe((list) => console.log(list.map((s) => s.scheduled_at)))
   */
  scheduledStatuses: endpoint('GET /api/v1/scheduled_statuses', {
    created: '2.7.0', changed: '3.3.0', returns: json<ScheduledStatus[]>(),
  }),

  /**
   * One scheduled status.
   * @example api.scheduledStatus('1').subscribe((s) => console.log(s.params.text))
   */
  scheduledStatus: endpoint('GET /api/v1/scheduled_statuses/{id}', {
    created: '2.7.0', changed: '3.3.0', returns: json<ScheduledStatus>(), params: byId,
  }),

  /**
   * Move a scheduled status to another time (at least five minutes ahead).
   * @example api.scheduledStatusUpdate(scheduled, new Date(Date.now() + 3_600_000))
   */
  scheduledStatusUpdate: endpoint('PUT /api/v1/scheduled_statuses/{id}', {
    created: '2.7.0', changed: '3.3.0', returns: json<ScheduledStatus>(),
    params: (id: IdLike, scheduled_at: Date) => ({ id: idOf(id), scheduled_at: requiredDate('scheduled_at', scheduled_at) }),
  }),

  /**
   * Cancel a scheduled status.
   * @example api.scheduledStatusDelete(scheduled).subscribe()
   */
  scheduledStatusDelete: endpoint('DELETE /api/v1/scheduled_statuses/{id}', {
    created: '2.7.0', changed: '2.7.0', returns: nothing(), params: byId,
  }),

  /**
   * Edit a status. A poll makes the body JSON, as for `statusPost`; media and a poll cannot go together.
   * @example api.statusUpdate(status, { status: 'fixed the typo', spoiler_text: '' })
   */
  statusUpdate: endpoint('PUT /api/v1/statuses/{id}', {
    created: '3.5.0', changed: '3.5.0', encoding: 'form-or-json', returns: json<Status>(),
    params: (id: IdLike, options?: StatusUpdateOptions) => statusUpdateParams(id, options),
  }),

  /**
   * Every revision of a status, the original first: a status edited once has two entries.
   * @example api.statusHistory(status).subscribe((edits) => console.log(edits.map((e) => e.content)))
   */
  statusHistory: endpoint('GET /api/v1/statuses/{id}/history', {
    created: '3.5.0', changed: '3.5.0', returns: json<StatusEdit[]>(), params: byId,
  }),

  /**
   * The plain source of a status, for editing it.
   * @example api.statusSource(status).subscribe((source) => console.log(source.text))
   */
  statusSource: endpoint('GET /api/v1/statuses/{id}/source', {
    returns: json<StatusSource>(), params: byId,
  }),

  /**
   * Boost a status; `visibility` can make the boost less visible. Emits the new boost, which wraps the status.
   * @example api.statusReblog(status, { visibility: 'unlisted' }).subscribe((boost) => console.log(boost.reblog?.id))
   */
  statusReblog: endpoint('POST /api/v1/statuses/{id}/reblog', {
    created: '1.0.0', changed: '3.3.0', returns: json<Status>(),
    params: (id: IdLike, options?: StatusReblogOptions) => {
      const o = optionsOf(options);
      return {
        id: idOf(id),
        visibility: o.visibility === undefined ? undefined : oneOf('visibility', requiredString('visibility', o.visibility).toLowerCase(), VISIBILITIES),
      };
    },
  }),

  /**
   * Undo a boost. Emits the status that was boosted.
   * @example api.statusUnreblog(status).subscribe((s) => console.log(s.reblogged))
   */
  statusUnreblog: endpoint('POST /api/v1/statuses/{id}/unreblog', {
    created: '1.0.0', changed: '3.3.0', returns: json<Status>(), params: byId,
  }),

  /**
   * Favourite a status.
   * @example api.statusFavourite(status).subscribe((s) => console.log(s.favourites_count))
   */
  statusFavourite: endpoint('POST /api/v1/statuses/{id}/favourite', {
    created: '1.0.0', changed: '3.3.0', returns: json<Status>(), params: byId,
  }),

  /**
   * Take back a favourite.
   * @example api.statusUnfavourite(status).subscribe((s) => console.log(s.favourited))
   */
  statusUnfavourite: endpoint('POST /api/v1/statuses/{id}/unfavourite', {
    created: '1.0.0', changed: '3.3.0', returns: json<Status>(), params: byId,
  }),

  /**
   * Stop notifications about a status's thread.
   * @example api.statusMute(status).subscribe((s) => console.log(s.muted))
   */
  statusMute: endpoint('POST /api/v1/statuses/{id}/mute', {
    created: '1.4.0', changed: '3.3.0', returns: json<Status>(), params: byId,
  }),

  /**
   * Receive notifications about a status's thread again.
   * @example api.statusUnmute(status).subscribe((s) => console.log(s.muted))
   */
  statusUnmute: endpoint('POST /api/v1/statuses/{id}/unmute', {
    created: '1.4.0', changed: '3.3.0', returns: json<Status>(), params: byId,
  }),

  /**
   * Pin one of the user's own statuses to their profile.
   * @example api.statusPin(status).subscribe((s) => console.log(s.pinned))
   */
  statusPin: endpoint('POST /api/v1/statuses/{id}/pin', {
    created: '2.1.0', changed: '3.3.0', returns: json<Status>(), params: byId,
  }),

  /**
   * Unpin a status from the user's profile.
   * @example api.statusUnpin(status).subscribe((s) => console.log(s.pinned))
   */
  statusUnpin: endpoint('POST /api/v1/statuses/{id}/unpin', {
    created: '2.1.0', changed: '3.3.0', returns: json<Status>(), params: byId,
  }),

  /**
   * Bookmark a status.
   * @example api.statusBookmark(status).subscribe((s) => console.log(s.bookmarked))
   */
  statusBookmark: endpoint('POST /api/v1/statuses/{id}/bookmark', {
    created: '3.1.0', changed: '3.3.0', returns: json<Status>(), params: byId,
  }),

  /**
   * Remove a bookmark.
   * @example api.statusUnbookmark(status).subscribe((s) => console.log(s.bookmarked))
   */
  statusUnbookmark: endpoint('POST /api/v1/statuses/{id}/unbookmark', {
    created: '3.1.0', changed: '3.3.0', returns: json<Status>(), params: byId,
  }),
};
