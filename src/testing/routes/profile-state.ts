import type { FakeAccount, FakeStore, FakeUser } from '../store.js';
import { credentialRoleJson, DEFAULT_LOCALE, fakeAdmin } from './admin-state.js';
import { social } from './social.js';

/** What a user typed into their profile and chose for posting, beside what their account shows. */
export interface FakeProfileSettings {
  /** The note as typed; the account shows it as HTML. */
  note: string;
  /** The profile fields as typed. */
  fields: { name: string; value: string }[];
  /** The default visibility of new statuses. */
  privacy: string;
  /** Whether new statuses are sensitive by default. */
  sensitive: boolean;
  /** The default language of new statuses, if the user chose one. */
  language: string | null;
  /** Who may quote new statuses by default (4.5). */
  quote_policy: string;
  /** Websites allowed to credit the user as their author, by domain (4.4). */
  attribution_domains: string[];
}

/** The text of an account's HTML (a note, a field value), as its user typed it. */
function typed(html: string): string {
  return html.replace(/<br\s*\/?>/g, '\n').replace(/<\/p><p>/g, '\n\n').replace(/<[^>]+>/g, '')
    .replace(/&#(\d+);/g, (_m, code: string) => String.fromCharCode(Number(code)))
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

/**
 * The profile and posting settings of an account, made on first use from what the account
 * shows.
 * @example profileSettings(server.store, account).language = 'de';
 */
export function profileSettings(store: FakeStore, account: FakeAccount): FakeProfileSettings {
  const all = store.extension('profile-settings', () => new Map<string, FakeProfileSettings>());
  let settings = all.get(account.id);
  if (!settings) {
    settings = {
      note: typed(account.note), fields: account.fields.map(({ name, value }) => ({ name, value: typed(value) })),
      privacy: 'public', sensitive: false, language: null, quote_policy: 'public', attribution_domains: [],
    };
    all.set(account.id, settings);
  }
  return settings;
}

/** The language new statuses of an account get when none is given: its chosen one, else its interface language. */
export function postingLanguage(store: FakeStore, account: FakeAccount): string {
  return profileSettings(store, account).language ?? fakeAdmin(store).of(account.id).locale ?? DEFAULT_LOCALE;
}

/**
 * A user's own account as `verify_credentials` and `update_credentials` answer: the account,
 * its `source` (the profile as typed, the posting defaults) and the user's `role`.
 */
export function credentialAccountJson(store: FakeStore, user: FakeUser): Record<string, unknown> {
  const { account } = user;
  const settings = profileSettings(store, account);
  return {
    ...account,
    source: {
      privacy: settings.privacy, sensitive: settings.sensitive, language: settings.language, note: settings.note,
      fields: settings.fields.map(({ name, value }) => ({ name, value, verified_at: null })),
      follow_requests_count: social(store).requests.get(account.id)?.size ?? 0,
      quote_policy: settings.quote_policy, attribution_domains: [...settings.attribution_domains],
      hide_collections: account['hide_collections'] ?? false, indexable: account['indexable'] ?? false,
    },
    role: credentialRoleJson(fakeAdmin(store).of(account.id).role),
  };
}
