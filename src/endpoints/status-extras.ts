import { defer, type Observable, of } from 'rxjs';
import { concatMap, map, tap } from 'rxjs/operators';
import type { Mastodon } from '../client/mastodon.js';
import type { PreviewCard, Status, Visibility } from '../entities/status.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { idOf, type IdLike } from '../ids.js';
import { optionsOf, requiredString } from './common.js';
import type { StatusPostOptions } from './statuses.js';

/** Options of `statusReply`: those of `statusPost`, and `untag`. */
export interface StatusReplyOptions extends Omit<StatusPostOptions, 'quote_id'> {
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
const loggedInIds = new WeakMap<Mastodon, { token: string | undefined; id: string }>();

function loggedInId(api: Mastodon): Observable<string> {
  return defer(() => {
    const known = loggedInIds.get(api);
    if (known && known.token === api.access_token) return of(known.id);
    const token = api.access_token;
    return api.accountVerifyCredentials().pipe(
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
export function replyMentions(target: ReplyTarget, me: string | undefined, untag: boolean): string {
  const accounts = new Map<string, string>([[String(target.account.id), target.account.acct]]);
  if (!untag) {
    for (const mention of target.mentions ?? []) {
      const id = String(mention.id);
      if (id !== me && !accounts.has(id)) accounts.set(id, mention.acct);
    }
  }
  return [...accounts.values()].map((acct) => `@${acct} `).join('');
}

/** Status methods that are more than one request: the version switch of cards and replies. */
export const statusExtras = {
  /**
   * The preview card of a status, or null. Servers from 3.0.0 on have no card endpoint; there
   * the card is read from the status itself.
   * @example api.statusCard(status).subscribe((card) => console.log(card?.title))
   */
  statusCard(this: Mastodon, id: IdLike): Observable<PreviewCard | null> {
    return defer(() => {
      const statusId = idOf(id);
      return this.versionCheck('1.0.0', '3.2.0').pipe(
        concatMap(() => this.verifyMinimumVersion('3.0.0', { cached: true })),
        concatMap((fromStatus) => fromStatus
          ? this.status(statusId).pipe(map((status) => status.card ?? null))
          : this.apiRequest<PreviewCard | Record<string, never> | null>({ method: 'GET', path: '/api/v1/statuses/{id}/card', params: { id: statusId } })
            .pipe(map((card): PreviewCard | null => (card !== null && 'url' in card ? card as PreviewCard : null)))),
      );
    });
  },

  /**
   * Reply to a status: mentions its author and (unless `untag`) everyone it mentions but the
   * user, and keeps its visibility and content warning unless given.
   * @example api.statusReply(status, 'Thanks!', { untag: true }).subscribe((reply) => console.log(reply.in_reply_to_id))
   */
  statusReply(this: Mastodon, to_status: ReplyTarget, status: string, options?: StatusReplyOptions): Observable<Status> {
    return defer(() => {
      const target = replyTargetOf(to_status);
      requiredString('status', status);
      const { untag, ...post } = optionsOf(options);
      const me$: Observable<string | undefined> = untag ? of(undefined) : loggedInId(this);
      return me$.pipe(concatMap((me) => this.statusPost(replyMentions(target, me, untag === true) + status, {
        ...post,
        in_reply_to_id: idOf(target.id, 'to_status.id'),
        visibility: post.visibility ?? target.visibility,
        spoiler_text: post.spoiler_text ?? target.spoiler_text,
      })));
    });
  },
};
