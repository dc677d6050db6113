const NEWLINE = 0x0a;
const COLON = 0x3a;

type NodeBuffer = Uint8Array & { indexOf(value: Uint8Array, byteOffset?: number): number };
const NodeBufferClass = (globalThis as {
  Buffer?: { from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBuffer; from(text: string): NodeBuffer };
}).Buffer;
const NEWLINE_COLON = NodeBufferClass?.from('\n:');

/**
 * Counts `\n:` in `chunk`: the comment lines that begin after a newline in it. Node's
 * `Buffer#indexOf` searches for both bytes at once, natively; elsewhere each line end is
 * looked at.
 */
export function countNewlineColons(chunk: Uint8Array, native = NEWLINE_COLON !== undefined): number {
  let count = 0;
  if (native && NodeBufferClass && NEWLINE_COLON) {
    const view = NodeBufferClass.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    for (let i = view.indexOf(NEWLINE_COLON); i !== -1; i = view.indexOf(NEWLINE_COLON, i + 2)) count += 1;
    return count;
  }
  for (let i = chunk.indexOf(NEWLINE); i !== -1 && i + 1 < chunk.length; i = chunk.indexOf(NEWLINE, i + 1)) {
    if (chunk[i + 1] === COLON) count += 1;
  }
  return count;
}

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
    if (chunk.length === 0) return 0;
    const first = this.atLineStart && chunk[0] === COLON ? 1 : 0;
    this.atLineStart = chunk[chunk.length - 1] === NEWLINE;
    return first + countNewlineColons(chunk);
  }
}
