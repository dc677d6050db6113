import { flag, oneOf, optionsOf, requiredString } from './common.js';
import type { QuotePolicy } from '../entities/quote.js';
import type { Visibility } from '../entities/status.js';
import { idOf, idsOf, optionalIdOf, type IdLike } from '../ids.js';
import type { Params, ParamValue } from '../http/params.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { SNIFF_LENGTH, sniffMimeType } from '../media/mime.js';
import { base64 } from '../push/base64.js';

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
  /**
   * The status to quote (Mastodon 4.5, API version 7). The server refuses a quote its author's
   * policy does not allow with a 404.
   */
  quoted_status_id?: IdLike;
  /**
   * Who may quote the new status: `public`, `followers` or `nobody` (Mastodon 4.5, API version
   * 7). Default: the user's own setting; private and direct statuses are always `nobody`.
   */
  quote_approval_policy?: QuotePolicy;
  /**
   * Mastodon.py 2.2's switch for checking `content_type` strictly. Never sent: this library
   * always checks it so (feature set `pleroma`, one of the four types).
   */
  strict_content_type?: boolean;
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
/** The quote policies a status may have. */
export const QUOTE_POLICIES: readonly QuotePolicy[] = ['public', 'followers', 'nobody'];

function quotePolicyOf(value: unknown): QuotePolicy | undefined {
  return value === undefined || value === null ? undefined : oneOf('quote_approval_policy', value, QUOTE_POLICIES);
}

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
    quoted_status_id: optionalIdOf(o.quoted_status_id, 'quoted_status_id'),
    quote_approval_policy: quotePolicyOf(o.quote_approval_policy),
  };
  return params;
}

/** One attachment's new description, focus or thumbnail, as `generateMediaEditAttributes` builds it. */
export interface MediaEditAttributes {
  /** The attachment. */
  readonly id: string;
  /** Its new alt text. */
  readonly description?: string;
  /** Its new focal point, `"x,y"`, each from -1 to 1. */
  readonly focus?: string;
  /** Its new thumbnail, as a `data:` URI. */
  readonly thumbnail?: string;
}

/** Options of `generateMediaEditAttributes`. */
export interface MediaEditOptions {
  /** The new alt text. */
  description?: string;
  /** The new focal point, `[x, y]`, each from -1 (left, bottom) to 1 (right, top). */
  focus?: readonly [number, number];
  /** The new thumbnail's bytes. */
  thumbnail?: Uint8Array | ArrayBuffer;
  /** The thumbnail's mime type; read from its first bytes when not given. */
  thumb_mimetype?: string;
}

function focusOf(focus: unknown): string {
  if (!Array.isArray(focus) || focus.length !== 2
    || !focus.every((c: unknown) => typeof c === 'number' && Number.isFinite(c) && c >= -1 && c <= 1)) {
    throw new MastodonIllegalArgumentError('Focus must be a pair of numbers between -1 and 1');
  }
  return `${focus[0]},${focus[1]}`;
}

function thumbnailUri(thumbnail: unknown, mimeType: unknown): string {
  const bytes = thumbnail instanceof Uint8Array ? thumbnail : thumbnail instanceof ArrayBuffer ? new Uint8Array(thumbnail) : undefined;
  if (bytes === undefined) throw new MastodonIllegalArgumentError('thumbnail must be bytes (a Uint8Array or an ArrayBuffer)');
  const type = mimeType === undefined || mimeType === null ? sniffMimeType(bytes.subarray(0, SNIFF_LENGTH)) : requiredString('thumb_mimetype', mimeType);
  if (type === undefined) throw new MastodonIllegalArgumentError('The thumbnail\'s type is not recognised: give thumb_mimetype');
  return `data:${type};base64,${base64(bytes)}`;
}

/**
 * One entry of `statusUpdate`'s `media_attributes`: an attached media's new alt text, focal
 * point or thumbnail (a `data:` URI), as Mastodon.py builds it. Pure: makes no request, and
 * throws `MastodonIllegalArgumentError` at once on bad input.
 *
 * ## Example
 * ```ts
 * statusUpdate(client, status, { status: 'now with alt text', media_attributes: [
 *   generateMediaEditAttributes(status.media_attachments[0]!, { description: 'A cat on a keyboard', focus: [0, 0.5] }),
 * ] })
 * ```
 */
export function generateMediaEditAttributes(id: IdLike, options?: MediaEditOptions): MediaEditAttributes {
  const o = optionsOf(options);
  return {
    id: idOf(id),
    ...(o.description === undefined || o.description === null ? {} : { description: requiredString('description', o.description) }),
    ...(o.focus === undefined || o.focus === null ? {} : { focus: focusOf(o.focus) }),
    ...(o.thumbnail === undefined || o.thumbnail === null ? {} : { thumbnail: thumbnailUri(o.thumbnail, o.thumb_mimetype) }),
  };
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
  /** ISO 639 code of the text (Mastodon 4.0). */
  language?: string;
  /**
   * New alt texts, focal points or thumbnails of attached media, from
   * `generateMediaEditAttributes` (Mastodon 4.1). Their media are kept: their ids join
   * `media_ids`. Makes the body JSON, as Mastodon.py sends it.
   */
  media_attributes?: readonly MediaEditAttributes[];
  /** Who may quote the status from now on (Mastodon 4.5, API version 7). */
  quote_approval_policy?: QuotePolicy;
}

function mediaAttributesOf(value: unknown): Params[] {
  if (!Array.isArray(value)) throw new MastodonIllegalArgumentError('media_attributes must be a list of media edits');
  return value.map((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      throw new MastodonIllegalArgumentError('Each of media_attributes must be an object with an id (see generateMediaEditAttributes)');
    }
    const { id, description, focus, thumbnail } = entry as Record<string, unknown>;
    const text = (name: string, v: unknown): string | undefined => (v === undefined || v === null ? undefined : requiredString(`media_attributes ${name}`, v));
    return { id: idOf(id as IdLike, 'media_attributes id'), description: text('description', description), focus: text('focus', focus), thumbnail: text('thumbnail', thumbnail) };
  });
}

/** The wire parameters of an edit. */
export function statusUpdateParams(id: IdLike, options: StatusUpdateOptions | undefined): Params {
  const o = optionsOf(options);
  if (o.status !== undefined) requiredString('status', o.status);
  const attributes = o.media_attributes === undefined || o.media_attributes === null ? undefined : mediaAttributesOf(o.media_attributes);
  if (o.poll !== undefined && (o.media_ids !== undefined || attributes !== undefined)) {
    throw new MastodonIllegalArgumentError('Status can have media or poll attached - not both.');
  }
  if (o.sensitive !== undefined && typeof o.sensitive !== 'boolean') {
    throw new MastodonIllegalArgumentError('sensitive must be a boolean');
  }
  const given = o.media_ids === undefined ? undefined : idsOf(o.media_ids, 'media_ids');
  const mediaIds = attributes === undefined ? given
    : [...new Set([...(given ?? []), ...attributes.map((a) => a['id'] as string)])];
  return {
    id: idOf(id),
    status: o.status,
    spoiler_text: o.spoiler_text,
    sensitive: o.sensitive,
    media_ids: mediaIds,
    poll: o.poll === undefined ? undefined : pollParams(o.poll),
    language: o.language === undefined || o.language === null ? undefined : requiredString('language', o.language),
    media_attributes: attributes,
    quote_approval_policy: quotePolicyOf(o.quote_approval_policy),
  };
}
