import { escapeHtml } from '../store.js';
import type { ParsedValue } from '../params.js';
import { uploadedFiles } from './media.js';
import { credentialAccountJson, profileSettings } from './profile-state.js';
import { countableLength, fakeLimits } from '../limits.js';
import { bool, FakeHttpError, list, str, userOf, type FakeRoutes } from './types.js';

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

const PRIVACIES = ['public', 'unlisted', 'private', 'direct'];
const QUOTE_POLICIES = ['public', 'followers', 'nobody'];

/** The first `count` characters of a text. */
function cut(text: string, count: number): string {
  return [...text].slice(0, count).join('');
}

/** `source[privacy]`, `[sensitive]`, `[language]` and `[quote_policy]`: the posting defaults a user may change. */
function sourceOf(value: ParsedValue | undefined): { privacy?: string; sensitive?: boolean; language?: string; quote_policy?: string } {
  if (typeof value !== 'object' || Array.isArray(value)) return {};
  const text = (name: string): string | undefined => (typeof value[name] === 'string' ? value[name] : undefined);
  const sensitive = text('sensitive');
  return {
    ...(text('privacy') !== undefined ? { privacy: text('privacy') } : {}),
    ...(sensitive !== undefined ? { sensitive: bool({ sensitive }, 'sensitive') } : {}),
    ...(text('language') !== undefined ? { language: text('language') } : {}),
    ...(text('quote_policy') !== undefined ? { quote_policy: text('quote_policy') } : {}),
  };
}

/** The logged-in user's profile. */
export const profileRoutes: FakeRoutes = {
  'PATCH /api/v1/accounts/update_credentials': {
    auth: 'user',
    handle: async (req, { store, baseUrl }) => {
      const { account } = userOf(req);
      const limits = fakeLimits(store).accounts;
      const displayName = str(req.body, 'display_name');
      const note = str(req.body, 'note');
      // As Mastodon: fields without a name are dropped, names and values cut to their limits.
      const fields = fieldsOf(req.body['fields_attributes'])?.filter((f) => f.name.trim() !== '')
        .map((f) => ({ name: cut(f.name.trim(), limits.profile_field_name_limit), value: cut(f.value.trim(), limits.profile_field_value_limit) }));
      const problems: string[] = [];
      if (displayName !== undefined && [...displayName.trim()].length > limits.max_display_name_length) {
        problems.push(`Display name is too long (maximum is ${limits.max_display_name_length} characters)`);
      }
      if (note !== undefined && countableLength(note.trim(), fakeLimits(store).statuses.characters_reserved_per_url, limits.max_note_length) > limits.max_note_length) {
        problems.push(`Note character limit of ${limits.max_note_length} exceeded`);
      }
      if (fields && fields.length > limits.max_profile_fields) problems.push(`Fields is too long (maximum is ${limits.max_profile_fields} characters)`);
      if (problems.length > 0) throw new FakeHttpError(422, `Validation failed: ${problems.join(', ')}`);
      const files = await uploadedFiles(req);
      for (const [name, file] of files) {
        if ((name === 'avatar' || name === 'header') && !IMAGE_TYPES.has(file.mimeType)) {
          throw new FakeHttpError(422, `Validation failed: ${name === 'avatar' ? 'Avatar' : 'Header'} content type is invalid`);
        }
      }
      const source = sourceOf(req.body['source']);
      if (source.privacy !== undefined && !PRIVACIES.includes(source.privacy)) {
        throw new FakeHttpError(422, 'Validation failed: Setting default privacy is not included in the list');
      }
      if (source.quote_policy !== undefined && !QUOTE_POLICIES.includes(source.quote_policy)) {
        throw new FakeHttpError(422, 'Validation failed: Setting default quote policy is not included in the list');
      }
      const domains = req.body['attribution_domains'] === undefined ? undefined : list(req.body, 'attribution_domains');
      if (domains && domains.length > 10) throw new FakeHttpError(422, 'Validation failed: Attribution domains too many domains (maximum is 10)');
      const settings = profileSettings(store, account);
      if (displayName !== undefined) account.display_name = displayName;
      if (note !== undefined) {
        account.note = note === '' ? '' : `<p>${escapeHtml(note)}</p>`;
        settings.note = note;
      }
      if (source.privacy !== undefined) settings.privacy = source.privacy;
      if (source.sensitive !== undefined) settings.sensitive = source.sensitive;
      if (source.language !== undefined) settings.language = source.language === '' ? null : source.language;
      if (source.quote_policy !== undefined) settings.quote_policy = source.quote_policy;
      if (domains) settings.attribution_domains = domains;
      for (const flag of ['locked', 'bot', 'discoverable', 'hide_collections', 'indexable'] as const) {
        if (req.body[flag] !== undefined) account[flag] = bool(req.body, flag);
      }
      for (const text of ['avatar_description', 'header_description'] as const) {
        const given = str(req.body, text);
        if (given !== undefined) account[text] = given;
      }
      if (fields) {
        account.fields = fields.map((f) => ({ name: f.name, value: escapeHtml(f.value), verified_at: null }));
        settings.fields = fields;
      }
      for (const kind of ['avatar', 'header'] as const) {
        const file = files.get(kind);
        if (!file) continue;
        const url = `${baseUrl}/system/accounts/${kind}s/${account.id}/original/${encodeURIComponent(file.fileName)}`;
        account[kind] = url;
        account[`${kind}_static`] = url;
      }
      return { json: credentialAccountJson(store, userOf(req)) };
    },
  },
};
