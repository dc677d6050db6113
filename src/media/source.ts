import { defer, from, type Observable, of } from 'rxjs';
import { MastodonFileNotFoundError, MastodonIllegalArgumentError } from '../errors.js';
import { extensionFor, mimeTypeFromName, SNIFF_LENGTH, sniffMimeType } from './mime.js';

/**
 * A file to upload: a path (Node.js), bytes (`Buffer`, `Uint8Array`, `ArrayBuffer`), a `Blob`
 * or `File` (browsers), or a readable stream (a Node `Readable`, a web `ReadableStream`, any
 * `AsyncIterable` of bytes). Streams are read once: an upload from a stream cannot be retried.
 */
export type MediaFile =
  | string
  | Uint8Array
  | ArrayBuffer
  | Blob
  | ReadableStream<Uint8Array>
  | AsyncIterable<Uint8Array | string>;

/** A file ready to go into a multipart body: its type, name, size (when known) and bytes. */
export interface PreparedFile {
  readonly mimeType: string;
  readonly fileName: string;
  /** Byte length, when the source tells it (paths, bytes, blobs); `undefined` for streams. */
  readonly size: number | undefined;
  /** The bytes, read lazily in chunks as the request body is sent. */
  chunks(): AsyncIterable<Uint8Array>;
  /** The bytes as something a `Blob` can be made of, when they are in memory or a Blob already. */
  readonly blobPart?: Blob | Uint8Array;
}

/** How a file is described beside its bytes. */
export interface FileDescription {
  /** The mime type; detected from the content, then from the name, when not given. */
  readonly mime_type?: string | undefined;
  /** The name sent with the upload; a random one when not given. */
  readonly file_name?: string | undefined;
}

/** Size of the chunks bytes and files are sent in (and progress is counted in). */
export const CHUNK_SIZE = 64 * 1024;

type Fs = typeof import('node:fs');

function nodeFs(): Fs | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  return proc?.getBuiltinModule?.('node:fs') as Fs | undefined;
}

/**
 * A random upload name with the extension of `mimeType`, such as
 * `mastodonrxupload_1669924063.4029253_0b2ca2218f4f408087369bd4427006f6.mp4`.
 *
 * ## Example
 * ```ts
 * randomUploadName('image/png')  // 'mastodonrxupload_1700000000.123_5c0e….png'
 * ```
 */
export function randomUploadName(mimeType: string): string {
  const hex = globalThis.crypto.randomUUID().replace(/-/g, '');
  return `mastodonrxupload_${Date.now() / 1000}_${hex}${extensionFor(mimeType)}`;
}

/**
 * Reads what a file argument needs before the upload: the first bytes (for the mime type),
 * the size, the name. Emits once; bytes given in memory are prepared synchronously. Errors:
 * `MastodonFileNotFoundError` for a path that cannot be read, `MastodonIllegalArgumentError`
 * for an input of the wrong kind or a type that cannot be determined.
 *
 * ## Example
 * ```ts
 * prepareFile('cat.jpg', {}, 'media_file').subscribe((f) => console.log(f.mimeType, f.size))
 * ```
 */
export function prepareFile(input: MediaFile, description: FileDescription, what: string): Observable<PreparedFile> {
  return defer(() => {
    if (typeof input === 'string') return from(fromPath(input, description, what));
    if (input instanceof Uint8Array) return of(fromBytes(input, description, what));
    if (input instanceof ArrayBuffer) return of(fromBytes(new Uint8Array(input), description, what));
    if (typeof Blob !== 'undefined' && input instanceof Blob) return from(fromBlob(input, description, what));
    if (isReadableStream(input)) return from(fromStream(readableStreamChunks(claim(input, what)), undefined, description, what));
    if (isAsyncIterable(input)) return from(fromStream(asBytes(claim(input, what)), pathOf(input), description, what));
    throw new MastodonIllegalArgumentError(`${what} must be a path, bytes, a Blob or a readable stream`);
  });
}

/** Streams already handed to an upload: they cannot be read a second time. */
const claimedStreams = new WeakSet<object>();

function claim<T extends object>(stream: T, what: string): T {
  if (claimedStreams.has(stream)) {
    throw new MastodonIllegalArgumentError(`${what} is a stream that was already read; it cannot be sent again (pass a path, bytes or a Blob to retry)`);
  }
  claimedStreams.add(stream);
  return stream;
}

function finish(head: Uint8Array, nameHint: string | undefined, description: FileDescription, what: string,
  size: number | undefined, chunks: () => AsyncIterable<Uint8Array>, blobPart?: Blob | Uint8Array): PreparedFile {
  const mimeType = description.mime_type ?? sniffMimeType(head) ?? mimeTypeFromName(description.file_name ?? nameHint);
  if (mimeType === undefined) {
    throw new MastodonIllegalArgumentError(`Could not determine the mime type of ${what}; pass it as a mime type option`);
  }
  const fileName = description.file_name ?? randomUploadName(mimeType);
  return blobPart === undefined ? { mimeType, fileName, size, chunks } : { mimeType, fileName, size, chunks, blobPart };
}

function fromBytes(bytes: Uint8Array, description: FileDescription, what: string): PreparedFile {
  return finish(bytes.subarray(0, SNIFF_LENGTH), undefined, description, what, bytes.length, async function* () {
    for (let start = 0; start < bytes.length; start += CHUNK_SIZE) yield bytes.subarray(start, start + CHUNK_SIZE);
  }, bytes);
}

async function fromBlob(blob: Blob, description: FileDescription, what: string): Promise<PreparedFile> {
  const head = new Uint8Array(await blob.slice(0, SNIFF_LENGTH).arrayBuffer());
  const name = (blob as Partial<File>).name;
  return finish(head, typeof name === 'string' ? name : undefined, description, what, blob.size,
    () => rechunk(readableStreamChunks(blob.stream())), blob);
}

async function fromPath(path: string, description: FileDescription, what: string): Promise<PreparedFile> {
  const fs = nodeFs();
  if (!fs) throw new MastodonIllegalArgumentError(`${what}: file paths can only be read in Node.js; pass bytes or a Blob`);
  let size: number;
  const head = new Uint8Array(SNIFF_LENGTH);
  let headLength: number;
  try {
    const handle = await fs.promises.open(path, 'r');
    try {
      const stat = await handle.stat();
      if (!stat.isFile()) throw new Error('not a regular file');
      size = stat.size;
      headLength = (await handle.read(head, 0, SNIFF_LENGTH, 0)).bytesRead;
    } finally {
      await handle.close();
    }
  } catch (cause) {
    throw new MastodonFileNotFoundError(`Cannot read ${what} ${JSON.stringify(path)}`, { cause });
  }
  return finish(head.subarray(0, headLength), path, description, what, size,
    () => fs.createReadStream(path, { highWaterMark: CHUNK_SIZE }) as AsyncIterable<Uint8Array>);
}

/** Reads the first bytes of a one-shot stream, then hands out those bytes and the rest, once. */
async function fromStream(source: AsyncIterable<Uint8Array>, nameHint: string | undefined,
  description: FileDescription, what: string): Promise<PreparedFile> {
  const iterator = source[Symbol.asyncIterator]();
  const buffered: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < SNIFF_LENGTH) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    buffered.push(next.value);
    length += next.value.length;
  }
  const head = concat(buffered).subarray(0, SNIFF_LENGTH);
  let consumed = false;
  try {
    return finish(head, nameHint, description, what, undefined, () => rechunk(async function* () {
      if (consumed) throw new MastodonIllegalArgumentError(`${what} is a stream that was already read; it cannot be sent again`);
      consumed = true;
      try {
        yield* buffered.splice(0);
        if (done) return;
        for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
        done = true;
      } finally {
        if (!done) await iterator.return?.();
      }
    }()));
  } catch (error) {
    await iterator.return?.();
    throw error;
  }
}

/** Splits large chunks into views of at most {@link CHUNK_SIZE} bytes (no copies), for even progress. */
async function* rechunk(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  for await (const chunk of chunks) {
    if (chunk.length <= CHUNK_SIZE) yield chunk;
    else for (let start = 0; start < chunk.length; start += CHUNK_SIZE) yield chunk.subarray(start, start + CHUNK_SIZE);
  }
}

function concat(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

async function* asBytes(source: AsyncIterable<Uint8Array | string>): AsyncGenerator<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const chunk of source) {
    if (typeof chunk === 'string') yield encoder.encode(chunk);
    else if (chunk instanceof Uint8Array) yield chunk;
    else throw new MastodonIllegalArgumentError('A stream to upload must yield bytes');
  }
}

/** The chunks of a web `ReadableStream`, through its reader (which every runtime has). */
export async function* readableStreamChunks(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader();
  let finished = false;
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) yield next.value;
    finished = true;
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof value === 'object' && value !== null && typeof (value as ReadableStream).getReader === 'function';
}

function isAsyncIterable(value: unknown): value is AsyncIterable<Uint8Array | string> {
  return typeof value === 'object' && value !== null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

/** The path of a Node `fs.ReadStream`, a hint for the mime type. */
function pathOf(value: object): string | undefined {
  const path = (value as { path?: unknown }).path;
  return typeof path === 'string' ? path : undefined;
}
