import { decryptPush, type DecryptPushOptions, type PushNotification } from '../push/decrypt.js';
import { generatePushKeys, type PushPrivateKeys } from '../push/keys.js';

// Push cryptography: pure, no request, so these return values (and throw typed errors).

/**
 * A new P-256 key pair and 16-byte auth secret, base64url: `[priv, pub]`. Node.js only.
 * @example const [priv, pub] = pushSubscriptionGenerateKeys();
 */
export function pushSubscriptionGenerateKeys(): [priv: PushPrivateKeys, pub: { pubkey: string; auth: string }] {
  return generatePushKeys();
}

/**
 * Decrypt a push (`aesgcm` with its `Encryption` and `Crypto-Key` headers, or `aes128gcm`)
 * into the notification object. Node.js only.
 * @example const n = pushSubscriptionDecryptPush(body, priv, headers['encryption'], headers['crypto-key']);
 */
export function pushSubscriptionDecryptPush(data: Uint8Array | ArrayBuffer, decrypt_params: PushPrivateKeys,
  encryption_header?: string | null, crypto_key_header?: string | null, options?: DecryptPushOptions): PushNotification {
  return decryptPush(data, decrypt_params, encryption_header, crypto_key_header, options);
}
