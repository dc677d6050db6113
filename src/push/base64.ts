import { MastodonIllegalArgumentError } from '../errors.js';

/**
 * Bytes from base64 in either alphabet (standard or URL-safe), padded or not. Works in
 * browsers as in Node.js.
 *
 * ## Example
 * ```ts
 * bytesFromBase64('aD8HXmoqFcPkajoUm6vTVQ', 'auth').length  // 16
 * ```
 */
export function bytesFromBase64(text: string, what: string): Uint8Array {
  const compact = text.trim().replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/_-]*$/.test(compact) || compact.length % 4 === 1) {
    throw new MastodonIllegalArgumentError(`${what} is not valid base64`);
  }
  const standard = compact.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

/** Bytes as standard base64 with padding. @example base64(new Uint8Array([251])) // '+w==' */
export function base64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Bytes as URL-safe base64 without padding. @example base64url(new Uint8Array([251])) // '-w' */
export function base64url(bytes: Uint8Array): string {
  return base64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Key material given as bytes or base64 text, as bytes of the expected length. */
export function keyBytes(value: unknown, what: string, length: number): Uint8Array {
  let bytes: Uint8Array;
  if (typeof value === 'string') bytes = bytesFromBase64(value, what);
  else if (value instanceof Uint8Array) bytes = value;
  else if (value instanceof ArrayBuffer) bytes = new Uint8Array(value);
  else throw new MastodonIllegalArgumentError(`${what} must be base64 text or bytes`);
  if (bytes.length !== length) throw new MastodonIllegalArgumentError(`${what} must be ${length} bytes, not ${bytes.length}`);
  return bytes;
}
