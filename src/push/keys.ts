import { MastodonIllegalArgumentError } from '../errors.js';
import { base64url } from './base64.js';

/** The private half of a push subscription's keys: keep it; it decrypts the pushes. */
export interface PushPrivateKeys {
  /** The P-256 private key, 32 bytes, URL-safe base64. */
  readonly privkey: string;
  /** The 16-byte shared auth secret, URL-safe base64. */
  readonly auth: string;
}

/** The public half, for `pushSubscriptionSet`. */
export interface PushPublicKeys {
  /** The P-256 public key as an uncompressed point (65 bytes), URL-safe base64 (or bytes). */
  readonly pubkey: string | Uint8Array | ArrayBuffer;
  /** The 16-byte shared auth secret, URL-safe base64 (or bytes). */
  readonly auth: string | Uint8Array | ArrayBuffer;
}

type NodeCrypto = typeof import('node:crypto');

/** node:crypto, which push cryptography needs; an argument error elsewhere. */
export function nodeCrypto(): NodeCrypto {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const crypto = proc?.getBuiltinModule?.('node:crypto') as NodeCrypto | undefined;
  if (!crypto) throw new MastodonIllegalArgumentError('Web Push cryptography needs Node.js (node:crypto)');
  return crypto;
}

/**
 * A new key pair and auth secret for a push subscription: `[priv, pub]`. Give `pub` to
 * `pushSubscriptionSet`, keep `priv` to decrypt pushes with `pushSubscriptionDecryptPush`.
 *
 * ## Example
 * ```ts
 * const [priv, pub] = generatePushKeys();
 * api.pushSubscriptionSet('https://example.com/push', pub, { mention_events: true })
 * ```
 */
export function generatePushKeys(): [priv: PushPrivateKeys, pub: { pubkey: string; auth: string }] {
  const crypto = nodeCrypto();
  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  const auth = base64url(crypto.randomBytes(16));
  return [
    { privkey: base64url(leftPadded(ecdh.getPrivateKey(), 32)), auth },
    { pubkey: base64url(ecdh.getPublicKey(null, 'uncompressed')), auth },
  ];
}

/** `bytes` widened to `length` with leading zeros: node:crypto drops them from a private key (one key in 256). */
function leftPadded(bytes: Uint8Array, length: number): Uint8Array {
  if (bytes.length >= length) return bytes;
  const padded = new Uint8Array(length);
  padded.set(bytes, length - bytes.length);
  return padded;
}
