import { defer, type Observable, of } from 'rxjs';
import { concatMap, map, tap } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import type { OEmbed, PreviewCard, Status, Visibility } from '../entities/status.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { idOf, type IdLike } from '../ids.js';
import { optionsOf, requiredString } from './common.js';
import { endpoint, row, json } from './define.js';
import { accountVerifyCredentials } from './accounts.js';
import { status as statusById, statusPost, statusPostRow, type StatusPostOptions } from './statuses.js';
import { verifyMinimumVersion } from './versions.js';
import { fillPath } from '../http/fill-path.js';

/** Options of `statusReply`: those of `statusPost` (quotes included), and `untag`. */
export interface StatusReplyOptions extends StatusPostOptions {
  /** Mention only the author of the status replied to, not everyone it mentions. Default `false`. */
  untag?: boolean;
}

/** What `statusReply` reads from the status it replies to. */
export interface ReplyTarget {
  readonly id: string;
  readonly account: { readonly id: string; readonly acct: string };
  readonly mentions?: readonly { readonly id: string; readonly acct: string }[];
  readonly visibility?: Visibility;
  readonly spoiler_text?: string;
}

/** The logged-in user's id, per client and token, once known. */
const loggedInIds = /* @__PURE__ */ new WeakMap<MastodonClient, { token: string | undefined; id: string }>();

function loggedInId(api: MastodonClient): Observable<string> {
  return defer(() => {
    const known = loggedInIds.get(api);
    if (known && known.token === api.access_token) return of(known.id);
    const token = api.access_token;
    return accountVerifyCredentials(api).pipe(
      map((account) => account.id),
      tap((id) => loggedInIds.set(api, { token, id })),
    );
  });
}

function replyTargetOf(value: unknown): ReplyTarget {
  const target = value as Partial<ReplyTarget> | null;
  if (typeof target !== 'object' || target === null || typeof target.account?.acct !== 'string') {
    throw new MastodonIllegalArgumentError('to_status must be a status with an account');
  }
  return target as ReplyTarget;
}

/** The `@acct ` prefixes of a reply: the author first, then (unless `untag`) the others it mentions but the user. */
function replyMentions(target: ReplyTarget, me: string | undefined, untag: boolean): string {
  const accounts = new Map<string, string>([[String(target.account.id), target.account.acct]]);
  if (!untag) {
    for (const mention of target.mentions ?? []) {
      const id = String(mention.id);
      if (id !== me && !accounts.has(id)) accounts.set(id, mention.acct);
    }
  }
  return [...accounts.values()].map((acct) => `@${acct} `).join('');
}

/** The card route of servers before 3.0.0, which `statusCard` uses there. */
export const statusCardRow = /* @__PURE__ */ row('GET /api/v1/statuses/{id}/card', {
  fillPath, created: '1.0.0', changed: '3.2.0', returns: json<PreviewCard | Record<string, never> | null>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * The preview card of a status, or null. Servers from 3.0.0 on have no card endpoint; there
 * the card is read from the status itself.
 * @example statusCard(client, status).subscribe((card) => console.log(card?.title))
 */
export function statusCard(client: MastodonClient, id: IdLike): Observable<PreviewCard | null> {
  return defer(() => {
    const statusId = idOf(id);
    return client.versionCheck('1.0.0', '3.2.0').pipe(
      concatMap(() => verifyMinimumVersion(client, '3.0.0', { cached: true })),
      concatMap((fromStatus) => fromStatus
        ? statusById(client, statusId).pipe(map((status) => status.card ?? null))
        : call(client, statusCardRow, [statusId]).pipe(map((card): PreviewCard | null => (card !== null && 'url' in card ? card as PreviewCard : null)))),
    );
  });
}

/**
 * Reply to a status: mentions its author and (unless `untag`) everyone it mentions but the
 * user, and keeps its visibility and content warning unless given.
 * @example statusReply(client, status, 'Thanks!', { untag: true }).subscribe((reply) => console.log(reply.in_reply_to_id))
 */
export function statusReply(client: MastodonClient, to_status: ReplyTarget, status: string, options?: StatusReplyOptions): Observable<Status> {
  return defer(() => {
    const target = replyTargetOf(to_status);
    requiredString('status', status);
    const { untag, ...post } = optionsOf(options);
    // The options are checked before the user's id is asked for: a bad one sends nothing.
    statusPostRow.params(status, post);
    const me$: Observable<string | undefined> = untag ? of(undefined) : loggedInId(client);
    return me$.pipe(concatMap((me) => statusPost(client, replyMentions(target, me, untag === true) + status, {
      ...post,
      in_reply_to_id: idOf(target.id, 'to_status.id'),
      visibility: post.visibility ?? target.visibility,
      spoiler_text: post.spoiler_text ?? target.spoiler_text,
    })));
  });
}

/** Options of `oembed`. */
export interface OEmbedOptions {
  /** The embed's width in pixels (Mastodon's default 400). */
  maxwidth?: number;
  /** The embed's height in pixels (none by default: the script sizes it). */
  maxheight?: number;
}

function pixelsOf(name: string, value: unknown): number | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value <= 0) throw new MastodonIllegalArgumentError(`${name} must be a whole number of pixels`);
  return value;
}

/**
 * How to embed a public status in a web page, by its URL (oEmbed): the `<iframe>` and its
 * script, with the author and server named. Needs no token; 404 for a URL that is not a
 * public or unlisted status of the server.
 * @example oembed(client, status.url!, { maxwidth: 500 }).subscribe((embed) => console.log(embed.html))
 */
export const oembed = /* @__PURE__ */ endpoint('GET /api/oembed', {
  created: '1.0.0', returns: json<OEmbed>,
  options: 1, params: (url: string, options?: OEmbedOptions) => {
    if (typeof url !== 'string' || url === '') throw new MastodonIllegalArgumentError('url must be the URL of a status');
    const o = optionsOf(options);
    return { url, maxwidth: pixelsOf('maxwidth', o.maxwidth), maxheight: pixelsOf('maxheight', o.maxheight) };
  },
});
