/** Where a filter applies: the home timeline and lists, notifications, public timelines, threads, or profiles. */
export type FilterContext = 'home' | 'notifications' | 'public' | 'thread' | 'account';

/** A keyword filter of the v1 filter API (deprecated since 4.0: one keyword per filter). @see https://docs.joinmastodon.org/entities/V1_Filter/ */
export interface Filter {
  /** The filter's id. */
  id: string;
  /** The text to filter out. */
  phrase: string;
  /** Where the filter applies. */
  context: FilterContext[];
  /** When the filter stops applying, or null for never. */
  expires_at: Date | null;
  /** Whether the server drops matching statuses instead of letting the client hide them (home and notifications only). */
  irreversible: boolean;
  /** Whether the phrase matches at word boundaries only. */
  whole_word: boolean;
}

/**
 * What a client does with a status a v2 filter matches: `warn` (show it behind a warning that
 * names the filter), `hide` (leave it out) or `blur` (hide its media behind a warning, since
 * 4.4). Treat an action this list does not know as `warn`.
 */
export type FilterAction = 'warn' | 'hide' | 'blur';

/** A keyword of a v2 filter. Since 4.0. @see https://docs.joinmastodon.org/entities/FilterKeyword/ */
export interface FilterKeyword {
  /** The keyword's id. */
  id: string;
  /** The text to match. */
  keyword: string;
  /** Whether it matches at word boundaries only. */
  whole_word: boolean;
}

/** A status a v2 filter matches by id. Since 4.0. @see https://docs.joinmastodon.org/entities/FilterStatus/ */
export interface FilterStatus {
  /** The filtered-status entry's id (not the status's). */
  id: string;
  /** The filtered status. */
  status_id: string;
}

/** A filter of the v2 filter API: a title, contexts, an action and its keywords and statuses. Since 4.0. @see https://docs.joinmastodon.org/entities/Filter/ */
export interface FilterV2 {
  /** The filter's id. */
  id: string;
  /** The name the user gave the filter. */
  title: string;
  /** Where the filter applies. */
  context: FilterContext[];
  /** When the filter stops applying, or null for never. */
  expires_at: Date | null;
  /** What to do with matching statuses; newer servers may send actions this list does not know yet. */
  filter_action: FilterAction | (string & {});
  /** The keywords; absent when the filter comes inside a `FilterResult`. */
  keywords?: FilterKeyword[];
  /** The statuses filtered by id; absent when the filter comes inside a `FilterResult`. */
  statuses?: FilterStatus[];
}

/** A v2 filter that matched a status, and what matched. Since 4.0. @see https://docs.joinmastodon.org/entities/FilterResult/ */
export interface FilterResult {
  /** The filter that matched. */
  filter: FilterV2;
  /** The filter's keywords found in the status, or null. */
  keyword_matches: string[] | null;
  /** The status ids of the filter that matched, or null. */
  status_matches: string[] | null;
}
