/** Use of a hashtag on one day. @see https://docs.joinmastodon.org/entities/Tag/#history */
export interface TagHistory {
  /** The day (midnight UTC), sent as epoch seconds and parsed into a `Date`. */
  day: Date;
  /** How many statuses used the tag that day (a number as a string, as the server sends it). */
  uses: string;
  /** How many accounts used the tag that day (a number as a string). */
  accounts: string;
}

/** A hashtag by name and page only. @see https://docs.joinmastodon.org/entities/ShallowTag/ */
export interface ShallowTag {
  /** The hashtag without its leading `#`. */
  name: string;
  /** The tag's page on the server. */
  url: string;
}

/** A hashtag, with its recent use. @see https://docs.joinmastodon.org/entities/Tag/ */
export interface Tag {
  /** The tag's id on the server (newer servers only). */
  id?: string;
  /** The hashtag without its leading `#`. */
  name: string;
  /** The tag's page on the server. */
  url: string;
  /** Use per day, newest first; absent where the server does not report it. */
  history?: TagHistory[];
  /** Whether the logged-in user follows the tag (4.0+). */
  following?: boolean;
  /** Whether the logged-in user features the tag on their profile. Since 4.4. */
  featuring?: boolean;
}

/** A hashtag the user features on their profile. @see https://docs.joinmastodon.org/entities/FeaturedTag/ */
export interface FeaturedTag {
  /** The featured tag's id (not the hashtag's). */
  id: string;
  /** The hashtag without its leading `#`. */
  name: string;
  /** The page of the user's statuses with the tag. */
  url: string;
  /** How many of the user's statuses use it (a number as a string, as the server sends it). */
  statuses_count: string | number;
  /** The day of the last status with the tag, or null when there is none. */
  last_status_at: Date | null;
}
