import { MastodonIllegalArgumentError } from '../errors.js';
import { wellFormedText, type Params } from './params.js';

/** What {@link fillPath} makes of a path and its parameters. */
export interface FilledPath {
  readonly path: string;
  /** The parameters no placeholder took. */
  readonly rest: Params;
}

/**
 * Fills `{name}` placeholders of a path from the parameters of the same name, URL-encoded
 * (`{name*}` may hold several segments), and returns the parameters that are left. An empty,
 * `.` or `..` segment is a `MastodonIllegalArgumentError`: it would walk the URL. A row whose
 * path has placeholders names it (`fillPath` beside its route), and so does a call written by
 * hand, so that the bundles of rows without placeholders do not hold it.
 *
 * ## Example
 * ```ts
 * fillPath('/api/v1/timelines/tag/{hashtag}', { hashtag: 'café', limit: 5 })
 * // { path: '/api/v1/timelines/tag/caf%C3%A9', rest: { limit: 5 } }
 * fillPath('/api/v1/timelines/{timeline*}', { timeline: 'tag/café' })
 * // { path: '/api/v1/timelines/tag/caf%C3%A9', rest: {} }
 * ```
 */
export function fillPath(path: string, params: Params): FilledPath {
  if (!path.includes('{')) return { path, rest: params };
  const rest: Record<string, Params[string]> = { ...params };
  const filled = path.replace(/\{(\w+)(\*?)\}/g, (_match, name: string, multiSegment: string) => {
    const value = rest[name];
    if (typeof value !== 'string' && !(typeof value === 'number' && Number.isFinite(value))) {
      throw new MastodonIllegalArgumentError(`Missing path parameter ${name}`);
    }
    delete rest[name];
    const text = wellFormedText(name, String(value));
    // encodeURIComponent leaves `.` alone, and a URL drops `.` and `..` segments (walking up a level):
    // such a segment, or an empty one, would send the request to another endpoint.
    const segments = multiSegment ? text.split('/') : [text];
    if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) {
      throw new MastodonIllegalArgumentError(`${name} is not a valid path${multiSegment ? '' : ' segment'}: ${JSON.stringify(text)}`);
    }
    return multiSegment ? segments.map(encodeURIComponent).join('/') : encodeURIComponent(text);
  });
  return { path: filled, rest };
}
