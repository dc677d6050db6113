/**
 * Names of values that are secrets: tokens, client secrets, passwords, OAuth codes, the
 * `Authorization` header, Web Push auth secrets. Matched against a key's last segment, so
 * `password`, `user[password]` and `subscription[keys][auth]` all count.
 */
const SECRET_NAME = /^(?:token|password|secret|code|authorization|auth|\w+_(?:token|secret|password))$/i;

/** `key=value` pairs of a query string or fragment (`?a=1&b=2`, `#access_token=…`). */
const URL_PAIR = /([?&#])([^=&#?]*)=([^&#]*)/g;

/** The last segment of a Rails-style key: `source[privacy]` → `privacy`, `ids[]` → `ids`. */
function lastSegment(key: string): string {
  const bare = key.replace(/(?:\[\])+$/, '');
  const open = bare.lastIndexOf('[');
  return open >= 0 && bare.endsWith(']') ? bare.slice(open + 1, -1) : bare;
}

function decoded(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/**
 * Whether a parameter or field of this name holds a secret.
 *
 * ## Example
 * ```ts
 * isSecretKey('x[password]')  // true
 * isSecretKey('limit')        // false
 * ```
 */
export function isSecretKey(key: string): boolean {
  return SECRET_NAME.test(lastSegment(key));
}

/**
 * A copy safe to log: secrets (tokens, client secrets, passwords, OAuth codes) replaced by
 * `[redacted]`, at any depth of objects and arrays (keys matched by their last segment, so a
 * nested form key `x[password]` counts) and in URLs' query strings and fragments
 * (`?access_token=`, `#access_token=`, `&code=`, percent-encoded keys too).
 *
 * ## Example
 * ```ts
 * redact({ username: 'a@b.c', password: 'hunter2' })  // { username: 'a@b.c', password: '[redacted]' }
 * redact('https://app.example/cb#access_token=abc&state=1')  // 'https://app.example/cb#access_token=[redacted]&state=1'
 * ```
 */
export function redact<T>(value: T): T {
  if (typeof value === 'string') {
    return value.replace(URL_PAIR, (pair, separator: string, key: string) => (isSecretKey(decoded(key)) ? `${separator}${key}=[redacted]` : pair)) as T;
  }
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map(redact) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = isSecretKey(key) ? '[redacted]' : redact(item);
  return copy as T;
}
