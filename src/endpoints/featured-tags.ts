import { endpoint, json, nothing } from './define.js';
import { requiredString } from './common.js';
import type { FeaturedTag, Tag } from '../entities/tag.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { idOf, type IdLike } from '../ids.js';
import { fillPath } from '../http/fill-path.js';

// Hashtags featured on profiles.

/**
 * The hashtags the logged-in user features on their profile.
 * @example featuredTags(client).subscribe((tags) => console.log(tags.map((t) => t.name)))
 */
export const featuredTags = /* @__PURE__ */ endpoint('GET /api/v1/featured_tags', {
  created: '3.0.0', changed: '3.0.0', returns: json<FeaturedTag[]>,
});

/**
 * The logged-in user's most used hashtags, as candidates to feature.
 * @example featuredTagSuggestions(client).subscribe((tags) => console.log(tags.map((t) => t.name)))
 */
export const featuredTagSuggestions = /* @__PURE__ */ endpoint('GET /api/v1/featured_tags/suggestions', {
  created: '3.0.0', changed: '3.0.0', returns: json<Tag[]>,
});

/**
 * Feature a hashtag on the logged-in user's profile (with or without its `#`).
 * @example featuredTagCreate(client, 'caturday').subscribe((tag) => console.log(tag.id))
 */
export const featuredTagCreate = /* @__PURE__ */ endpoint('POST /api/v1/featured_tags', {
  created: '3.0.0', changed: '3.0.0', returns: json<FeaturedTag>,
  params: (name: string) => {
    if (requiredString('name', name).trim() === '') throw new MastodonIllegalArgumentError('name must not be empty');
    return { name };
  },
});

/**
 * Stop featuring a hashtag.
 * @example featuredTagDelete(client, featured).subscribe()
 */
export const featuredTagDelete = /* @__PURE__ */ endpoint('DELETE /api/v1/featured_tags/{id}', {
  fillPath, created: '3.0.0', changed: '3.0.0', returns: nothing,
  params: (id: IdLike) => ({ id: idOf(id) }),
});

/**
 * The hashtags an account features on its profile.
 * @example accountFeaturedTags(client, account).subscribe((tags) => console.log(tags.map((t) => t.name)))
 */
export const accountFeaturedTags = /* @__PURE__ */ endpoint('GET /api/v1/accounts/{id}/featured_tags', {
  fillPath, created: '3.3.0', changed: '3.3.0', returns: json<FeaturedTag[]>,
  params: (id: IdLike) => ({ id: idOf(id) }),
});
