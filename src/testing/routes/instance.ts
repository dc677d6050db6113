import { FakeHttpError, str, userOf, type FakeRoutes } from './types.js';
import type { FakeStore } from '../store.js';
import { fakeLimits } from '../limits.js';

/** An announcement as the fake server keeps it. */
export interface FakeAnnouncement {
  id: string;
  content: string;
  starts_at: string | null;
  ends_at: string | null;
  all_day: boolean;
  published_at: string;
  updated_at: string;
  /** Ids of the accounts that dismissed it. */
  readBy: Set<string>;
  /** Reaction name → ids of the accounts that reacted with it. */
  reactions: Map<string, Set<string>>;
}

/** What the instance area of the fake server knows beyond the store. */
export interface FakeInstanceState {
  /** Domains `instancePeers` lists. */
  peers: string[];
  /** Rules `instanceRules` lists. */
  rules: { id: string; text: string; hint: string; translations: Record<string, { text: string; hint: string }> }[];
  /** Custom emoji of the server. */
  emojis: { shortcode: string; url: string; static_url: string; visible_in_picker: boolean; category: string | null }[];
  announcements: FakeAnnouncement[];
  /** The body `/health` answers. */
  health: string;
}

/**
 * The instance area's state: peers, rules, custom emoji, announcements. Tests and demos may
 * change it.
 *
 * ## Example
 * ```ts
 * instanceState(server.store).peers.push('mastodon.example');
 * ```
 */
export function instanceState(store: FakeStore): FakeInstanceState {
  return store.extension<FakeInstanceState>('instance', () => ({
    peers: [],
    rules: [{ id: '1', text: 'Be excellent to each other.', hint: '', translations: {} }],
    emojis: [{
      shortcode: 'fake', url: `${store.baseUrl}/emoji/fake.png`, static_url: `${store.baseUrl}/emoji/fake_static.png`,
      visible_in_picker: true, category: null,
    }],
    announcements: [],
    health: 'OK',
  }));
}

/**
 * Publishes an announcement of the fake server's staff.
 * @example addAnnouncement(server.store, 'Maintenance tonight')
 */
export function addAnnouncement(store: FakeStore, text: string): FakeAnnouncement {
  const now = new Date().toISOString();
  const announcement: FakeAnnouncement = {
    id: store.nextId(), content: `<p>${text}</p>`, starts_at: null, ends_at: null, all_day: false,
    published_at: now, updated_at: now, readBy: new Set(), reactions: new Map(),
  };
  instanceState(store).announcements.push(announcement);
  store.notify({ type: 'announcement', announcement });
  return announcement;
}

function announcementJson(store: FakeStore, a: FakeAnnouncement, accountId: string): Record<string, unknown> {
  const emojis = instanceState(store).emojis;
  return {
    id: a.id, content: a.content, starts_at: a.starts_at, ends_at: a.ends_at, all_day: a.all_day,
    published_at: a.published_at, updated_at: a.updated_at, read: a.readBy.has(accountId),
    mentions: [], statuses: [], tags: [], emojis: [],
    reactions: [...a.reactions.entries()].filter(([, who]) => who.size > 0).map(([name, who]) => {
      const custom = emojis.find((e) => e.shortcode === name);
      return { name, count: who.size, me: who.has(accountId), ...(custom ? { url: custom.url, static_url: custom.static_url } : {}) };
    }),
  };
}

function findAnnouncement(store: FakeStore, id: string | undefined): FakeAnnouncement {
  const found = instanceState(store).announcements.find((a) => a.id === id);
  if (!found) throw new FakeHttpError(404, 'Record not found');
  return found;
}

const WEEK = 7 * 86_400_000;

/** The limits the instance announces, as Mastodon 4.0's `/api/v1/instance` shows them; the fake enforces them. */
function configurationJson(store: FakeStore): Record<string, unknown> {
  const { statuses, media_attachments: media, polls, accounts } = fakeLimits(store);
  return {
    accounts: { max_featured_tags: accounts.max_featured_tags },
    statuses: { ...statuses },
    media_attachments: {
      supported_mime_types: [...media.supported_mime_types], image_size_limit: media.image_size_limit,
      image_matrix_limit: media.image_matrix_limit, video_size_limit: media.video_size_limit,
      video_frame_rate_limit: media.video_frame_rate_limit, video_matrix_limit: media.video_matrix_limit,
    },
    polls: { ...polls },
  };
}

/** The server's self-description, activity, rules, directory, emoji, announcements, health. */
export const instanceRoutes: FakeRoutes = {
  'GET /api/v1/instance/': {
    auth: 'none',
    handle: (_req, { store, baseUrl, version }) => ({
      json: {
        uri: new URL(baseUrl).host, title: 'mastodon-rx fake server', short_description: 'An in-memory Mastodon for tests.',
        description: 'An in-memory Mastodon for tests.', email: 'admin@fake.example', version,
        urls: { streaming_api: baseUrl.replace(/^http/, 'ws') },
        stats: { user_count: store.users.size, status_count: store.statuses.length, domain_count: instanceState(store).peers.length },
        thumbnail: `${baseUrl}/packs/media/images/preview.png`, languages: ['en'], registrations: true, approval_required: false, invites_enabled: false,
        configuration: configurationJson(store),
        contact_account: null, rules: instanceState(store).rules,
      },
    }),
  },
  'GET /api/v1/instance/activity': {
    auth: 'none',
    handle: (_req, { store }) => {
      const now = Date.now();
      return {
        json: Array.from({ length: 12 }, (_unused, i) => {
          const end = now - i * WEEK;
          const start = end - WEEK;
          const inWeek = (iso: string): boolean => Date.parse(iso) > start && Date.parse(iso) <= end;
          return {
            week: String(Math.floor(end / 1000)),
            statuses: String(store.statuses.filter((s) => inWeek(s.created_at)).length),
            logins: String(i === 0 ? store.users.size : 0),
            registrations: String([...store.users.values()].filter((u) => inWeek(u.account.created_at)).length),
          };
        }),
      };
    },
  },
  'GET /api/v1/instance/peers': {
    auth: 'none',
    handle: (_req, { store }) => ({ json: instanceState(store).peers }),
  },
  'GET /api/v1/instance/rules': {
    auth: 'none',
    handle: (_req, { store }) => ({ json: instanceState(store).rules }),
  },
  'GET /api/v1/directory': {
    auth: 'none',
    handle: (req, { store }) => {
      const order = str(req.params, 'order') ?? 'active';
      const offset = Math.max(Number(str(req.params, 'offset') ?? 0) || 0, 0);
      const limit = Math.min(Math.max(Number(str(req.params, 'limit') ?? 40) || 40, 1), 80);
      const byTime = (field: 'last_status_at' | 'created_at') => (a: Record<string, unknown>, b: Record<string, unknown>): number =>
        String(b[field] ?? '').localeCompare(String(a[field] ?? ''));
      const accounts = [...store.users.values()].map((u) => u.account).filter((a) => a.discoverable !== false);
      // Every fake account is local, so `local` keeps them all.
      accounts.sort(byTime(order === 'new' ? 'created_at' : 'last_status_at'));
      return { json: accounts.slice(offset, offset + limit) };
    },
  },
  'GET /api/v1/custom_emojis': {
    auth: 'none',
    handle: (_req, { store }) => ({ json: instanceState(store).emojis }),
  },
  'GET /api/v1/announcements': {
    auth: 'user',
    handle: (req, { store }) => {
      const me = userOf(req).account.id;
      return { json: instanceState(store).announcements.map((a) => announcementJson(store, a, me)) };
    },
  },
  'POST /api/v1/announcements/{id}/dismiss': {
    auth: 'user',
    handle: (req, { store }) => {
      findAnnouncement(store, req.pathParams['id']).readBy.add(userOf(req).account.id);
      return { json: {} };
    },
  },
  'PUT /api/v1/announcements/{id}/reactions/{reaction}': {
    auth: 'user',
    handle: (req, { store }) => {
      const announcement = findAnnouncement(store, req.pathParams['id']);
      const name = req.pathParams['reaction']!;
      const me = userOf(req).account.id;
      const custom = instanceState(store).emojis.some((e) => e.shortcode === name);
      if (!custom && !/^\p{Extended_Pictographic}/u.test(name)) throw new FakeHttpError(422, 'Validation failed: Name is not a recognized emoji');
      const who = announcement.reactions.get(name) ?? new Set<string>();
      if (who.has(me)) throw new FakeHttpError(422, 'Validation failed: Name has already been taken');
      who.add(me);
      announcement.reactions.set(name, who);
      return { json: {} };
    },
  },
  'DELETE /api/v1/announcements/{id}/reactions/{reaction}': {
    auth: 'user',
    handle: (req, { store }) => {
      const announcement = findAnnouncement(store, req.pathParams['id']);
      const who = announcement.reactions.get(req.pathParams['reaction']!);
      if (!who?.delete(userOf(req).account.id)) throw new FakeHttpError(404, 'Record not found');
      return { json: {} };
    },
  },
  'GET /health': {
    auth: 'none',
    handle: (_req, { store }) => ({ text: instanceState(store).health }),
  },
  'GET /.well-known/nodeinfo': {
    auth: 'none',
    handle: (_req, { baseUrl }) => ({
      json: { links: [{ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: `${baseUrl}/nodeinfo/2.0` }] },
    }),
  },
  'GET /nodeinfo/2.0': {
    auth: 'none',
    handle: (_req, { store, version }) => ({
      json: {
        version: '2.0', software: { name: 'mastodon', version }, protocols: ['activitypub'],
        services: { outbound: [], inbound: [] },
        usage: { users: { total: store.users.size, activeMonth: store.users.size, activeHalfyear: store.users.size }, localPosts: store.statuses.length },
        openRegistrations: true, metadata: {},
      },
    }),
  },
  // The web front page; `HEAD /` reads the server's clock from its Date header.
  'GET /': {
    auth: 'none',
    handle: () => ({ text: '<!DOCTYPE html><title>mastodon-rx fake server</title>', headers: { 'content-type': 'text/html; charset=utf-8' } }),
  },
};
