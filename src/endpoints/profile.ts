import { defer, type Observable } from 'rxjs';
import { concatMap } from 'rxjs/operators';
import { call } from '../client/call.js';
import type { MastodonClient } from '../client/client.js';
import type { CredentialAccount } from '../entities/account.js';
import type { Profile } from '../entities/profile.js';
import type { QuotePolicy } from '../entities/quote.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params, ParamValue } from '../http/params.js';
import type { MediaFile } from '../media/source.js';
import { uploadResult, uploadWithProgress } from '../media/upload.js';
import { oneOf, optionsOf, requiredString } from './common.js';
import { endpoint, json, row } from './define.js';
import { readOptions, withUnknownOptions } from './unknown-options.js';
import { fetchResult } from '../http/transport.js';

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
  /** Hide whom the user follows and who follows them (4.1.0+). */
  hide_collections?: boolean;
  /** Let anyone search the user's public posts (4.2.0+). */
  indexable?: boolean;
  /** Websites allowed to credit the user as their author, by domain (4.4.0+, at most 10). */
  attribution_domains?: readonly string[];
  /** Default visibility of new posts: `public`, `unlisted` or `private` (sent as `source[privacy]`). */
  default_privacy?: 'public' | 'unlisted' | 'private';
  /** Mark new posts sensitive by default (sent as `source[sensitive]`). */
  default_sensitive?: boolean;
  /** Default language of new posts, ISO 639 (sent as `source[language]`). */
  default_language?: string;
  /** Who may quote new posts by default (4.5.0+, sent as `source[quote_policy]`). */
  default_quote_policy?: QuotePolicy;
  /** Alt text of the avatar (4.6.1+). */
  avatar_description?: string;
  /** Alt text of the header image (4.6.1+). */
  header_description?: string;
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

const PRIVACIES = ['public', 'unlisted', 'private'] as const;
const QUOTE_POLICIES: readonly QuotePolicy[] = ['public', 'followers', 'nobody'];

/**
 * The profile update, as a form; `accountUpdateCredentials` sends it, or its route and fields
 * as a multipart body when there are images.
 */
export const accountUpdateCredentialsRow = /* @__PURE__ */ row('PATCH /api/v1/accounts/update_credentials', {
  created: '1.1.1', changed: '3.1.0', returns: json<CredentialAccount>, params: (fields: Params) => fields,
});

/**
 * Update the logged-in user's profile: names, bio, avatar and header images, flags and
 * fields. Images go up as a streamed multipart body, as with `mediaPost`. Emits the account.
 *
 * @example accountUpdateCredentials(client, { note: 'I walk funny', avatar: 'me.png', fields: [['bread', 'toasty.']] })
 */
export function accountUpdateCredentials(client: MastodonClient, options?: AccountUpdateCredentialsOptions): Observable<CredentialAccount> {
  return defer(() => {
    const reading = readOptions(options);
    const o = optionsOf(reading.options);
    const { avatar, avatar_mime_type, header, header_mime_type } = o;
    const fields = withUnknownOptions({
      display_name: o.display_name,
      note: o.note,
      locked: optionalBoolean('locked', o.locked),
      bot: optionalBoolean('bot', o.bot),
      discoverable: optionalBoolean('discoverable', o.discoverable),
      hide_collections: optionalBoolean('hide_collections', o.hide_collections),
      indexable: optionalBoolean('indexable', o.indexable),
      attribution_domains: stringList('attribution_domains', o.attribution_domains),
      fields_attributes: fieldsAttributes(o.fields),
      source: sourceParams(o),
      avatar_description: o.avatar_description,
      header_description: o.header_description,
    }, reading.unknown());
    if (avatar === undefined && header === undefined) return call(client, accountUpdateCredentialsRow, [fields]);
    const { method, path, created, changed } = accountUpdateCredentialsRow;
    const upload$ = uploadWithProgress<CredentialAccount>(client, {
      method, path, fields,
      files: {
        avatar: avatar === undefined ? undefined : { input: avatar, mime_type: avatar_mime_type, what: 'avatar' },
        header: header === undefined ? undefined : { input: header, mime_type: header_mime_type, what: 'header' },
      },
    }).pipe(uploadResult());
    return client.versionCheck(created, changed).pipe(concatMap(() => upload$));
  });
}

/** The posting defaults, as `source[...]`; `undefined` when none is given. */
function sourceParams(o: Partial<AccountUpdateCredentialsOptions>): Params | undefined {
  const source = {
    privacy: o.default_privacy === undefined ? undefined : oneOf('default_privacy', o.default_privacy, PRIVACIES),
    sensitive: optionalBoolean('default_sensitive', o.default_sensitive),
    language: o.default_language,
    quote_policy: o.default_quote_policy === undefined ? undefined : oneOf('default_quote_policy', o.default_quote_policy, QUOTE_POLICIES),
  };
  return Object.values(source).some((value) => value !== undefined) ? source : undefined;
}

function optionalBoolean(name: string, value: unknown): boolean | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'boolean') throw new MastodonIllegalArgumentError(`${name} must be a boolean`);
  return value;
}

function stringList(name: string, value: unknown): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) {
    throw new MastodonIllegalArgumentError(`${name} must be a list of strings`);
  }
  return [...value as string[]];
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
      ? fetchResult<Profile>(client, { method, path, params: fields })
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
