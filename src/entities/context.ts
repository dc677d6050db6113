import type { Status } from './status.js';

/**
 * The thread around a status.
 * @see https://docs.joinmastodon.org/entities/Context/
 */
export interface Context {
  /** The statuses it replies to, oldest first. */
  ancestors: Status[];
  /** The replies to it, and replies to those, in thread order. */
  descendants: Status[];
}
