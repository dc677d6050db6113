import type { FakeAccount, FakeStore } from '../store.js';
import { releasedBy } from '../server-versions.js';
import { featuredJson, featuredOf } from './featured-tags.js';
import { profileRoutes } from './profile.js';
import { requireScope } from './scopes.js';
import { credentialAccountJson, profileSettings } from './profile-state.js';
import { bool, FakeHttpError, list, str, userOf, type FakeContext, type FakeReply, type FakeRequest, type FakeRoutes } from './types.js';

/** The display settings of the 4.6 profile, which neither the account nor its `source` shows. */
export interface FakeProfileDisplaySettings {
  show_media: boolean;
  show_media_replies: boolean;
  show_featured: boolean;
}

/**
 * The 4.6 profile's display settings of an account of the fake server, made with Mastodon's
 * defaults on first use. The rest of the profile is the account's and its source's
 * (`accountUpdateCredentials` changes them too).
 * @example profileDisplaySettings(server.store, account.id).show_media = false;
 */
export function profileDisplaySettings(store: FakeStore, accountId: string): FakeProfileDisplaySettings {
  const all = store.extension('profile-display-settings', () => new Map<string, FakeProfileDisplaySettings>());
  let settings = all.get(accountId);
  if (!settings) {
    settings = { show_media: true, show_media_replies: true, show_featured: true };
    all.set(accountId, settings);
  }
  return settings;
}

/** Text the fake server turned into HTML (`<p>…</p>`, characters as `&#NN;`), as it was written. */
function sourceText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)));
}

function isDefaultImage(url: string): boolean {
  return url.endsWith('/original/missing.png');
}

/** The profile of `account` as `GET /api/v1/profile` shows it: sources, not HTML; null for default images. */
function profileJson(store: FakeStore, account: FakeAccount): Record<string, unknown> {
  const settings = profileDisplaySettings(store, account.id);
  const text = (name: string): string => (typeof account[name] === 'string' ? account[name] as string : '');
  const image = (url: string): string | null => (isDefaultImage(url) ? null : url);
  return {
    id: account.id, display_name: account.display_name, note: sourceText(account.note),
    fields: account.fields.map((f) => ({ name: f.name, value: sourceText(f.value), verified_at: f.verified_at })),
    avatar: image(account.avatar), avatar_static: image(account.avatar_static), avatar_description: text('avatar_description'),
    header: image(account.header), header_static: image(account.header_static), header_description: text('header_description'),
    locked: account.locked, bot: account.bot, hide_collections: account['hide_collections'] ?? null, discoverable: account.discoverable,
    indexable: account['indexable'] ?? false, show_media: settings.show_media, show_media_replies: settings.show_media_replies,
    show_featured: settings.show_featured, attribution_domains: [...profileSettings(store, account).attribution_domains],
    featured_tags: featuredOf(store, account.id).map((t) => featuredJson(store, account, t)),
  };
}

/** A route that servers older than `release` do not have (404 there), for a user's token with one of `scopes`. */
function route(release: string, scopes: readonly string[], handle: (req: FakeRequest, context: FakeContext) => FakeReply | Promise<FakeReply>) {
  return {
    auth: 'user' as const,
    handle: (req: FakeRequest, context: FakeContext) => {
      if (!releasedBy(context.version, release)) throw new FakeHttpError(404, 'Record not found');
      requireScope(req, ...scopes);
      return handle(req, context);
    },
  };
}

const SETTINGS = ['show_media', 'show_media_replies', 'show_featured'] as const;

/** The 4.6 profile, and the removal of profile images (4.2). */
export const profileV2Routes: FakeRoutes = {
  'GET /api/v1/profile': route('4.6.0', ['profile', 'read:accounts'], (req, { store }) => ({ json: profileJson(store, userOf(req).account) })),

  // What update_credentials changes, checked and applied as it does, then the profile's own settings.
  'PATCH /api/v1/profile': route('4.6.0', ['write:accounts'], async (req, context) => {
    const { account } = userOf(req);
    const domains = list(req.body, 'attribution_domains');
    if (domains.length > 10) throw new FakeHttpError(422, 'Validation failed: Attribution domains is too long (maximum is 10 domains)');
    if (domains.some((d) => !/^[a-z0-9.-]+\.[a-z]{2,}$/i.test(d))) throw new FakeHttpError(422, 'Validation failed: Attribution domains is invalid');
    const alt = ['avatar_description', 'header_description'].find((name) => (str(req.body, name) ?? '').length > 1500);
    if (alt) throw new FakeHttpError(422, `Validation failed: ${alt === 'avatar_description' ? 'Avatar' : 'Header'} description is too long (maximum is 1500 characters)`);
    await profileRoutes['PATCH /api/v1/accounts/update_credentials']!.handle(req, context);
    const settings = profileDisplaySettings(context.store, account.id);
    for (const name of SETTINGS) if (req.body[name] !== undefined) settings[name] = bool(req.body, name);
    if (req.body['attribution_domains'] !== undefined) profileSettings(context.store, account).attribution_domains = domains.map((d) => d.toLowerCase());
    return { json: profileJson(context.store, account) };
  }),

  'DELETE /api/v1/profile/avatar': route('4.2.0', ['write:accounts'], (req, { store, baseUrl }) => {
    const { account } = userOf(req);
    account.avatar = account.avatar_static = `${baseUrl}/avatars/original/missing.png`;
    account['avatar_description'] = '';
    return { json: credentialAccountJson(store, userOf(req)) };
  }),

  'DELETE /api/v1/profile/header': route('4.2.0', ['write:accounts'], (req, { store, baseUrl }) => {
    const { account } = userOf(req);
    account.header = account.header_static = `${baseUrl}/headers/original/missing.png`;
    account['header_description'] = '';
    return { json: credentialAccountJson(store, userOf(req)) };
  }),
};
