import { flag, oneOf, optionsOf, requiredString } from './common.js';
import type { Visibility } from '../entities/status.js';
import { idOf, idsOf, optionalIdOf, type IdLike } from '../ids.js';
import type { Params, ParamValue } from '../http/params.js';
import { MastodonIllegalArgumentError } from '../errors.js';

// The wire parameters of new and edited statuses, shared by `statusPost`, `toot`,
// `statusReply` and `statusUpdate`; helpers, so they live apart from the endpoints.

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

/** The visibilities a status (or a boost) may have. */
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
