const NEWLINE = 0x0a;
const COLON = 0x3a;

/**
 * Counts SSE comment lines (`:)`, `:thump`) in a byte stream that arrives in arbitrary chunks:
 * the heartbeats an `EventSource` swallows. Only looks at the first byte of each line.
 *
 * ## Example
 * ```ts
 * const spotter = new CommentSpotter();
 * spotter.count(new TextEncoder().encode(':thump\n\nevent: update\n'))  // 1
 * ```
 */
export class CommentSpotter {
  private atLineStart = true;

  /** The comment lines that begin in `chunk`. */
  count(chunk: Uint8Array): number {
    let comments = 0;
    let i = 0;
    while (i < chunk.length) {
      if (this.atLineStart && chunk[i] === COLON) comments += 1;
      const end = chunk.indexOf(NEWLINE, i);
      if (end === -1) {
        this.atLineStart = false;
        return comments;
      }
      this.atLineStart = true;
      i = end + 1;
    }
    return comments;
  }
}
