import { defer, from, type Observable } from 'rxjs';
import { map } from 'rxjs/operators';
import { MastodonError, MastodonIllegalArgumentError } from '../errors.js';
import { optionsOf } from './common.js';
import { isCodeVerifier } from './oauth-params.js';

/** A PKCE pair (RFC 7636): the challenge goes to `authRequestUrl`, the verifier, kept secret until then, to `logIn`. */
export interface PkcePair {
  /** 43 to 128 characters of `[A-Za-z0-9-._~]`: `logIn`'s `code_verifier`. */
  code_verifier: string;
  /** The base64url SHA-256 of the verifier: `authRequestUrl`'s `code_challenge`. */
  code_challenge: string;
  /** Always `S256`, the one method Mastodon takes. */
  code_challenge_method: 'S256';
}

/** Options of `makePkcePair`. */
export interface MakePkcePairOptions {
  /** A verifier of your own (43 to 128 characters of `[A-Za-z0-9-._~]`). Default: 32 random bytes, base64url. */
  code_verifier?: string;
}

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Makes a PKCE verifier and its S256 challenge, for the authorization-code flow of apps that
 * cannot keep a client secret (browser and mobile apps): pass the challenge to
 * `authRequestUrl({ code_challenge })` and keep the verifier for `logIn({ code, code_verifier })`.
 * Web Crypto does the work, in Node.js and in browsers (which offer it to secure pages only:
 * `https:` or `localhost`); as hashing there is asynchronous, this is a cold Observable: each
 * subscription makes a new random verifier and emits one pair. No request is made.
 *
 * ## Example
 * ```ts
 * makePkcePair().subscribe(({ code_verifier, code_challenge }) => {
 *   sessionStorage.setItem('pkce', code_verifier);
 *   window.location.href = authRequestUrl(client, { redirect_uris: 'https://app.example/cb', code_challenge });
 * });
 * ```
 */
export function makePkcePair(options?: MakePkcePairOptions): Observable<PkcePair> {
  return defer(() => {
    const given = optionsOf(options).code_verifier;
    if (given !== undefined && !isCodeVerifier(given)) {
      throw new MastodonIllegalArgumentError('code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, "-", ".", "_" and "~"');
    }
    const crypto = globalThis.crypto;
    if (crypto?.subtle === undefined) throw new MastodonError('Web Crypto is not available here (browsers offer it to https: and localhost pages only)');
    const code_verifier = given ?? base64url(crypto.getRandomValues(new Uint8Array(32)));
    return from(crypto.subtle.digest('SHA-256', new TextEncoder().encode(code_verifier))).pipe(
      map((digest): PkcePair => ({ code_verifier, code_challenge: base64url(new Uint8Array(digest)), code_challenge_method: 'S256' })),
    );
  });
}
