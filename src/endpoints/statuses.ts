import { endpoint, json } from './define.js';
import { flag, oneOf, optionsOf, requiredString } from './common.js';
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
    poll: o.poll === undefined ? undefined : { ...o.poll },
    quote_id: optionalIdOf(o.quote_id, 'quote_id'),
  };
  return params;
}

const postSpec = {
  created: '1.0.0',
  changed: '3.1.0',
  encoding: 'form-or-json',
  features: { content_type: 'pleroma', quote_id: 'fedibird' },
  headerParams: { idempotency_key: 'Idempotency-Key' },
} as const;

/** Reading and writing statuses. */
export const statuses = {
  /**
   * Fetch a status by id.
   * @example api.status('109440146774012815').subscribe((s) => console.log(s.content))
   */
  status: endpoint('GET /api/v1/statuses/{id}', {
    created: '1.0.0', changed: '2.0.0', returns: json<Status>(),
    params: (id: IdLike) => ({ id: idOf(id) }),
  }),

  /**
   * Post a status. Media and a poll cannot go together; `visibility` is checked before sending.
   * @example api.statusPost('Hello!', { visibility: 'unlisted', spoiler_text: 'greeting' })
   */
  statusPost: endpoint('POST /api/v1/statuses', {
    ...postSpec, returns: json<Status>(),
    params: (status: string, options?: StatusPostOptions) => statusPostParams(requiredString('status', status), options),
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
    created: '1.0.0', returns: json<Status>(),
    params: (id: IdLike) => ({ id: idOf(id) }),
  }),
};
