/** Where the user stopped reading a timeline. @see https://docs.joinmastodon.org/entities/Marker/ */
export interface Marker {
  /** The id of the last item read. */
  last_read_id: string;
  /** Grows with every update; for detecting conflicting writes. */
  version: number;
  /** When the marker was last set. */
  updated_at: Date;
}

/** Markers keyed by timeline: `home`, `notifications`. */
export type Markers = { [timeline: string]: Marker | undefined };
