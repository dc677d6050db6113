import { endpoint, json, nothing } from './define.js';
import { oneOf, optionsOf, requiredString } from './common.js';
import type { Account, CustomEmoji } from '../entities/account.js';
import type { Announcement } from '../entities/announcement.js';
import type { Application, Instance } from '../entities/instance.js';
import type { InstanceActivity, Rule } from '../entities/instance-info.js';
import { idOf, type IdLike } from '../ids.js';
import { MastodonIllegalArgumentError } from '../errors.js';

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

/** The server itself, and the app's own registration. */
export const instance = {
  /**
   * The server's description, including its version and streaming URL.
   * @example api.instance().subscribe((i) => console.log(i.title, i.version))
   */
  instance: endpoint('GET /api/v1/instance/', {
    created: '1.1.0', changed: '3.4.0', returns: json<Instance>(),
  }),

  /**
   * The app the client is registered as.
   * @example api.appVerifyCredentials().subscribe((app) => console.log(app.name))
   */
  appVerifyCredentials: endpoint('GET /api/v1/apps/verify_credentials', {
    created: '2.0.0', returns: json<Application>(),
  }),

  /**
   * Ask for the confirmation mail of an unconfirmed user to be sent again.
   * @example api.emailResendConfirmation().subscribe()
   */
  emailResendConfirmation: endpoint('POST /api/v1/emails/confirmations', {
    created: '3.4.0', returns: nothing(),
  }),

  /**
   * Weekly activity of the server for the last 12 weeks: statuses, logins, sign-ups. Servers
   * may turn it off (then `MastodonNotFoundError`).
   * @example api.instanceActivity().subscribe((weeks) => console.log(weeks[0]?.week, weeks[0]?.statuses))
   */
  instanceActivity: endpoint('GET /api/v1/instance/activity', {
    created: '2.1.2', changed: '2.1.2', returns: json<InstanceActivity[]>(),
  }),

  /**
   * The domains of the servers this one knows. Servers may turn it off (then `MastodonNotFoundError`).
   * @example api.instancePeers().subscribe((domains) => console.log(domains.length))
   */
  instancePeers: endpoint('GET /api/v1/instance/peers', {
    created: '2.1.2', changed: '2.1.2', returns: json<string[]>(),
  }),

  /**
   * The rules of the server, as `instance().rules` lists them.
   * @example api.instanceRules().subscribe((rules) => rules.forEach((r) => console.log(r.id, r.text)))
   */
  instanceRules: endpoint('GET /api/v1/instance/rules', {
    created: '3.4.0', changed: '3.4.0', returns: json<Rule[]>(),
  }),

  /**
   * The profile directory: accounts that opted in to be listed.
   * @example api.directory({ order: 'new', local: true, limit: 10 }).subscribe((accounts) => console.log(accounts.map((a) => a.acct)))
   */
  directory: endpoint('GET /api/v1/directory', {
    created: '3.0.0', changed: '3.3.0', returns: json<Account[]>(),
    params: (options?: DirectoryOptions) => {
      const o = optionsOf(options);
      return {
        offset: o.offset,
        limit: o.limit,
        order: o.order === undefined ? undefined : oneOf('order', o.order, ['active', 'new']),
        local: o.local,
      };
    },
  }),

  /**
   * The custom emoji of the server.
   * @example api.customEmojis().subscribe((emojis) => console.log(emojis.map((e) => `:${e.shortcode}:`)))
   */
  customEmojis: endpoint('GET /api/v1/custom_emojis', {
    created: '2.1.0', changed: '3.0.0', returns: json<CustomEmoji[]>(),
  }),

  /**
   * The announcements of the server's staff that are active now.
   * @example api.announcements().subscribe((list) => list.filter((a) => !a.read).forEach((a) => console.log(a.content)))
   */
  announcements: endpoint('GET /api/v1/announcements', {
    created: '3.1.0', changed: '3.1.0', returns: json<Announcement[]>(),
  }),

  /**
   * Mark an announcement as read.
   * @example api.announcementDismiss(announcement).subscribe()
   */
  announcementDismiss: endpoint('POST /api/v1/announcements/{id}/dismiss', {
    created: '3.1.0', changed: '3.1.0', returns: nothing(),
    params: (id: IdLike) => ({ id: idOf(id) }),
  }),

  /**
   * React to an announcement with a unicode emoji or the shortcode of a custom emoji of the
   * server. Reacting twice with the same emoji is an API error.
   * @example api.announcementReactionCreate(announcement, '🎉').subscribe()
   */
  announcementReactionCreate: endpoint('PUT /api/v1/announcements/{id}/reactions/{reaction}', {
    created: '3.1.0', changed: '3.1.0', returns: nothing(),
    params: (id: IdLike, reaction: string) => reactionParams(id, reaction),
  }),

  /**
   * Take back a reaction to an announcement.
   * @example api.announcementReactionDelete(announcement, '🎉').subscribe()
   */
  announcementReactionDelete: endpoint('DELETE /api/v1/announcements/{id}/reactions/{reaction}', {
    created: '3.1.0', changed: '3.1.0', returns: nothing(),
    params: (id: IdLike, reaction: string) => reactionParams(id, reaction),
  }),
};
