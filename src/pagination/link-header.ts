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
  if (!header) return [];
  const links: Link[] = [];
  let i = 0;
  while (i < header.length) {
    const open = header.indexOf('<', i);
    if (open < 0) break;
    const close = header.indexOf('>', open + 1);
    if (close < 0) break;
    const url = header.slice(open + 1, close).trim();
    const next = header.indexOf('<', close + 1);
    const params = header.slice(close + 1, next < 0 ? header.length : next);
    const rels = relsOf(params);
    if (url) links.push({ url, rels });
    i = next < 0 ? header.length : next;
  }
  return links;
}

function relsOf(params: string): string[] {
  const match = /(?:^|[;,\s])rel\s*=\s*(?:"([^"]*)"|([^\s;,"]+))/i.exec(params);
  const value = match?.[1] ?? match?.[2] ?? '';
  return value.split(/\s+/).filter(Boolean).map((rel) => rel.toLowerCase());
}

/** The target of the first link with relation `rel`. */
export function linkFor(links: readonly Link[], rel: string): string | undefined {
  return links.find((link) => link.rels.includes(rel))?.url;
}
