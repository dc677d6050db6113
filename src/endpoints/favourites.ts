import { endpoint, page } from './define.js';
import { pageParams } from './common.js';
import type { Account } from '../entities/account.js';
import type { Status } from '../entities/status.js';
import type { Page } from '../pagination/page.js';

// What the user favourited, bookmarked and features.

/**
 * The user's favourites, the latest favourited first. Emits one {@link Page}. Its cursors
 * are not status ids: follow its links (`fetchNext`, `paginate`).
 * @example favourites(client, { limit: 40 }).subscribe((page) => console.log(page.length))
 */
export const favourites = /* @__PURE__ */ endpoint('GET /api/v1/favourites', {
  created: '1.0.0', changed: '3.3.0', returns: page<Status>,
  options: 0, params: pageParams,
});

/**
 * The user's bookmarks, the latest bookmarked first. Emits one {@link Page}; as with
 * favourites, follow its links rather than building cursors.
 * @example bookmarks(client).subscribe((page) => console.log(page.map((s) => s.url)))
 */
export const bookmarks = /* @__PURE__ */ endpoint('GET /api/v1/bookmarks', {
  created: '3.1.0', changed: '3.3.0', returns: page<Status>,
  options: 0, params: pageParams,
});

/**
 * The accounts the user features (endorses) on their profile, the latest featured first.
 * Emits one {@link Page}: the server paginates it, with cursors that are not account ids, so
 * the next page is `fetchNext`'s (or `paginate`'s) to get.
 * @example endorsements(client).subscribe((accounts) => console.log(accounts.map((a) => a.acct)))
 */
export const endorsements = /* @__PURE__ */ endpoint('GET /api/v1/endorsements', {
  created: '2.5.0', changed: '3.3.0', returns: page<Account>,
});
