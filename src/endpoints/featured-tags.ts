import { endpoint, json, nothing } from './define.js';
import { requiredString } from './common.js';
import type { FeaturedTag, Tag } from '../entities/tag.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import { idOf, type IdLike } from '../ids.js';

/** Hashtags featured on profiles. */
export const featuredTags = {
  /**
   * The hashtags the logged-in user features on their profile.
   * @example api.featuredTags().subscribe((tags) => console.log(tags.map((t) => t.name)))
   */
  featuredTags: endpoint('GET /api/v1/featured_tags', {
    created: '3.0.0', changed: '3.0.0', returns: json<FeaturedTag[]>(),
  }),

  /**
   * The logged-in user's most used hashtags, as candidates to feature.
   * @example api.featuredTagSuggestions().subscribe((tags) => console.log(tags.map((t) => t.name)))
   */
  featuredTagSuggestions: endpoint('GET /api/v1/featured_tags/suggestions', {
    created: '3.0.0', changed: '3.0.0', returns: json<Tag[]>(),
  }),

  /**
   * Feature a hashtag on the logged-in user's profile (with or without its `#`).
   * @example api.featuredTagCreate('caturday').subscribe((tag) => console.log(tag.id))
   */
  featuredTagCreate: endpoint('POST /api/v1/featured_tags', {
    created: '3.0.0', changed: '3.0.0', returns: json<FeaturedTag>(),
    params: (name: string) => {
      if (requiredString('name', name).trim() === '') throw new MastodonIllegalArgumentError('name must not be empty');
      return { name };
    },
  }),

  /**
   * Stop featuring a hashtag.
   * @example api.featuredTagDelete(featured).subscribe()
   */
  featuredTagDelete: endpoint('DELETE /api/v1/featured_tags/{id}', {
    created: '3.0.0', changed: '3.0.0', returns: nothing(),
    params: (id: IdLike) => ({ id: idOf(id) }),
  }),

  /**
   * The hashtags an account features on its profile.
   * @example api.accountFeaturedTags(account).subscribe((tags) => console.log(tags.map((t) => t.name)))
   */
  accountFeaturedTags: endpoint('GET /api/v1/accounts/{id}/featured_tags', {
    created: '3.3.0', changed: '3.3.0', returns: json<FeaturedTag[]>(),
    params: (id: IdLike) => ({ id: idOf(id) }),
  }),
};
