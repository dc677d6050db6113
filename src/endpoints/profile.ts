import { concatMap, defer, type Observable } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import type { CredentialAccount } from '../entities/account.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Params, ParamValue } from '../http/params.js';
import type { MediaFile } from '../media/source.js';
import { uploadResult, uploadWithProgress } from '../media/upload.js';
import { optionsOf } from './common.js';

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
