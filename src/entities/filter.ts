/** Where a filter applies. */
export type FilterContext = 'home' | 'notifications' | 'public' | 'thread' | 'account';

/** A keyword filter of the v1 filter API. @see https://docs.joinmastodon.org/entities/V1_Filter/ */
export interface Filter {
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
