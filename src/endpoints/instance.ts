import { endpoint, json, nothing, row } from './define.js';
import { byVersion } from './by-version.js';
import { instanceV2Row } from './instance-v2.js';
import { oneOf, optionsOf, requiredString } from './common.js';
import type { Account, CustomEmoji } from '../entities/account.js';
import type { Announcement } from '../entities/announcement.js';
import type { Application, Instance } from '../entities/instance.js';
import type { InstanceV2 } from '../entities/instance-v2.js';
import type { InstanceActivity, Rule } from '../entities/instance-info.js';
import { idOf, type IdLike } from '../ids.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { fillPath } from '../http/fill-path.js';

/** Options of `directory`. */
export interface DirectoryOptions {
  /** How many accounts to skip. Default 0. */
  offset?: number;
  /** How many accounts to return. Default 40. */
  limit?: number;
  /** `active` (recently posted first, the default) or `new` (recently created first). */
  order?: 'active' | 'new';
  /** Only local accounts (`true`) or all known ones (`false`). */
  local?: boolean;
}

function reactionParams(id: IdLike, reaction: string): { id: string; reaction: string } {
  const name = requiredString('reaction', reaction);
  if (name === '') throw new MastodonIllegalArgumentError('reaction must not be empty');
  return { id: idOf(id), reaction: name };
}

// The server itself, and the app's own registration.

/** The server's description, v1 shape: what `instance` sends to servers before 4.0. */
export const instanceV1Row = /* @__PURE__ */ row('GET /api/v1/instance/', {
  created: '1.1.0', changed: '2.3.0', returns: json<Instance>,
});

/**
 * The server's description in its v1 shape (deprecated since Mastodon 4.0, still served).
 * @example instanceV1(client).subscribe((i) => console.log(i.uri, i.urls.streaming_api))
 */
export const instanceV1 = /* @__PURE__ */ endpoint('GET /api/v1/instance/', {
  created: '1.1.0', changed: '2.3.0', returns: json<Instance>,
});

/**
 * The server's description, as Mastodon.py 2.2 gets it: instance v2 ({@link InstanceV2}) on
 * servers from 4.0, instance v1 ({@link Instance}) before (the known version is used; it is
 * fetched once when unknown). Tell the two apart by a field only one has:
 * `'domain' in info` for v2, `'uri' in info` for v1; or call `instanceV2` / `instanceV1`.
 *
 * @example instance(client).subscribe((i) => console.log(i.title, i.version))
 */
export const instance = /* @__PURE__ */ byVersion<[], InstanceV2 | Instance>('4.0.0', instanceV2Row, instanceV1Row);

/**
 * The app the client is registered as.
 * @example appVerifyCredentials(client).subscribe((app) => console.log(app.name))
 */
export const appVerifyCredentials = /* @__PURE__ */ endpoint('GET /api/v1/apps/verify_credentials', {
  created: '2.0.0', returns: json<Application>,
});

/**
 * Ask for the confirmation mail of an unconfirmed user to be sent again.
 * @example emailResendConfirmation(client).subscribe()
 */
export const emailResendConfirmation = /* @__PURE__ */ endpoint('POST /api/v1/emails/confirmations', {
  created: '3.4.0', returns: nothing,
});

/**
 * Weekly activity of the server for the last 12 weeks: statuses, logins, sign-ups. Servers
 * may turn it off (then `MastodonNotFoundError`).
 * @example instanceActivity(client).subscribe((weeks) => console.log(weeks[0]?.week, weeks[0]?.statuses))
 */
export const instanceActivity = /* @__PURE__ */ endpoint('GET /api/v1/instance/activity', {
  created: '2.1.2', changed: '2.1.2', returns: json<InstanceActivity[]>,
});

/**
 * The domains of the servers this one knows. Servers may turn it off (then `MastodonNotFoundError`).
 * @example instancePeers(client).subscribe((domains) => console.log(domains.length))
 */
export const instancePeers = /* @__PURE__ */ endpoint('GET /api/v1/instance/peers', {
  created: '2.1.2', changed: '2.1.2', returns: json<string[]>,
});

/**
 * The rules of the server, as `instance().rules` lists them.
 * @example instanceRules(client).subscribe((rules) => rules.forEach((r) => console.log(r.id, r.text)))
 */
export const instanceRules = /* @__PURE__ */ endpoint('GET /api/v1/instance/rules', {
  created: '3.4.0', changed: '3.4.0', returns: json<Rule[]>,
});

/**
 * The profile directory: accounts that opted in to be listed.
 * @example directory(client, { order: 'new', local: true, limit: 10 }).subscribe((accounts) => console.log(accounts.map((a) => a.acct)))
 */
export const directory = /* @__PURE__ */ endpoint('GET /api/v1/directory', {
  created: '3.0.0', changed: '3.3.0', returns: json<Account[]>,
  options: 0, params: (options?: DirectoryOptions) => {
    const o = optionsOf(options);
    return {
      offset: o.offset,
      limit: o.limit,
      order: o.order === undefined ? undefined : oneOf('order', o.order, ['active', 'new']),
      local: o.local,
    };
  },
});

/**
 * The custom emoji of the server.
 * @example customEmojis(client).subscribe((emojis) => console.log(emojis.map((e) => `:${e.shortcode}:`)))
 */
export const customEmojis = /* @__PURE__ */ endpoint('GET /api/v1/custom_emojis', {
  created: '2.1.0', changed: '3.0.0', returns: json<CustomEmoji[]>,
});

/**
 * The announcements of the server's staff that are active now.
 * @example announcements(client).subscribe((list) => list.filter((a) => !a.read).forEach((a) => console.log(a.content)))
 */
export const announcements = /* @__PURE__ */ endpoint('GET /api/v1/announcements', {
  created: '3.1.0', changed: '3.1.0', returns: json<Announcement[]>,
});

/**
 * Mark an announcement as read.
 * @example announcementDismiss(client, announcement).subscribe()
 */
export const announcementDismiss = /* @__PURE__ */ endpoint('POST /api/v1/announcements/{id}/dismiss', {
  fillPath, created: '3.1.0', changed: '3.1.0', returns: nothing,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * React to an announcement with a unicode emoji or the shortcode of a custom emoji of the
 * server. Reacting twice with the same emoji is an API error.
 * @example announcementReactionCreate(client, announcement, '🎉').subscribe()
 */
export const announcementReactionCreate = /* @__PURE__ */ endpoint('PUT /api/v1/announcements/{id}/reactions/{reaction}', {
  fillPath, created: '3.1.0', changed: '3.1.0', returns: nothing,
  params: (id: IdLike, reaction: string) => reactionParams(id, reaction),
});

/**
 * Take back a reaction to an announcement.
 * @example announcementReactionDelete(client, announcement, '🎉').subscribe()
 */
export const announcementReactionDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/announcements/{id}/reactions/{reaction}', {
  fillPath, created: '3.1.0', changed: '3.1.0', returns: nothing,
  params: (id: IdLike, reaction: string) => reactionParams(id, reaction),
});
