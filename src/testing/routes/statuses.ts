import { bool, FakeHttpError, list, str, userOf, type FakeRequest, type FakeRoutes } from './types.js';
import { escapeHtml, type FakeAccount, type FakeStatus, type FakeStore } from '../store.js';
import type { ParsedValue } from '../params.js';
import { canSee, social } from './social.js';
import { mark, statusState, statusView, visibleStatus } from './status-state.js';
import { recordConversation } from './conversations.js';
import { attachableMedia, editedMedia, mediaJson, releaseMedia } from './media.js';
import { checkPoll, checkStatusLength, fakeLimits } from '../limits.js';
import { pageReply } from '../paginate.js';
import { compareIds } from './accounts.js';
import { postingLanguage, profileSettings } from './profile-state.js';
import { contextRefreshHeaders } from './async-refreshes.js';
import { quotedStatusOf, quoteInline, quoteInlineOf, quoteRoutes, quoteVisibility, recordQuote, updateQuotePolicy } from './quotes.js';
import { deliverNotification } from '../notifications-state.js';

const VISIBILITIES = ['public', 'unlisted', 'private', 'direct'];
/** Mastodon posts at once what is scheduled less than five minutes ahead. */
const SCHEDULE_MIN_MS = 5 * 60 * 1000;

function ownStatus(store: FakeStore, request: FakeRequest): FakeStatus {
  const status = visibleStatus(store, request);
  if (status.account.id !== userOf(request).account.id) throw new FakeHttpError(403, 'This action is not allowed');
  return status;
}

function pollOf(store: FakeStore, value: ParsedValue | undefined, id: string): Record<string, unknown> | null {
  if (typeof value !== 'object' || Array.isArray(value)) return null;
  const options = value['options'];
  const titles = Array.isArray(options) ? options.filter((o): o is string => typeof o === 'string') : [];
  const expiresIn = Number(value['expires_in']);
  checkPoll(store, titles, expiresIn);
  const truthy = (v: unknown): boolean => v === true || v === 'true' || v === '1';
  return {
    id, expires_at: new Date(Date.now() + expiresIn * 1000).toISOString(), expired: false,
    multiple: truthy(value['multiple']), votes_count: 0, voters_count: 0,
    options: titles.map((title) => ({ title, votes_count: 0 })), emojis: [], voted: false, own_votes: [],
  };
}

/** The accounts `@mentioned` in `text` that the fake server knows (local ones). */
function mentionsIn(store: FakeStore, text: string): FakeAccount[] {
  const host = new URL(store.baseUrl).host;
  const found = new Map<string, FakeAccount>();
  for (const match of text.matchAll(/(?:^|[^\w/])@(\w+)(?:@([\w.-]+(?::\d+)?))?/g)) {
    if (match[2] !== undefined && match[2] !== host) continue;
    const user = store.userByLogin(match[1]!);
    if (user) found.set(user.account.id, user.account);
  }
  return [...found.values()];
}

function tagsIn(store: FakeStore, text: string): { name: string; url: string }[] {
  const names = new Set([...text.matchAll(/(?:^|\s)#(\w+)/g)].map((m) => m[1]!.toLowerCase()));
  return [...names].map((name) => ({ name, url: `${store.baseUrl}/tags/${name}` }));
}

/** A link card for the first URL of a text (the fake makes it up; Mastodon fetches the page). */
function cardFor(text: string): Record<string, unknown> | null {
  const url = /https?:\/\/[^\s<>"]+/.exec(text)?.[0];
  if (!url) return null;
  return {
    url, title: new URL(url).host, description: `A page at ${url}`, type: 'link',
    author_name: '', author_url: '', provider_name: new URL(url).host, provider_url: '',
    html: '', width: 0, height: 0, image: null, embed_url: '', blurhash: null,
  };
}

function scheduledAt(request: FakeRequest): Date | undefined {
  const raw = str(request.params, 'scheduled_at');
  if (raw === undefined) return undefined;
  const at = new Date(raw);
  if (Number.isNaN(at.getTime())) throw new FakeHttpError(422, 'Validation failed: Scheduled at is invalid');
  return at;
}

function schedule(store: FakeStore, request: FakeRequest, at: Date): Record<string, unknown> {
  const { account } = userOf(request);
  const id = store.nextId();
  const poll = request.params['poll'];
  const json = {
    id, scheduled_at: at.toISOString(),
    params: {
      text: str(request.params, 'status') ?? '', poll: typeof poll === 'object' && !Array.isArray(poll) ? poll : null,
      media_ids: list(request.params, 'media_ids').length ? list(request.params, 'media_ids') : null,
      sensitive: request.params['sensitive'] === undefined ? null : bool(request.params, 'sensitive'),
      spoiler_text: str(request.params, 'spoiler_text') ?? null, visibility: str(request.params, 'visibility') ?? null,
      scheduled_at: null, language: str(request.params, 'language') ?? null,
      in_reply_to_id: str(request.params, 'in_reply_to_id') ?? null, idempotency: null, with_rate_limit: false,
      // The id of the app that scheduled it, a JSON number as Mastodon sends it.
      application_id: request.token?.clientId ? Number(store.apps.get(request.token.clientId)?.id ?? 0) : null,
    },
    media_attachments: [],
  };
  statusState(store).scheduled.set(id, { ownerId: account.id, json });
  return json;
}

/** Posts a status with mentions, tags, a card, notifications and conversations, as Mastodon would. */
function post(store: FakeStore, request: FakeRequest): FakeStatus {
  const { account } = userOf(request);
  const text = str(request.params, 'status') ?? '';
  const media = attachableMedia(request, store, list(request.params, 'media_ids'));
  if (text.trim() === '' && media.length === 0 && request.params['poll'] === undefined) {
    throw new FakeHttpError(422, "Validation failed: Text can't be blank");
  }
  const settings = profileSettings(store, account);
  const requestedVisibility = str(request.params, 'visibility') ?? settings.privacy;
  const spoiler = str(request.params, 'spoiler_text') ?? '';
  if (!VISIBILITIES.includes(requestedVisibility)) throw new FakeHttpError(422, 'Validation failed: Visibility is not included in the list');
  const replyTo = str(request.params, 'in_reply_to_id');
  const parent = replyTo ? store.statusById.get(replyTo) : undefined;
  if (replyTo && !parent) throw new FakeHttpError(404, 'Record not found');
  const quoted = quotedStatusOf(store, request);
  const visibility = quoteVisibility(quoted, requestedVisibility);
  const mentioned = mentionsIn(store, text);
  checkStatusLength(store, text, spoiler);
  const poll = request.params['poll'] === undefined ? null : pollOf(store, request.params['poll'], '');
  const status = store.addStatus(account, text, {
    visibility,
    // As in Mastodon: the user's default when not given, and always with a content warning.
    sensitive: (request.params['sensitive'] === undefined ? settings.sensitive : bool(request.params, 'sensitive')) || spoiler !== '',
    spoiler_text: spoiler,
    language: str(request.params, 'language') ?? postingLanguage(store, account),
    in_reply_to_id: parent?.id ?? null,
    in_reply_to_account_id: parent?.account.id ?? null,
    poll,
    mentions: mentioned.map((a) => ({ id: a.id, username: a.username, acct: a.acct, url: a.url })),
    tags: tagsIn(store, text),
    application: request.token?.clientId ? { name: store.apps.get(request.token.clientId)?.name ?? 'app', website: null } : null,
    media_attachments: media.map((m) => mediaJson(m, store.baseUrl)),
    ...(quoted ? { content: `${quoteInline(quoted)}<p>${escapeHtml(text)}</p>` } : {}),
  });
  recordQuote(store, request, status, quoted);
  for (const m of media) m.statusId = status.id;
  // Poll ids are their status's id in the fake, so a poll is found through its status.
  if (poll) poll['id'] = status.id;
  if (parent) parent['replies_count'] = Number(parent['replies_count']) + 1;
  for (const target of mentioned) {
    if (target.id !== account.id) deliverNotification(store, 'mention', target.id, account, status);
  }
  const state = social(store);
  for (const [follower, followed] of store.follows) {
    if (followed.has(account.id) && state.followOptions.get(`${follower}>${account.id}`)?.notify && visibility !== 'direct') {
      deliverNotification(store, 'status', follower, account, status);
    }
  }
  if (visibility === 'direct') recordConversation(store, status);
  return status;
}

/** A revision of a status for its history. */
function revision(status: FakeStatus, at: string): Record<string, unknown> {
  const poll = status['poll'] as { options: { title: string }[] } | null;
  return {
    content: status.content, spoiler_text: status['spoiler_text'], sensitive: status['sensitive'], created_at: at,
    account: status.account, ...(poll ? { poll: { options: poll.options.map(({ title }) => ({ title })) } } : {}),
    media_attachments: status['media_attachments'], emojis: status['emojis'],
  };
}

function threadAncestors(store: FakeStore, status: FakeStatus): FakeStatus[] {
  const result: FakeStatus[] = [];
  let parentId = status['in_reply_to_id'] as string | null;
  while (parentId) {
    const parent = store.statusById.get(parentId);
    if (!parent) break;
    result.unshift(parent);
    parentId = parent['in_reply_to_id'] as string | null;
  }
  return result;
}

function threadDescendants(store: FakeStore, status: FakeStatus): FakeStatus[] {
  const result: FakeStatus[] = [];
  const visit = (id: string): void => {
    for (const child of store.statuses) {
      if (child['in_reply_to_id'] === id) {
        result.push(child);
        visit(child.id);
      }
    }
  };
  visit(status.id);
  return result;
}

/** A page of accounts from records (a boost, a favourite) with their own ids as cursors, newest first. */
function accountsPage(store: FakeStore, request: FakeRequest, records: { id: string; account: string }[]) {
  const reply = pageReply(request, records, { defaultLimit: 40, maxLimit: 80, prev: 'since_id' });
  return { ...reply, json: (reply.json as { account: string }[]).map((r) => store.accountById(r.account)).filter((a): a is FakeAccount => a !== undefined) };
}

/** A route that answers with the request's status as its user sees it, after `act` on it. */
function statusAction(act: (store: FakeStore, status: FakeStatus, me: FakeAccount, request: FakeRequest) => FakeStatus | void) {
  return {
    auth: 'user' as const,
    handle: (request: FakeRequest, { store }: { store: FakeStore }) => {
      const me = userOf(request).account;
      const status = visibleStatus(store, request);
      const shown = act(store, status, me, request) ?? status;
      return { json: statusView(store, shown, me.id) };
    },
  };
}

/** Posting, reading, editing, deleting, scheduling and acting on statuses. */
export const statusRoutes: FakeRoutes = {
  'GET /api/v1/statuses/{id}': {
    auth: 'none',
    handle: (req, { store }) => ({ json: statusView(store, visibleStatus(store, req), req.user?.account.id) }),
  },

  'POST /api/v1/statuses': {
    auth: 'user',
    handle: (req, { store }) => {
      const key = req.headers['idempotency-key'];
      const idempotencyKey = typeof key === 'string' ? `${req.token!.token}:${key}` : undefined;
      const earlier = idempotencyKey ? store.idempotency.get(idempotencyKey) : undefined;
      if (earlier && store.statusById.has(earlier)) return { json: statusView(store, store.statusById.get(earlier)!, req.user!.account.id) };
      const at = scheduledAt(req);
      if (at && at.getTime() - Date.now() >= SCHEDULE_MIN_MS) return { json: schedule(store, req, at) };
      const status = post(store, req);
      if (idempotencyKey) store.idempotency.set(idempotencyKey, status.id);
      const json = statusView(store, status, req.user!.account.id);
      // As Mastodon fetches a link's card after answering, the card shows from the next read on.
      status['card'] = cardFor(str(req.params, 'status') ?? '');
      return { json };
    },
  },

  'DELETE /api/v1/statuses/{id}': {
    auth: 'user',
    handle: (req, { store }) => {
      const status = ownStatus(store, req);
      store.removeStatus(status.id);
      releaseMedia(store, status.id, bool(req.params, 'delete_media'));
      return { json: statusView(store, status, req.user!.account.id, { source: true }) };
    },
  },

  'PUT /api/v1/statuses/{id}': {
    auth: 'user',
    handle: (req, { store }) => {
      const status = ownStatus(store, req);
      const history = statusState(store).history;
      const revisions = history.get(status.id) ?? [revision(status, status.created_at)];
      const text = str(req.params, 'status');
      const spoiler = str(req.params, 'spoiler_text');
      // Everything is checked before anything changes, as Mastodon validates an edit as a whole.
      if (text !== undefined && text.trim() === '') throw new FakeHttpError(422, "Validation failed: Text can't be blank");
      checkStatusLength(store, text ?? store.sourceText.get(status.id) ?? '', spoiler ?? String(status['spoiler_text'] ?? ''));
      const poll = req.params['poll'] === undefined ? undefined : pollOf(store, req.params['poll'], status.id);
      if (text !== undefined) {
        status.content = `${quoteInlineOf(store, status.id)}<p>${escapeHtml(text)}</p>`;
        store.sourceText.set(status.id, text);
        status['card'] = null;
      }
      if (spoiler !== undefined) status['spoiler_text'] = spoiler;
      if (req.params['sensitive'] !== undefined) status['sensitive'] = bool(req.params, 'sensitive');
      updateQuotePolicy(store, req, status);
      const language = str(req.params, 'language');
      if (language !== undefined) status['language'] = language;
      if (req.params['media_ids'] !== undefined || req.params['media_attributes'] !== undefined) {
        const media = editedMedia(req, store, status.id);
        status['media_attachments'] = media.map((m) => mediaJson(m, store.baseUrl));
      }
      if (poll !== undefined) {
        status['poll'] = poll;
        statusState(store).votes.delete(status.id);
      }
      const now = new Date().toISOString();
      status['edited_at'] = now;
      revisions.push(revision(status, now));
      history.set(status.id, revisions);
      store.notify({ type: 'status.updated', status });
      const json = statusView(store, status, req.user!.account.id);
      if (text !== undefined) status['card'] = cardFor(text);
      return { json };
    },
  },

  'GET /api/v1/statuses/{id}/history': {
    auth: 'none',
    handle: (req, { store }) => ({ json: statusState(store).history.get(visibleStatus(store, req).id) ?? [] }),
  },

  'GET /api/v1/statuses/{id}/source': {
    auth: 'user',
    handle: (req, { store }) => {
      const status = visibleStatus(store, req);
      return { json: { id: status.id, text: store.sourceText.get(status.id) ?? '', spoiler_text: status['spoiler_text'] ?? '' } };
    },
  },

  // Servers before 3.0.0 only: newer ones carry the card in the status.
  'GET /api/v1/statuses/{id}/card': {
    auth: 'none',
    handle: (req, { store }) => ({ json: visibleStatus(store, req)['card'] ?? {} }),
  },

  'GET /api/v1/statuses/{id}/context': {
    auth: 'none',
    handle: (req, { store }) => {
      const status = visibleStatus(store, req);
      const viewer = req.user?.account.id;
      const shown = (list: FakeStatus[]): unknown[] => list.filter((s) => canSee(store, s, viewer)).map((s) => statusView(store, s, viewer));
      return {
        json: { ancestors: shown(threadAncestors(store, status)), descendants: shown(threadDescendants(store, status)) },
        headers: contextRefreshHeaders(store, req, status),
      };
    },
  },

  // As on Mastodon, these pages' cursors are the boosts' and the favourites' ids.
  'GET /api/v1/statuses/{id}/reblogged_by': {
    auth: 'none',
    handle: (req, { store }) => {
      const status = visibleStatus(store, req);
      const boosts = store.statuses.filter((s) => (s['reblog'] as FakeStatus | null)?.id === status.id).reverse();
      return accountsPage(store, req, boosts.map((boost) => ({ id: boost.id, account: boost.account.id })));
    },
  },

  'GET /api/v1/statuses/{id}/favourited_by': {
    auth: 'none',
    handle: (req, { store }) => {
      const status = visibleStatus(store, req);
      const favourites = [...statusState(store).favourites].flatMap(([account, marks]) => {
        const id = marks.get(status.id);
        return id === undefined ? [] : [{ id, account }];
      }).sort((a, b) => compareIds(b.id, a.id));
      return accountsPage(store, req, favourites);
    },
  },

  'POST /api/v1/statuses/{id}/reblog': statusAction((store, status, me, req) => {
    const original = (status['reblog'] as FakeStatus | null) ?? status;
    if (!['public', 'unlisted'].includes(original.visibility) && original.account.id !== me.id) {
      throw new FakeHttpError(403, 'This action is not allowed');
    }
    const state = statusState(store);
    const existing = state.reblogs.get(`${me.id}>${original.id}`);
    if (existing && store.statusById.has(existing)) return store.statusById.get(existing);
    const visibility = str(req.params, 'visibility') ?? 'public';
    if (!['public', 'unlisted', 'private'].includes(visibility)) throw new FakeHttpError(422, 'Validation failed: Visibility is not included in the list');
    const boost = store.addStatus(me, '', { reblog: original, visibility, content: '', language: null });
    state.reblogs.set(`${me.id}>${original.id}`, boost.id);
    original['reblogs_count'] = Number(original['reblogs_count']) + 1;
    if (original.account.id !== me.id) deliverNotification(store, 'reblog', original.account.id, me, original);
    return boost;
  }),

  'POST /api/v1/statuses/{id}/unreblog': statusAction((store, status, me) => {
    const original = (status['reblog'] as FakeStatus | null) ?? status;
    const state = statusState(store);
    const boostId = state.reblogs.get(`${me.id}>${original.id}`);
    if (boostId) {
      state.reblogs.delete(`${me.id}>${original.id}`);
      store.removeStatus(boostId);
      original['reblogs_count'] = Math.max(0, Number(original['reblogs_count']) - 1);
    }
    return original;
  }),

  'POST /api/v1/statuses/{id}/favourite': statusAction((store, status, me) => {
    if (mark(store, statusState(store).favourites, me.id, status.id)) {
      status['favourites_count'] = Number(status['favourites_count']) + 1;
      if (status.account.id !== me.id) deliverNotification(store, 'favourite', status.account.id, me, status);
    }
  }),

  'POST /api/v1/statuses/{id}/unfavourite': statusAction((store, status, me) => {
    if (statusState(store).favourites.get(me.id)?.delete(status.id)) {
      status['favourites_count'] = Math.max(0, Number(status['favourites_count']) - 1);
    }
  }),

  'POST /api/v1/statuses/{id}/bookmark': statusAction((store, status, me) => {
    mark(store, statusState(store).bookmarks, me.id, status.id);
  }),

  'POST /api/v1/statuses/{id}/unbookmark': statusAction((store, status, me) => {
    statusState(store).bookmarks.get(me.id)?.delete(status.id);
  }),

  'POST /api/v1/statuses/{id}/mute': statusAction((store, status, me) => {
    const muted = statusState(store).muted;
    if (!muted.has(me.id)) muted.set(me.id, new Set());
    muted.get(me.id)!.add(status.id);
  }),

  'POST /api/v1/statuses/{id}/unmute': statusAction((store, status, me) => {
    statusState(store).muted.get(me.id)?.delete(status.id);
  }),

  'POST /api/v1/statuses/{id}/pin': statusAction((store, status, me) => {
    const pinned = statusState(store).pinned;
    const mine = pinned.get(me.id) ?? new Set<string>();
    if (mine.has(status.id)) return;
    // Mastodon's pin validator, its problems in its order and words.
    const problems = [
      ...(status['reblog'] ? ['A boost cannot be pinned'] : []),
      ...(status.account.id !== me.id ? ["Someone else's post cannot be pinned"] : []),
      ...(status.visibility === 'direct' ? ['Posts that are only visible to mentioned users cannot be pinned'] : []),
      ...(mine.size >= fakeLimits(store).accounts.max_pinned_statuses ? ['You have already pinned the maximum number of posts'] : []),
    ];
    if (problems.length > 0) throw new FakeHttpError(422, `Validation failed: ${problems.join(', ')}`);
    pinned.set(me.id, mine.add(status.id));
  }),

  'POST /api/v1/statuses/{id}/unpin': statusAction((store, status, me) => {
    statusState(store).pinned.get(me.id)?.delete(status.id);
  }),

  ...quoteRoutes(statusView),

  'GET /api/v1/scheduled_statuses': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      const mine = [...statusState(store).scheduled.values()].filter((s) => s.ownerId === me).map((s) => s.json).reverse();
      return pageReply(req, mine);
    },
  },

  'GET /api/v1/scheduled_statuses/{id}': {
    auth: 'user',
    handle: (req, { store }) => ({ json: ownScheduled(store, req).json }),
  },

  'PUT /api/v1/scheduled_statuses/{id}': {
    auth: 'user',
    handle: (req, { store }) => {
      const scheduled = ownScheduled(store, req);
      const at = scheduledAt(req);
      if (at) {
        if (at.getTime() - Date.now() < SCHEDULE_MIN_MS) {
          throw new FakeHttpError(422, 'Validation failed: Scheduled at The scheduled date must be in the future');
        }
        scheduled.json = { ...scheduled.json, scheduled_at: at.toISOString() };
      }
      return { json: scheduled.json };
    },
  },

  'DELETE /api/v1/scheduled_statuses/{id}': {
    auth: 'user',
    handle: (req, { store }) => {
      statusState(store).scheduled.delete(ownScheduled(store, req).json['id'] as string);
      return { json: {} };
    },
  },
};

function ownScheduled(store: FakeStore, request: FakeRequest): { json: Record<string, unknown> } {
  const scheduled = statusState(store).scheduled.get(request.pathParams['id'] ?? '');
  if (!scheduled || scheduled.ownerId !== userOf(request).account.id) throw new FakeHttpError(404, 'Record not found');
  return scheduled;
}
