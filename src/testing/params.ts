/** Parameters as Rails reads them: `a[]` lists, `a[b]` objects, `a[0][b]` indexed objects. */
export type ParsedValue = string | ParsedValue[] | { [key: string]: ParsedValue };
export type ParsedParams = { [key: string]: ParsedValue };

/**
 * Parses `key=value` pairs the way Rails does: `k[]` collects a list, `k[sub]` nests.
 *
 * ## Example
 * ```ts
 * parsePairs([['types[]', 'follow'], ['poll[expires_in]', '300']])
 * // { types: ['follow'], poll: { expires_in: '300' } }
 * ```
 */
export function parsePairs(pairs: Iterable<[string, string]>): ParsedParams {
  const root: ParsedParams = {};
  for (const [rawKey, value] of pairs) {
    const match = /^([^[\]]+)((?:\[[^\]]*\])*)$/.exec(rawKey);
    if (!match) {
      root[rawKey] = value;
      continue;
    }
    const keys = [match[1]!, ...[...match[2]!.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]!)];
    let node: ParsedParams | ParsedValue[] = root;
    keys.forEach((key, index) => {
      const last = index === keys.length - 1;
      const nextIsList = keys[index + 1] === '';
      if (Array.isArray(node)) {
        if (last) node.push(value);
        return;
      }
      const container: { [key: string]: ParsedValue } = node;
      if (last) {
        container[key] = value;
        return;
      }
      const existing = container[key];
      if (nextIsList) {
        if (!Array.isArray(existing)) container[key] = [];
        node = container[key] as ParsedValue[];
      } else {
        if (typeof existing !== 'object' || Array.isArray(existing)) container[key] = {};
        node = container[key] as ParsedParams;
      }
    });
  }
  return root;
}

const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

/**
 * A JSON text with every number written as a string of its digits (`mark` before them), so
 * that parsing it keeps ids past 2^53 whole, as Rails keeps them: `{"id": 109440137501589086}`
 * becomes `{"id": "109440137501589086"}`.
 *
 * ## Example
 * ```ts
 * JSON.parse(quoteJsonNumbers('{"home": {"last_read_id": 109440137501589086}}'))
 * // { home: { last_read_id: '109440137501589086' } }
 * ```
 */
export function quoteJsonNumbers(text: string, mark = ''): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      let end = i + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (c === '-' || (c >= '0' && c <= '9')) {
      NUMBER.lastIndex = i;
      const literal = NUMBER.exec(text)?.[0] ?? c;
      out += `"${mark}${literal}"`;
      i += literal.length;
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}
