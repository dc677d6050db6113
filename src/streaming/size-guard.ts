import { MastodonNetworkError } from '../errors.js';

const LF = 0x0a;
const CR = 0x0d;

function isLineEnd(byte: number | undefined): boolean {
  return byte === LF || byte === CR;
}

/** The index of the second byte of the last `first, second` pair in `chunk`, or -1. */
function lastPair(chunk: Uint8Array, first: number, second: number): number {
  for (let i = chunk.lastIndexOf(second); i > 0; i = chunk.lastIndexOf(second, i - 1)) {
    if (chunk[i - 1] === first) return i;
  }
  return -1;
}

/**
 * Where the last blank line of `chunk` ends (an SSE event ends there), or -1. Two line ends in
 * a row make a blank line, a CR followed by an LF counting as one: so `\n\n`, `\n\r` and `\r\r`
 * each end one, also across the boundary with the chunk before (whose last byte is `previous`).
 */
function lastBlankLine(chunk: Uint8Array, hasCR: boolean, previous: number): number {
  let end = lastPair(chunk, LF, LF);
  if (hasCR) end = Math.max(end, lastPair(chunk, LF, CR), lastPair(chunk, CR, CR));
  if (end === -1 && isLineEnd(previous) && isLineEnd(chunk[0]) && !(previous === CR && chunk[0] === LF)) return 0;
  return end;
}

/**
 * Watches an SSE byte stream, arriving in arbitrary chunks, for a line or an event (the bytes
 * between two blank lines) longer than `limit` bytes: what an SSE parser would hold in memory.
 * Only native searches for line ends per chunk, no copy.
 *
 * ## Example
 * ```ts
 * const guard = new SseSizeGuard(4 * 2 ** 20);
 * if (!guard.fits(chunk)) connection.close();
 * ```
 */
export class SseSizeGuard {
  private line = 0;
  private event = 0;
  private previous = LF;

  constructor(readonly limit: number) {}

  /** The error that drops a connection once {@link fits} said no. */
  tooLong(): MastodonNetworkError {
    return new MastodonNetworkError(`A line or event of the stream exceeded ${this.limit} bytes (max_event_size)`);
  }

  /** Counts `chunk` in; false once the current line or event has grown past the limit. */
  fits(chunk: Uint8Array): boolean {
    const length = chunk.length;
    if (length === 0) return true;
    const hasCR = chunk.indexOf(CR) !== -1;
    const lineEnd = hasCR ? Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR)) : chunk.lastIndexOf(LF);
    if (lineEnd === -1) {
      this.line += length;
      this.event += length;
    } else {
      this.line = length - lineEnd - 1;
      const blank = lastBlankLine(chunk, hasCR, this.previous);
      this.event = blank === -1 ? this.event + length : length - blank - 1;
    }
    this.previous = chunk[length - 1]!;
    return this.line <= this.limit && this.event <= this.limit;
  }
}
