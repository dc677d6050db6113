/** What the composite OAuth scopes stand for (Mastodon.py's table). */
const COMPOSITE_SCOPES: Readonly<Record<string, readonly string[]>> = {
  read: ['read:accounts', 'read:blocks', 'read:favourites', 'read:filters', 'read:follows', 'read:lists',
    'read:mutes', 'read:notifications', 'read:search', 'read:statuses', 'read:bookmarks'],
  write: ['write:accounts', 'write:blocks', 'write:favourites', 'write:filters', 'write:follows',
    'write:lists', 'write:media', 'write:mutes', 'write:notifications', 'write:reports',
    'write:statuses', 'write:bookmarks', 'write:conversations'],
  follow: ['read:blocks', 'read:follows', 'read:mutes', 'write:blocks', 'write:follows', 'write:mutes'],
  'admin:read': ['admin:read:accounts', 'admin:read:reports', 'admin:read:domain_allows',
    'admin:read:domain_blocks', 'admin:read:ip_blocks', 'admin:read:email_domain_blocks',
    'admin:read:canonical_email_blocks'],
  'admin:write': ['admin:write:accounts', 'admin:write:reports', 'admin:write:domain_allows',
    'admin:write:domain_blocks', 'admin:write:ip_blocks', 'admin:write:email_domain_blocks',
    'admin:write:canonical_email_blocks'],
};

/** A set of scopes with every composite scope expanded into the scopes it stands for. */
export function expandScopes(scopes: Iterable<string>): Set<string> {
  const expanded = new Set<string>();
  for (const scope of scopes) {
    expanded.add(scope);
    for (const part of COMPOSITE_SCOPES[scope] ?? []) expanded.add(part);
  }
  return expanded;
}

/**
 * The requested scopes that the granted ones do not cover, composites expanded on both sides.
 *
 * ## Example
 * ```ts
 * missingScopes(['read', 'write:statuses'], ['read'])  // ['write:statuses']
 * ```
 */
export function missingScopes(requested: Iterable<string>, granted: Iterable<string>): string[] {
  const have = expandScopes(granted);
  return [...expandScopes(requested)].filter((scope) => !have.has(scope));
}
