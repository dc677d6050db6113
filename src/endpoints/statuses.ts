import type { Observable } from 'rxjs';
import { call, checkFeatures, headerParams } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import { endpoint, json, nothing, page, row, type PreparedParams } from './define.js';
import { oneOf, optionsOf, pageParams, requiredString } from './common.js';
import type { Account } from '../entities/account.js';
import type { Context } from '../entities/context.js';
import type { ScheduledStatus } from '../entities/scheduled-status.js';
import type { StatusEdit, StatusSource } from '../entities/status-edit.js';
import type { Status, Visibility } from '../entities/status.js';
import type { Translation } from '../entities/translation.js';
import { idOf, idsOf, type IdLike } from '../ids.js';
import { formOrJsonBody, type Params } from '../http/params.js';
import type { Page } from '../pagination/page.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import {
  statusPostParams, statusUpdateParams, VISIBILITIES, type StatusPostOptions, type StatusUpdateOptions,
} from './status-params.js';
import { fillPath } from '../http/fill-path.js';

export { generateMediaEditAttributes } from './status-params.js';
export { getStatusLength } from './status-length.js';
export type { MediaEditAttributes, MediaEditOptions, PollSpec, StatusPostOptions, StatusUpdateOptions } from './status-params.js';

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

/** A new status's dialect parameters checked against the client, and its idempotency key sent as a header. */
function statusPostPrepared(client: MastodonClient, params: Params): PreparedParams {
  checkFeatures(client, params, { content_type: 'pleroma', quote_id: 'fedibird' });
  return headerParams(params, { idempotency_key: 'Idempotency-Key' });
}

/** `POST /api/v1/statuses` with all of `statusPost`'s options: the row `statusPost` sends, hand-written for its typed overloads. */
export const statusPostRow = /* @__PURE__ */ row('POST /api/v1/statuses', {
  created: '1.0.0', changed: '4.5.0', encoding: formOrJsonBody,
  prepare: statusPostPrepared,
  returns: json<Status | ScheduledStatus>,
  options: 1, clientOptions: ['strict_content_type'], params: (status: string, options?: StatusPostOptions) => statusPostParams(requiredString('status', status), options),
});

/**
 * Post a status. Media and a poll cannot go together; `visibility` is checked before sending.
 * With `scheduled_at` at least five minutes ahead the server answers with a scheduled status
 * instead (`'params' in result` tells them apart). With `quoted_status_id` it quotes that
 * status, which the quoted author's `quote_approval_policy` must allow (Mastodon 4.5).
 *
 * @example statusPost(client, 'Hello!', { visibility: 'unlisted', spoiler_text: 'greeting' })
 */
export function statusPost(client: MastodonClient, status: string, options: StatusPostOptions & { scheduled_at: Date }): Observable<Status | ScheduledStatus>;
export function statusPost(client: MastodonClient, status: string, options?: StatusPostOptions): Observable<Status>;
export function statusPost(client: MastodonClient, status: string, options?: StatusPostOptions): Observable<Status | ScheduledStatus> {
  return call(client, statusPostRow, [status, options]);
}

/**
 * Fetch a status by id.
 * @example status(client, '109440146774012815').subscribe((s) => console.log(s.content))
 */
export const status = /* @__PURE__ */ endpoint('GET /api/v1/statuses/{id}', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: json<Status>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * Several statuses at once, by id: those the user may see, in the order asked; ids of statuses
 * that are gone or hidden are left out. Mastodon takes up to 20 ids per call (since 4.3).
 * @example statuses(client, ['109440146774012815', status]).subscribe((found) => console.log(found.length))
 */
export const statuses = /* @__PURE__ */ endpoint('GET /api/v1/statuses', {
  created: '4.3.0', changed: '4.3.0', returns: json<Status[]>,
  params: (ids: IdLike | readonly IdLike[]) => {
    if (ids === undefined || ids === null) throw new MastodonIllegalArgumentError('ids must be a list of status ids');
    return { id: idsOf(ids, 'ids') };
  },
});

/** Options of `statusTranslate`. */
export interface StatusTranslateOptions {
  /** The language to translate into (ISO 639-1). Default: the user's locale. */
  lang?: string;
}

/**
 * A status translated by the server's translation service (public and unlisted statuses
 * only): its text, content warning, alt texts and poll. Fails with a `MastodonAPIError`
 * when the server cannot translate it (404 when no service is set up, 503 when it is down).
 * @example statusTranslate(client, status, { lang: 'de' }).subscribe((t) => console.log(t.content, t.provider))
 */
export const statusTranslate = /* @__PURE__ */ endpoint('POST /api/v1/statuses/{id}/translate', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<Translation>,
  options: 1, params: (id: IdLike, options?: StatusTranslateOptions) => {
    const { lang } = optionsOf(options);
    return { id: idOf(id), lang: lang === undefined || lang === null ? undefined : requiredString('lang', lang) };
  },
});

/**
 * Post a public status with nothing but its text.
 * @example toot(client, 'Tooting from TypeScript!').subscribe((s) => console.log(s.url))
 */
export const toot = /* @__PURE__ */ endpoint('POST /api/v1/statuses', {
  created: '1.0.0', changed: '3.3.0', encoding: formOrJsonBody,
  prepare: statusPostPrepared,
  returns: json<Status>,
  params: (status: string) => statusPostParams(requiredString('status', status), undefined),
});

/** Options of `statusDelete`. */
export interface StatusDeleteOptions {
  /**
   * Delete its media at once instead of keeping them for a redraft (Mastodon 4.4, API version
   * 4). Sent as `1` or `0` when given.
   */
  delete_media?: boolean;
}

/**
 * Delete a status. The deleted status comes back with its source `text`, for "delete and
 * redraft"; its media can be attached again unless `delete_media` is set.
 * @example statusDelete(client, status, { delete_media: true }).subscribe((deleted) => console.log(deleted.text))
 */
export const statusDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/statuses/{id}', {
  fillPath, created: '1.0.0', changed: '4.4.0', returns: json<Status>,
  options: 1, params: (id: IdLike, options?: StatusDeleteOptions) => {
    const { delete_media } = optionsOf(options);
    if (delete_media !== undefined && delete_media !== null && typeof delete_media !== 'boolean') {
      throw new MastodonIllegalArgumentError('delete_media must be a boolean');
    }
    return { id: idOf(id), delete_media };
  },
});

/**
 * The thread around a status: what it replies to, and its replies.
 * @example statusContext(client, status).subscribe(({ ancestors, descendants }) => console.log(ancestors.length, descendants.length))
 */
export const statusContext = /* @__PURE__ */ endpoint('GET /api/v1/statuses/{id}/context', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: json<Context>, params: byId,
});

/**
 * The accounts that boosted a status, the latest first. Emits one {@link Page}; its cursors
 * are not account ids, so follow its links.
 * @example statusRebloggedBy(client, status).subscribe((accounts) => console.log(accounts.map((a) => a.acct)))
 */
export const statusRebloggedBy = /* @__PURE__ */ endpoint('GET /api/v1/statuses/{id}/reblogged_by', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: page<Account>, params: byId,
});

/**
 * The accounts that favourited a status, the latest first. Emits one {@link Page}; its
 * cursors are not account ids, so follow its links.
 * @example statusFavouritedBy(client, status).subscribe((accounts) => console.log(accounts.length))
 */
export const statusFavouritedBy = /* @__PURE__ */ endpoint('GET /api/v1/statuses/{id}/favourited_by', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: page<Account>, params: byId,
});

/**
 * The logged-in user's statuses waiting to be posted. Emits one {@link Page}.
 * @example scheduledStatuses(client, { limit: 20 }).subscribe((list) => console.log(list.map((s) => s.scheduled_at)))
 */
export const scheduledStatuses = /* @__PURE__ */ endpoint('GET /api/v1/scheduled_statuses', {
  created: '2.7.0', changed: '3.3.0', returns: page<ScheduledStatus>, options: 0, params: pageParams,
});

/**
 * One scheduled status.
 * @example scheduledStatus(client, '1').subscribe((s) => console.log(s.params.text))
 */
export const scheduledStatus = /* @__PURE__ */ endpoint('GET /api/v1/scheduled_statuses/{id}', {
  fillPath, created: '2.7.0', changed: '3.3.0', returns: json<ScheduledStatus>, params: byId,
});

/**
 * Move a scheduled status to another time (at least five minutes ahead).
 * @example scheduledStatusUpdate(client, scheduled, new Date(Date.now() + 3_600_000))
 */
export const scheduledStatusUpdate = /* @__PURE__ */ endpoint('PUT /api/v1/scheduled_statuses/{id}', {
  fillPath, created: '2.7.0', changed: '3.3.0', returns: json<ScheduledStatus>,
  params: (id: IdLike, scheduled_at: Date) => ({ id: idOf(id), scheduled_at: requiredDate('scheduled_at', scheduled_at) }),
});

/**
 * Cancel a scheduled status.
 * @example scheduledStatusDelete(client, scheduled).subscribe()
 */
export const scheduledStatusDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/scheduled_statuses/{id}', {
  fillPath, created: '2.7.0', changed: '2.7.0', returns: nothing, params: byId,
});

/**
 * Edit a status. A poll or `media_attributes` makes the body JSON, as for `statusPost`; media
 * and a poll cannot go together. `media_attributes` change the alt text, focus or thumbnail
 * of attached media (see `generateMediaEditAttributes`).
 * @example statusUpdate(client, status, { status: 'fixed the typo', spoiler_text: '' })
 */
export const statusUpdate = /* @__PURE__ */ endpoint('PUT /api/v1/statuses/{id}', {
  fillPath, created: '3.5.0', changed: '4.5.0', encoding: formOrJsonBody, returns: json<Status>,
  options: 1, params: (id: IdLike, options?: StatusUpdateOptions) => statusUpdateParams(id, options),
});

/**
 * Every revision of a status, the original first: a status edited once has two entries.
 * @example statusHistory(client, status).subscribe((edits) => console.log(edits.map((e) => e.content)))
 */
export const statusHistory = /* @__PURE__ */ endpoint('GET /api/v1/statuses/{id}/history', {
  fillPath, created: '3.5.0', changed: '3.5.0', returns: json<StatusEdit[]>, params: byId,
});

/**
 * The plain source of a status, for editing it.
 * @example statusSource(client, status).subscribe((source) => console.log(source.text))
 */
export const statusSource = /* @__PURE__ */ endpoint('GET /api/v1/statuses/{id}/source', {
  fillPath, returns: json<StatusSource>, params: byId,
});

/**
 * Boost a status; `visibility` can make the boost less visible. Emits the new boost, which wraps the status.
 * @example statusReblog(client, status, { visibility: 'unlisted' }).subscribe((boost) => console.log(boost.reblog?.id))
 */
export const statusReblog = /* @__PURE__ */ endpoint('POST /api/v1/statuses/{id}/reblog', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: json<Status>,
  options: 1, params: (id: IdLike, options?: StatusReblogOptions) => {
    const o = optionsOf(options);
    return {
      id: idOf(id),
      visibility: o.visibility === undefined ? undefined : oneOf('visibility', requiredString('visibility', o.visibility).toLowerCase(), VISIBILITIES),
    };
  },
});

/**
 * Undo a boost. Emits the status that was boosted.
 * @example statusUnreblog(client, status).subscribe((s) => console.log(s.reblogged))
 */
export const statusUnreblog = /* @__PURE__ */ endpoint('POST /api/v1/statuses/{id}/unreblog', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: json<Status>, params: byId,
});

/**
 * Favourite a status.
 * @example statusFavourite(client, status).subscribe((s) => console.log(s.favourites_count))
 */
export const statusFavourite = /* @__PURE__ */ endpoint('POST /api/v1/statuses/{id}/favourite', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: json<Status>, params: byId,
});

/**
 * Take back a favourite.
 * @example statusUnfavourite(client, status).subscribe((s) => console.log(s.favourited))
 */
export const statusUnfavourite = /* @__PURE__ */ endpoint('POST /api/v1/statuses/{id}/unfavourite', {
  fillPath, created: '1.0.0', changed: '3.3.0', returns: json<Status>, params: byId,
});

/**
 * Stop notifications about a status's thread.
 * @example statusMute(client, status).subscribe((s) => console.log(s.muted))
 */
export const statusMute = /* @__PURE__ */ endpoint('POST /api/v1/statuses/{id}/mute', {
  fillPath, created: '1.4.0', changed: '3.3.0', returns: json<Status>, params: byId,
});

/**
 * Receive notifications about a status's thread again.
 * @example statusUnmute(client, status).subscribe((s) => console.log(s.muted))
 */
export const statusUnmute = /* @__PURE__ */ endpoint('POST /api/v1/statuses/{id}/unmute', {
  fillPath, created: '1.4.0', changed: '3.3.0', returns: json<Status>, params: byId,
});

/**
 * Pin one of the user's own statuses to their profile.
 * @example statusPin(client, status).subscribe((s) => console.log(s.pinned))
 */
export const statusPin = /* @__PURE__ */ endpoint('POST /api/v1/statuses/{id}/pin', {
  fillPath, created: '2.1.0', changed: '3.3.0', returns: json<Status>, params: byId,
});

/**
 * Unpin a status from the user's profile.
 * @example statusUnpin(client, status).subscribe((s) => console.log(s.pinned))
 */
export const statusUnpin = /* @__PURE__ */ endpoint('POST /api/v1/statuses/{id}/unpin', {
  fillPath, created: '2.1.0', changed: '3.3.0', returns: json<Status>, params: byId,
});

/**
 * Bookmark a status.
 * @example statusBookmark(client, status).subscribe((s) => console.log(s.bookmarked))
 */
export const statusBookmark = /* @__PURE__ */ endpoint('POST /api/v1/statuses/{id}/bookmark', {
  fillPath, created: '3.1.0', changed: '3.3.0', returns: json<Status>, params: byId,
});

/**
 * Remove a bookmark.
 * @example statusUnbookmark(client, status).subscribe((s) => console.log(s.bookmarked))
 */
export const statusUnbookmark = /* @__PURE__ */ endpoint('POST /api/v1/statuses/{id}/unbookmark', {
  fillPath, created: '3.1.0', changed: '3.3.0', returns: json<Status>, params: byId,
});
