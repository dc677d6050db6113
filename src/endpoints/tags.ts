import { endpoint, json, page } from './define.js';
import { pageParams } from './common.js';
import type { Tag } from '../entities/tag.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { Page } from '../pagination/page.js';
import { fillPath } from '../http/fill-path.js';

// Hashtags: one tag, following it, featuring it on the profile.

/** A hashtag by name (without its `#`), or anything with a `name`, such as a `Tag`. */
export type HashtagLike = string | { readonly name: string };

/** The name of a hashtag argument: a string that cannot walk the URL, without a leading `#` (as Mastodon.py refuses it). */
function hashtagName(what: string, value: HashtagLike): string {
  const name = typeof value === 'object' && value !== null ? (value as { name: unknown }).name : value;
  if (typeof name !== 'string' || name.trim() === '') throw new MastodonIllegalArgumentError(`${what} must be a hashtag name`);
  if (name.startsWith('#')) throw new MastodonIllegalArgumentError(`${what} must be given without its leading #`);
  if (name === '.' || name === '..' || /[\s/?#]/.test(name)) throw new MastodonIllegalArgumentError(`${what} ${JSON.stringify(name.slice(0, 100))} is not a hashtag`);
  return name;
}

/**
 * A hashtag: its use over the last week and, for a logged-in user, whether they follow and
 * feature it.
 * @example tag(client, 'caturday').subscribe((t) => console.log(t.following, t.history?.[0]?.uses))
 */
export const tag = /* @__PURE__ */ endpoint('GET /api/v1/tags/{hashtag}', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<Tag>,
  params: (hashtag: HashtagLike) => ({ hashtag: hashtagName('hashtag', hashtag) }),
});

/**
 * Follow a hashtag: public statuses with it come to the home timeline (and the user stream)
 * from now on. Following it again changes nothing. Emits the tag.
 * @example tagFollow(client, 'caturday').subscribe((t) => console.log(t.following))
 */
export const tagFollow = /* @__PURE__ */ endpoint('POST /api/v1/tags/{hashtag}/follow', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<Tag>,
  params: (hashtag: HashtagLike) => ({ hashtag: hashtagName('hashtag', hashtag) }),
});

/**
 * Stop following a hashtag; the statuses it brought leave the home timeline. Emits the tag.
 * @example tagUnfollow(client, 'caturday').subscribe((t) => console.log(t.following))
 */
export const tagUnfollow = /* @__PURE__ */ endpoint('POST /api/v1/tags/{hashtag}/unfollow', {
  fillPath, created: '4.0.0', changed: '4.0.0', returns: json<Tag>,
  params: (hashtag: HashtagLike) => ({ hashtag: hashtagName('hashtag', hashtag) }),
});

/**
 * Feature a hashtag on the user's profile (what `featuredTagCreate` did before 4.4; it then
 * shows in `featuredTags`). Emits the tag.
 * @example tagFeature(client, 'caturday').subscribe((t) => console.log(t.featuring))
 */
export const tagFeature = /* @__PURE__ */ endpoint('POST /api/v1/tags/{name}/feature', {
  fillPath, created: '4.4.0', changed: '4.4.0', returns: json<Tag>,
  params: (name: HashtagLike) => ({ name: hashtagName('name', name) }),
});

/**
 * Stop featuring a hashtag on the user's profile. Emits the tag.
 * @example tagUnfeature(client, 'caturday').subscribe((t) => console.log(t.featuring))
 */
export const tagUnfeature = /* @__PURE__ */ endpoint('POST /api/v1/tags/{name}/unfeature', {
  fillPath, created: '4.4.0', changed: '4.4.0', returns: json<Tag>,
  params: (name: HashtagLike) => ({ name: hashtagName('name', name) }),
});

/**
 * The hashtags the user follows, the latest followed first. Emits one {@link Page}; its
 * cursors are not tag ids, so follow its links (`fetchNext`, `paginate`).
 * @example followedTags(client, { limit: 50 }).subscribe((tags) => console.log(tags.map((t) => t.name)))
 */
export const followedTags = /* @__PURE__ */ endpoint('GET /api/v1/followed_tags', {
  created: '4.0.0', changed: '4.0.0', returns: page<Tag>,
  options: 0, params: pageParams,
});
