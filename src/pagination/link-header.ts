/** One link of a `Link` header: its target and its relation types. */
export interface Link {
  readonly url: string;
  readonly rels: readonly string[];
}

/**
 * Parses an RFC 8288 `Link` header tolerantly: any order of parameters, `rel` quoted or not,
 * several relation types in one `rel`, stray `;` and `,`, and commas inside `<...>`.
 * Malformed parts are skipped; nothing throws.
 *
 * ## Example
 * ```ts
 * parseLinkHeader('<https://m.example/api/v1/timelines/home?max_id=7>; rel="next"')
 * // [{ url: 'https://m.example/api/v1/timelines/home?max_id=7', rels: ['next'] }]
 * ```
 */
export function parseLinkHeader(header: string | undefined): Link[] {
  const links: Link[] = [];
  // A link is `<` to the first `>` after it, and its parameters run to the next `<`.
  for (const [, target, params] of (header ?? '').matchAll(/<([^>]*)>([^<]*)/g)) {
    const url = target!.trim();
    if (url) links.push({ url, rels: relsOf(params!) });
  }
  return links;
}

function relsOf(params: string): string[] {
  const match = /(?:^|[;,\s])rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))/i.exec(params);
  const value = match?.[1] ?? match?.[2] ?? '';
  return value.toLowerCase().split(/\s+/).filter(Boolean);
}

/** The target of the first link with relation `rel`. */
export function linkFor(links: readonly Link[], rel: string): string | undefined {
  return links.find((link) => link.rels.includes(rel))?.url;
}
