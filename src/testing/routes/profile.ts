import { escapeHtml, type FakeAccount, type FakeStore } from '../store.js';
import type { ParsedParams, ParsedValue } from '../params.js';
import { uploadedFiles } from './media.js';
import { bool, FakeHttpError, list, str, userOf, type FakeRoutes } from './types.js';

/** The posting defaults and private profile settings of a user, as `source` shows them. */
export interface FakeProfileSource {
  privacy: string;
  sensitive: boolean;
  language: string | null;
  quote_policy: string;
  attribution_domains: string[];
  /** The bio as typed. */
  note: string;
  /** The profile fields as typed. */
  fields: { name: string; value: string; verified_at: null }[];
}

/**
 * The `source` of a user of the fake server, made with Mastodon's defaults on first use.
 * @example profileSource(server.store, account.id).privacy = 'unlisted'
 */
export function profileSource(store: FakeStore, accountId: string): FakeProfileSource {
  const sources = store.extension('profile-sources', () => new Map<string, FakeProfileSource>());
  let source = sources.get(accountId);
  if (!source) {
    sources.set(accountId, source = {
      privacy: 'public', sensitive: false, language: null, quote_policy: 'public', attribution_domains: [], note: '', fields: [],
    });
  }
  return source;
}

/** The `source` of a credential account: the settings, the plain note and fields, the pending follow requests. */
export function sourceJson(store: FakeStore, account: FakeAccount, followRequests: number): Record<string, unknown> {
  return {
    ...profileSource(store, account.id), follow_requests_count: followRequests,
    hide_collections: account['hide_collections'] ?? false, indexable: account['indexable'] ?? false,
  };
}

const SOURCE_CHOICES: Readonly<Record<string, readonly string[]>> = {
  privacy: ['public', 'unlisted', 'private', 'direct'],
  quote_policy: ['public', 'followers', 'nobody'],
};

/** `source[...]` of an update, checked as Mastodon checks it, into `source`. */
function updateSource(target: FakeProfileSource, value: ParsedValue | undefined): void {
  if (value === undefined || typeof value === 'string' || Array.isArray(value)) return;
  const given = value as ParsedParams;
  for (const [name, allowed] of Object.entries(SOURCE_CHOICES)) {
    const chosen = given[name];
    if (typeof chosen !== 'string') continue;
    if (!allowed.includes(chosen)) throw new FakeHttpError(422, `Validation failed: ${name === 'privacy' ? 'Default privacy' : 'Default quote policy'} is not included in the list`);
    (target as unknown as Record<string, string>)[name] = chosen;
  }
  if (typeof given['sensitive'] === 'string') target.sensitive = bool(given, 'sensitive');
  if (typeof given['language'] === 'string') target.language = given['language'] === '' ? null : given['language'];
}

const IMAGE_TYPES = new Set(['image/jpeg', 'image/png', 'image/gif', 'image/webp']);

/** `fields_attributes` as Rails reads it: `{ "0": { name, value } }` or a list. */
function fieldsOf(value: ParsedValue | undefined): { name: string; value: string }[] | undefined {
  if (value === undefined || typeof value === 'string') return undefined;
  const items = Array.isArray(value) ? value : Object.keys(value).sort((a, b) => Number(a) - Number(b)).map((k) => value[k]!);
  return items.map((item) => {
    const entry = typeof item === 'object' && !Array.isArray(item) ? item : {};
    return { name: typeof entry['name'] === 'string' ? entry['name'] : '', value: typeof entry['value'] === 'string' ? entry['value'] : '' };
  });
}

/** The logged-in user's profile. */
export const profileRoutes: FakeRoutes = {
  'PATCH /api/v1/accounts/update_credentials': {
    auth: 'user',
    handle: async (req, { baseUrl, store }) => {
      const { account } = userOf(req);
      const displayName = str(req.body, 'display_name');
      if (displayName !== undefined && displayName.length > 30) {
        throw new FakeHttpError(422, 'Validation failed: Display name is too long (maximum is 30 characters)');
      }
      const fields = fieldsOf(req.body['fields_attributes']);
      if (fields && fields.length > 4) throw new FakeHttpError(422, 'Validation failed: Fields is too long');
      const files = await uploadedFiles(req);
      for (const [name, file] of files) {
        if ((name === 'avatar' || name === 'header') && !IMAGE_TYPES.has(file.mimeType)) {
          throw new FakeHttpError(422, `Validation failed: ${name === 'avatar' ? 'Avatar' : 'Header'} content type is invalid`);
        }
      }
      const domains = req.body['attribution_domains'] === undefined ? undefined : list(req.body, 'attribution_domains');
      if (domains && domains.length > 10) throw new FakeHttpError(422, 'Validation failed: Attribution domains too many domains (maximum is 10)');
      const source = profileSource(store, account.id);
      updateSource(source, req.body['source']);
      if (domains) source.attribution_domains = domains;
      const note = str(req.body, 'note');
      if (displayName !== undefined) account.display_name = displayName;
      if (note !== undefined) {
        account.note = `<p>${escapeHtml(note)}</p>`;
        source.note = note;
      }
      for (const flag of ['locked', 'bot', 'discoverable', 'hide_collections', 'indexable'] as const) {
        if (req.body[flag] !== undefined) account[flag] = bool(req.body, flag);
      }
      for (const text of ['avatar_description', 'header_description'] as const) {
        const given = str(req.body, text);
        if (given !== undefined) account[text] = given;
      }
      if (fields) {
        account.fields = fields.map((f) => ({ name: f.name, value: escapeHtml(f.value), verified_at: null }));
        source.fields = fields.map((f) => ({ ...f, verified_at: null }));
      }
      for (const kind of ['avatar', 'header'] as const) {
        const file = files.get(kind);
        if (!file) continue;
        const url = `${baseUrl}/system/accounts/${kind}s/${account.id}/original/${encodeURIComponent(file.fileName)}`;
        account[kind] = url;
        account[`${kind}_static`] = url;
      }
      return { json: { ...account, source: sourceJson(store, account, 0) } };
    },
  },
};
