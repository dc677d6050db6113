import { MastodonIllegalArgumentError, MastodonMalformedEventError } from '../errors.js';
import { reviveEntities } from '../entities/revive.js';
import { keyBytes } from './base64.js';
import { nodeCrypto, type PushPrivateKeys } from './keys.js';

/** A decrypted push, as Mastodon sends it. */
export interface PushNotification {
  /** A token that acts as the notified user. */
  access_token: string;
  /** The notification's id (a string, as all ids), for `notification(id)`. */
  notification_id: string;
  notification_type: string;
  preferred_locale: string;
  title: string;
  body: string;
  /** URL of an icon (the other account's avatar). */
  icon: string;
  [field: string]: unknown;
}

/** Options of {@link decryptPush}. */
export interface DecryptPushOptions {
  /**
   * The push's `Content-Encoding`: `aesgcm` (what Mastodon sends, with `Encryption` and
   * `Crypto-Key` headers) or `aes128gcm` (salt and key inside the body). Default: `aesgcm`
   * when an `Encryption` header is given, else `aes128gcm`.
   */
  content_encoding?: 'aesgcm' | 'aes128gcm';
}

type HttpEce = typeof import('http_ece');

function httpEce(): HttpEce {
  const module = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process
    ?.getBuiltinModule?.('node:module') as typeof import('node:module') | undefined;
  if (!module) throw new MastodonIllegalArgumentError('Web Push decryption needs Node.js');
  return module.createRequire(import.meta.url)('http_ece') as HttpEce;
}

/**
 * The `name=value` parameters of an `Encryption` or `Crypto-Key` header (several entries
 * separated by `,`, parameters by `;`, values possibly quoted); the first value of each name wins.
 */
export function headerParams(header: string): Map<string, string> {
  const params = new Map<string, string>();
  for (const part of header.split(/[,;]/)) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim().toLowerCase();
    const value = part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (name && !params.has(name)) params.set(name, value);
  }
  return params;
}

/** Integer ids become strings before parsing, so snowflakes keep every digit. */
function parseNotification(text: string): PushNotification {
  let value: unknown;
  try {
    value = JSON.parse(text.replace(/("(?:\w+_)?id"\s*:\s*)(-?\d+)(?=\s*[,}])/g, '$1"$2"'));
  } catch (cause) {
    throw new MastodonMalformedEventError('The decrypted push is not JSON', { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MastodonMalformedEventError('The decrypted push is not a JSON object');
  }
  return reviveEntities(value) as PushNotification;
}

/**
 * Decrypts a Web Push that Mastodon sent to a subscription made with `generatePushKeys`:
 * `data` is the request body, the headers those of the push request. Malformed headers or
 * keys are a `MastodonIllegalArgumentError`; a payload that does not decrypt with these keys
 * (tampered, or meant for other keys) or is not JSON is a `MastodonMalformedEventError`.
 *
 * ## Example
 * ```ts
 * const push = decryptPush(body, priv, req.headers['encryption'], req.headers['crypto-key']);
 * console.log(push.title, push.notification_id);
 * ```
 */
export function decryptPush(data: Uint8Array | ArrayBuffer, decrypt_params: PushPrivateKeys,
  encryption_header?: string | null, crypto_key_header?: string | null, options: DecryptPushOptions = {}): PushNotification {
  const crypto = nodeCrypto();
  if (!(data instanceof Uint8Array) && !(data instanceof ArrayBuffer)) {
    throw new MastodonIllegalArgumentError('data must be the bytes of the push body');
  }
  const body = Buffer.from(data instanceof ArrayBuffer ? new Uint8Array(data) : data);
  const privateKey = keyBytes(decrypt_params?.privkey, 'decrypt_params.privkey', 32);
  const authSecret = Buffer.from(keyBytes(decrypt_params?.auth, 'decrypt_params.auth', 16));
  const ecdh = crypto.createECDH('prime256v1');
  try {
    ecdh.setPrivateKey(privateKey);
  } catch (cause) {
    throw new MastodonIllegalArgumentError('decrypt_params.privkey is not a P-256 private key', { cause });
  }
  const encoding = options.content_encoding ?? (encryption_header ? 'aesgcm' : 'aes128gcm');
  const params: Parameters<HttpEce['decrypt']>[1] = { version: encoding, privateKey: ecdh, authSecret };
  if (encoding === 'aesgcm') {
    if (!encryption_header || !crypto_key_header) {
      throw new MastodonIllegalArgumentError('aesgcm pushes need the Encryption and Crypto-Key headers');
    }
    const salt = headerParams(encryption_header).get('salt');
    const dh = headerParams(crypto_key_header).get('dh');
    if (salt === undefined) throw new MastodonIllegalArgumentError('The Encryption header has no salt');
    if (dh === undefined) throw new MastodonIllegalArgumentError('The Crypto-Key header has no dh key');
    params.salt = Buffer.from(keyBytes(salt, 'salt', 16));
    params.dh = Buffer.from(keyBytes(dh, 'dh', 65));
    const rs = headerParams(encryption_header).get('rs');
    if (rs !== undefined) params.rs = Number(rs);
  } else if (body.length < 21 + 65) {
    throw new MastodonMalformedEventError('The push is too short for aes128gcm');
  }
  let plain: Buffer;
  try {
    plain = httpEce().decrypt(body, params);
  } catch (cause) {
    throw new MastodonMalformedEventError(`The push could not be decrypted (${encoding}): ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
  return parseNotification(plain.toString('utf8'));
}
