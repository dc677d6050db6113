import { concatMap, defer, type Observable } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import type { CredentialAccount } from '../entities/account.js';
import type { Profile } from '../entities/profile.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params, ParamValue } from '../http/params.js';
import type { MediaFile } from '../media/source.js';
import { uploadResult, uploadWithProgress } from '../media/upload.js';
import { optionsOf, requiredString } from './common.js';
import { endpoint, json, row } from './define.js';

/** A profile field: `[name, value]`, or `{ name, value }`. */
export type ProfileField = readonly [name: string, value: string] | { readonly name: string; readonly value: string };

/** Options of `accountUpdateCredentials`, as Mastodon.py names them. Left out means unchanged. */
export interface AccountUpdateCredentialsOptions {
  display_name?: string;
  /** The bio. */
  note?: string;
  /** An image, in any form `mediaPost` takes (a path, bytes, a Blob, a stream). */
  avatar?: MediaFile;
  /** The avatar's mime type; detected from its bytes, then its name, when not given. */
  avatar_mime_type?: string;
  header?: MediaFile;
  header_mime_type?: string;
  /** Whether follow requests need approval. */
  locked?: boolean;
  bot?: boolean;
  /** Whether to appear in the profile directory. */
  discoverable?: boolean;
  /** Up to four name-value pairs shown on the profile; given, they replace the current ones. */
  fields?: readonly ProfileField[];
}

/** Options of `updateProfile`: the fields of `accountUpdateCredentials`, and those of the 4.6 profile. Left out means unchanged. */
export interface UpdateProfileOptions extends Pick<AccountUpdateCredentialsOptions,
  'display_name' | 'note' | 'avatar' | 'avatar_mime_type' | 'header' | 'header_mime_type' | 'locked' | 'bot' | 'discoverable' | 'fields'> {
  /** Alt text of the avatar. */
  avatar_description?: string;
  /** Alt text of the banner. */
  header_description?: string;
  /** Hide whom the user follows and who follows them. */
  hide_collections?: boolean;
  /** Let anyone find the user's public posts through search. */
  indexable?: boolean;
  /** Show a "Media" tab on the profile. */
  show_media?: boolean;
  /** Show replies with media in the "Media" tab. */
  show_media_replies?: boolean;
  /** Show a "Featured" tab on the profile. */
  show_featured?: boolean;
  /** Websites allowed to credit the user as their author, by domain. */
  attribution_domains?: readonly string[];
}

const PATH = '/api/v1/accounts/update_credentials';

/**
 * Update the logged-in user's profile: names, bio, avatar and header images, flags and
 * fields. Images go up as a streamed multipart body, as with `mediaPost`. Emits the account.
 *
 * @example accountUpdateCredentials(client, { note: 'I walk funny', avatar: 'me.png', fields: [['bread', 'toasty.']] })
 */
export function accountUpdateCredentials(client: MastodonClient, options?: AccountUpdateCredentialsOptions): Observable<CredentialAccount> {
  return defer(() => {
    const o = optionsOf(options);
    const fields: Params = {
      display_name: o.display_name,
      note: o.note,
      locked: o.locked,
      bot: o.bot,
      discoverable: o.discoverable,
      fields_attributes: fieldsAttributes(o.fields),
    };
    const send$ = o.avatar === undefined && o.header === undefined
      ? client.apiRequest<CredentialAccount>({ method: 'PATCH', path: PATH, params: fields })
      : uploadWithProgress<CredentialAccount>(client, {
        method: 'PATCH', path: PATH, fields,
        files: {
          avatar: o.avatar === undefined ? undefined : { input: o.avatar, mime_type: o.avatar_mime_type, what: 'avatar' },
          header: o.header === undefined ? undefined : { input: o.header, mime_type: o.header_mime_type, what: 'header' },
        },
      }).pipe(uploadResult());
    return client.versionCheck('1.1.1', '3.1.0').pipe(concatMap(() => send$));
  });
}

/** `fields` as Rails takes them: `fields_attributes[i][name]`, `fields_attributes[i][value]`. */
function fieldsAttributes(fields: readonly ProfileField[] | undefined): ParamValue {
  if (fields === undefined) return undefined;
  if (!Array.isArray(fields)) throw new MastodonIllegalArgumentError('fields must be a list of [name, value] pairs');
  if (fields.length > 4) throw new MastodonIllegalArgumentError('A maximum of four fields are allowed.');
  const attributes: Record<string, ParamValue> = {};
  fields.forEach((field: ProfileField, index) => {
    const [name, value] = Array.isArray(field) ? field : [(field as { name: unknown }).name, (field as { value: unknown }).value];
    if (typeof name !== 'string' || typeof value !== 'string') {
      throw new MastodonIllegalArgumentError(`fields[${index}] must be a [name, value] pair of strings`);
    }
    attributes[String(index)] = { name, value };
  });
  return attributes;
}

/**
 * The logged-in user's profile with the source of every editable field (the bio and fields as
 * written, not as HTML), its display settings and featured hashtags. Needs API level 8 (4.6).
 * @example profile(client).subscribe((p) => console.log(p.note, p.show_media, p.featured_tags.length))
 */
export const profile = /* @__PURE__ */ endpoint('GET /api/v1/profile', {
  created: '4.6.0', changed: '4.6.0', api_version: 8, returns: json<Profile>,
});

/** The profile update behind `updateProfile`. */
export const updateProfileRow = /* @__PURE__ */ row('PATCH /api/v1/profile', {
  created: '4.6.0', changed: '4.6.0', api_version: 8, returns: json<Profile>,
});

/**
 * Update the logged-in user's profile: what `accountUpdateCredentials` changes, and the
 * settings of the 4.6 profile (alt texts, tabs, discoverability, attribution domains). Images
 * go up as a streamed multipart body. Emits the {@link Profile}. Needs API level 8 (4.6).
 *
 * @example updateProfile(client, { note: 'I walk funny', show_media: false, attribution_domains: ['blog.example'] })
 */
export function updateProfile(client: MastodonClient, options?: UpdateProfileOptions): Observable<Profile> {
  return defer(() => {
    const o = optionsOf(options);
    const domains = o.attribution_domains;
    if (domains !== undefined && (!Array.isArray(domains) || domains.some((d) => typeof d !== 'string'))) {
      throw new MastodonIllegalArgumentError('attribution_domains must be a list of domains');
    }
    const text = (name: keyof UpdateProfileOptions): string | undefined => (o[name] === undefined ? undefined : requiredString(name, o[name]));
    const fields: Params = {
      display_name: text('display_name'), note: text('note'), avatar_description: text('avatar_description'), header_description: text('header_description'),
      locked: o.locked, bot: o.bot, discoverable: o.discoverable, hide_collections: o.hide_collections, indexable: o.indexable,
      show_media: o.show_media, show_media_replies: o.show_media_replies, show_featured: o.show_featured,
      attribution_domains: domains, fields_attributes: fieldsAttributes(o.fields),
    };
    const { method, path } = updateProfileRow;
    const send$ = o.avatar === undefined && o.header === undefined
      ? client.apiRequest<Profile>({ method, path, params: fields })
      : uploadWithProgress<Profile>(client, {
        method, path, fields,
        files: {
          avatar: o.avatar === undefined ? undefined : { input: o.avatar, mime_type: o.avatar_mime_type, what: 'avatar' },
          header: o.header === undefined ? undefined : { input: o.header, mime_type: o.header_mime_type, what: 'header' },
        },
      }).pipe(uploadResult());
    return client.versionCheck(updateProfileRow.created, updateProfileRow.changed, updateProfileRow.api_version).pipe(concatMap(() => send$));
  });
}

/**
 * Remove the logged-in user's avatar: the server's default image takes its place. Emits the account.
 * @example accountDeleteAvatar(client).subscribe((me) => console.log(me.avatar))
 */
export const accountDeleteAvatar = /* @__PURE__ */ endpoint('DELETE /api/v1/profile/avatar', {
  created: '4.2.0', changed: '4.2.0', returns: json<CredentialAccount>,
});

/**
 * Remove the logged-in user's banner image: the server's default takes its place. Emits the account.
 * @example accountDeleteHeader(client).subscribe((me) => console.log(me.header))
 */
export const accountDeleteHeader = /* @__PURE__ */ endpoint('DELETE /api/v1/profile/header', {
  created: '4.2.0', changed: '4.2.0', returns: json<CredentialAccount>,
});
