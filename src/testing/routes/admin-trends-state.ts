import { hashtagsOf, tagHistory } from '../hashtags.js';
import type { FakeStatus, FakeStore } from '../store.js';
import { statusView } from './status-state.js';

/** A hashtag as moderators govern it. `null` flags were never set: the server's defaults apply. */
export interface FakeTag {
  id: string;
  /** The name, lower case. */
  name: string;
  /** How the tag is written, if a moderator set it (same letters, another case). */
  display_name: string | null;
  trendable: boolean | null;
  usable: boolean | null;
  listable: boolean | null;
  reviewed_at: string | null;
}

/** A link that may trend: its preview card, and whether moderators let it. */
export interface FakeTrendLink {
  id: string;
  /** The preview card and its history, as `GET /api/v1/trends/links` serves it. */
  card: Record<string, unknown>;
  trendable: boolean | null;
}

/** A site whose links may trend. Mastodon sends its id as a JSON number. */
export interface FakePublisher {
  id: number;
  domain: string;
  trendable: boolean | null;
  reviewed_at: string | null;
  requested_review_at: string | null;
}

/**
 * What moderators decided about trends: hashtags (with their flags), links and the sites that
 * publish them, and statuses. An item nobody reviewed trends when `trendableByDefault` says so.
 */
export class FakeTrendReview {
  /**
   * Mastodon's `trendable_by_default` setting. `true` here (unreviewed hashtags, statuses and
   * links trend publicly, as the fake server served trends before reviews existed); Mastodon's
   * own default is `false`, where only approved items trend. Set it to `false` to test review.
   */
  trendableByDefault = true;
  readonly tags = new Map<string, FakeTag>();
  /** Links that may trend, most trending first (tests add them with {@link addLink}). */
  readonly links: FakeTrendLink[] = [];
  readonly publishers = new Map<string, FakePublisher>();
  /** Review decisions on statuses, by status id. */
  readonly statuses = new Map<string, boolean>();
  private lastTagId = 0;
  private lastLinkId = 0;

  constructor(private readonly store: FakeStore) {}

  /**
   * A hashtag by name, registered (with the next id) on first use.
   * @example fakeTrendReview(store).tag('cats').usable = false
   */
  tag(name: string): FakeTag {
    const key = name.toLowerCase();
    let tag = this.tags.get(key);
    if (!tag) {
      tag = { id: String(++this.lastTagId), name: key, display_name: null, trendable: null, usable: null, listable: null, reviewed_at: null };
      this.tags.set(key, tag);
    }
    return tag;
  }

  /** Every hashtag the server knows: those of its statuses and those registered, by id. */
  allTags(): FakeTag[] {
    for (const status of this.store.statuses) for (const name of hashtagsOf(this.store, status)) this.tag(name);
    return [...this.tags.values()];
  }

  /**
   * Adds a link that may trend (its publisher, the link's host, comes with it), as the server
   * would after seeing it shared.
   * @example fakeTrendReview(store).addLink({ url: 'https://news.example/a', title: 'A', type: 'link', history: [] })
   */
  addLink(card: Record<string, unknown>): FakeTrendLink {
    const link: FakeTrendLink = { id: String(++this.lastLinkId), card, trendable: null };
    this.publisherOf(link);
    this.links.push(link);
    return link;
  }

  /** The site a link comes from, registered on first use. */
  publisherOf(link: FakeTrendLink): FakePublisher {
    const domain = new URL(String(link.card['url'])).hostname.toLowerCase();
    let publisher = this.publishers.get(domain);
    if (!publisher) {
      publisher = { id: this.publishers.size + 1, domain, trendable: null, reviewed_at: null, requested_review_at: null };
      this.publishers.set(domain, publisher);
    }
    return publisher;
  }

  /** Whether a hashtag may trend publicly: allowed to trend and to be used. */
  tagMayTrend(name: string): boolean {
    const tag = this.tags.get(name.toLowerCase());
    return (tag?.trendable ?? this.trendableByDefault) && (tag?.usable ?? true);
  }

  /** Whether a link may trend publicly: its own review, else its publisher's, else the default. */
  linkMayTrend(link: FakeTrendLink): boolean {
    return link.trendable ?? this.publisherOf(link).trendable ?? this.trendableByDefault;
  }

  /** Whether a status may trend publicly. */
  statusMayTrend(status: FakeStatus): boolean {
    return this.statuses.get(status.id) ?? this.trendableByDefault;
  }

  /** A hashtag as moderators see it (`Admin::Tag`), its use counted over `statuses`. */
  tagJson(tag: FakeTag, statuses?: readonly FakeStatus[]): Record<string, unknown> {
    return {
      id: tag.id, name: tag.display_name ?? tag.name, url: `${this.store.baseUrl}/tags/${encodeURIComponent(tag.name)}`,
      history: tagHistory(this.store, tag.name, statuses), trendable: tag.trendable ?? this.trendableByDefault,
      usable: tag.usable ?? true, requires_review: tag.reviewed_at === null, listable: tag.listable ?? true,
    };
  }

  /** A link as moderators see it: the card, its id, and whether it waits for review. */
  linkJson(link: FakeTrendLink): Record<string, unknown> {
    const requiresReview = link.trendable === null && this.publisherOf(link).reviewed_at === null;
    return { ...link.card, id: link.id, requires_review: requiresReview };
  }

  /** A publisher as moderators see it. */
  publisherJson(publisher: FakePublisher): Record<string, unknown> {
    return { ...publisher, requires_review: publisher.reviewed_at === null };
  }

  /** A status as `viewer` (the moderator asking) sees it among the trends. */
  statusJson(status: FakeStatus, viewer: string): Record<string, unknown> {
    return { ...statusView(this.store, status, viewer), requires_review: !this.statuses.has(status.id) };
  }
}

/**
 * The trend reviews of a fake server's store.
 *
 * ## Example
 * ```ts
 * const trends = fakeTrendReview(server.store);
 * trends.trendableByDefault = false;               // as Mastodon: only approved items trend
 * const link = trends.addLink({ url: 'https://news.example/a', title: 'A', type: 'link', history: [] });
 * // adminApproveTrendingLink(client, link.id) makes it appear in trendingLinks
 * ```
 */
export function fakeTrendReview(store: FakeStore): FakeTrendReview {
  return store.extension('admin.trends', () => new FakeTrendReview(store));
}
