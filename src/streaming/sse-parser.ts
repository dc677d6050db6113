const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;
const SPACE = 0x20;

/** What {@link SseParser} reports. */
export interface SseHandlers {
  /** An event: its name (`message` when it has none) and its data lines joined by LF. */
  event(name: string, data: string): void;
  /** A comment line (`:thump`): a heartbeat. */
  comment(): void;
}

function startsWith(bytes: Uint8Array, start: number, end: number, word: Uint8Array): boolean {
  if (end - start < word.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[start + i] !== word[i]) return false;
  return true;
}

const DATA = new TextEncoder().encode('data:');
const EVENT = new TextEncoder().encode('event:');

/**
 * An SSE parser that reads bytes, as they arrive in chunks cut anywhere, and decodes only the
 * values of the fields it keeps: a line ends at LF, CR or CRLF (none of which can fall inside
 * a UTF-8 sequence), so each complete line is decoded on its own, with no streaming decoder
 * over the whole body. It follows the HTML standard's event stream interpretation, as
 * `eventsource-parser` does: a leading BOM is skipped, `data` lines are joined by LF, one space
 * after the colon is dropped, a blank line dispatches an event that has at least one `data`
 * line, `id` and `retry` are ignored (the stream reconnects by itself), and so are unknown
 * fields. An event not ended by a blank line when the body ends is not dispatched.
 *
 * ## Example
 * ```ts
 * const parser = new SseParser({ event: (name, data) => console.log(name, data), comment: () => undefined });
 * parser.push(new TextEncoder().encode('event: delete\ndata: 109\n\n'));
 * // Output: delete 109
 * ```
 */
export class SseParser {
  /** Keeps a BOM where one is (a decoder drops one at the start of every text it decodes): only the stream's first is skipped. */
  private readonly decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  /** The start of a line that has not ended yet, as it came. */
  private pending: Uint8Array[] = [];
  private pendingLength = 0;
  /** The event's data so far; undefined until a `data` line came. */
  private data: string | undefined;
  private name = '';
  /** The last chunk ended with a CR: an LF at the start of the next one ends no line. */
  private afterCR = false;
  private atStart = true;
  /** The last event name read, as bytes and as text: a stream names the same few events again and again. */
  private lastName: { bytes: Uint8Array; text: string } = { bytes: new Uint8Array(0), text: '' };

  constructor(private readonly handlers: SseHandlers) {}

  /** Reads `chunk`, reporting every event and comment that ends in it. */
  push(chunk: Uint8Array): void {
    let from = 0;
    if (this.afterCR && chunk.length > 0) {
      this.afterCR = false;
      if (chunk[0] === LF) from = 1;
    }
    if (chunk.indexOf(CR, from) === -1) {
      for (let end = chunk.indexOf(LF, from); end !== -1; end = chunk.indexOf(LF, from)) {
        this.line(chunk, from, end);
        from = end + 1;
      }
    } else {
      // Each search is redone only once the parse has passed what it found: linear, however the line ends mix.
      let lf = chunk.indexOf(LF, from);
      let cr = chunk.indexOf(CR, from);
      for (;;) {
        if (lf !== -1 && lf < from) lf = chunk.indexOf(LF, from);
        if (cr !== -1 && cr < from) cr = chunk.indexOf(CR, from);
        const end = lf === -1 ? cr : cr === -1 || lf < cr ? lf : cr;
        if (end === -1) break;
        this.line(chunk, from, end);
        from = end + 1;
        if (end === cr) {
          if (from === chunk.length) this.afterCR = true;
          else if (chunk[from] === LF) from += 1;
        }
      }
    }
    if (from < chunk.length) {
      this.pending.push(chunk.subarray(from));
      this.pendingLength += chunk.length - from;
    }
  }

  /** Handles the line `chunk[start, end)`, with whatever of it came in earlier chunks. */
  private line(chunk: Uint8Array, start: number, end: number): void {
    if (this.pendingLength === 0) {
      this.field(chunk, start, end);
      return;
    }
    const whole = new Uint8Array(this.pendingLength + end - start);
    let at = 0;
    for (const piece of this.pending) {
      whole.set(piece, at);
      at += piece.length;
    }
    whole.set(chunk.subarray(start, end), at);
    this.pending = [];
    this.pendingLength = 0;
    this.field(whole, 0, whole.length);
  }

  private field(bytes: Uint8Array, start: number, end: number): void {
    if (this.atStart) {
      this.atStart = false;
      if (bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) start += 3;
    }
    if (start === end) {
      this.dispatch();
      return;
    }
    const first = bytes[start];
    if (first === COLON) {
      this.handlers.comment();
    } else if (startsWith(bytes, start, end, DATA)) {
      this.addData(this.value(bytes, start + DATA.length, end));
    } else if (startsWith(bytes, start, end, EVENT)) {
      this.name = this.eventName(bytes, start + EVENT.length, end);
    } else {
      const colon = bytes.subarray(start, end).indexOf(COLON);
      const name = this.decoder.decode(bytes.subarray(start, colon === -1 ? end : start + colon));
      const value = colon === -1 ? '' : this.value(bytes, start + colon + 1, end);
      if (name === 'data') this.addData(value);
      else if (name === 'event') this.name = value;
    }
  }

  /** The text of a field's value from `start` (just after the colon): one leading space is not part of it. */
  private value(bytes: Uint8Array, start: number, end: number): string {
    return this.decoder.decode(bytes.subarray(bytes[start] === SPACE ? start + 1 : start, end));
  }

  /** The value of an `event` line, decoded only when it differs from the last one. */
  private eventName(bytes: Uint8Array, start: number, end: number): string {
    const from = bytes[start] === SPACE ? start + 1 : start;
    const last = this.lastName;
    if (end - from === last.bytes.length && startsWith(bytes, from, end, last.bytes)) return last.text;
    const name = bytes.slice(from, end);
    this.lastName = { bytes: name, text: this.decoder.decode(name) };
    return this.lastName.text;
  }

  private addData(value: string): void {
    this.data = this.data === undefined ? value : `${this.data}\n${value}`;
  }

  private dispatch(): void {
    const { data, name } = this;
    this.data = undefined;
    this.name = '';
    if (data !== undefined) this.handlers.event(name === '' ? 'message' : name, data);
  }
}
