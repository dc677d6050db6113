const SECRET_KEYS = /^(access_token|token|client_secret|password|refresh_token|code|authorization)$/i;
const SECRET_QUERY = /([?&](?:access_token|token|client_secret|password|refresh_token|code)=)[^&#]*/gi;

/**
 * A copy safe to log: secrets (tokens, client secrets, passwords, OAuth codes) replaced by
 * `[redacted]`, in objects and in URLs' query strings.
 *
 * ## Example
 * ```ts
 * redact({ username: 'a@b.c', password: 'hunter2' })  // { username: 'a@b.c', password: '[redacted]' }
 * ```
 */
export function redact<T>(value: T): T {
  if (typeof value === 'string') return value.replace(SECRET_QUERY, '$1[redacted]') as T;
  if (typeof value !== 'object' || value === null || value instanceof Date) return value;
  if (Array.isArray(value)) return value.map((item: unknown) => redact(item)) as T;
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = SECRET_KEYS.test(key) ? '[redacted]' : redact(item);
  return copy as T;
}
