// The shapes RFC 7636 gives PKCE's two strings, checked before anything is sent.

/**
 * Whether a string can be a PKCE `code_verifier`: 43 to 128 characters of `[A-Za-z0-9-._~]`.
 * @example isCodeVerifier('x'.repeat(43))  // true
 */
export function isCodeVerifier(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9\-._~]{43,128}$/.test(value);
}

/**
 * Whether a string can be an S256 `code_challenge`: a SHA-256 digest in base64url without padding (43 characters).
 * @example isS256Challenge('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM')  // true
 */
export function isS256Challenge(value: unknown): value is string {
  return typeof value === 'string' && /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/.test(value);
}
