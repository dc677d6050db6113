import { flattenParams, type Params } from '../http/params.js';
import type { PreparedFile } from './source.js';

/** A multipart/form-data body, streamed: nothing but the current chunk is held in memory. */
export interface MultipartBody {
  /** The `Content-Type` header value, with the boundary. */
  readonly contentType: string;
  /** The byte length, when every file's size is known. */
  readonly length: number | undefined;
  /** The body bytes; each call reads the files anew (where their sources allow it). */
  chunks(): AsyncIterable<Uint8Array>;
  /**
   * The body as a `Blob`, when every file is in memory or a Blob (browsers send a Blob made of
   * `File`s straight from disk); `undefined` when a file is a path or a stream.
   */
  blob(): Blob | undefined;
}

const encoder = new TextEncoder();

/** Quotes a name for a `Content-Disposition` header as browsers do (`"` and line breaks escaped). */
function quoted(name: string): string {
  return `"${name.replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/"/g, '%22')}"`;
}

function randomBoundary(): string {
  return globalThis.crypto.randomUUID().replace(/-/g, '');
}

/**
 * Builds a streamed multipart/form-data body: the text fields (flattened as Rails reads them,
 * `fields_attributes[0][name]`, booleans `1`/`0`), then the files, each with its file name
 * and `Content-Type`.
 *
 * ## Example
 * ```ts
 * const body = multipartBody({ description: 'a cat', focus: '0,0' }, { file: preparedFile });
 * api.apiRequest({ method: 'POST', path: '/api/v2/media', body: body.chunks(), headers: { 'content-type': body.contentType } })
 * ```
 */
export function multipartBody(fields: Params, files: Readonly<Record<string, PreparedFile | undefined>>,
  boundary: string = randomBoundary()): MultipartBody {
  const parts: { head: Uint8Array; file?: PreparedFile; tail: Uint8Array }[] = [];
  for (const [name, value] of flattenParams(fields)) {
    parts.push({
      head: encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}\r\n\r\n`),
      tail: encoder.encode(`${value}\r\n`),
    });
  }
  for (const [name, file] of Object.entries(files)) {
    if (file === undefined) continue;
    parts.push({
      head: encoder.encode(`--${boundary}\r\nContent-Disposition: form-data; name=${quoted(name)}; filename=${quoted(file.fileName)}\r\n`
        + `Content-Type: ${file.mimeType}\r\n\r\n`),
      file,
      tail: encoder.encode('\r\n'),
    });
  }
  const end = encoder.encode(`--${boundary}--\r\n`);
  let length: number | undefined = end.length;
  for (const part of parts) {
    const fileSize = part.file ? part.file.size : 0;
    length = length === undefined || fileSize === undefined ? undefined : length + part.head.length + fileSize + part.tail.length;
  }
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length,
    blob: () => {
      const pieces: (Blob | Uint8Array)[] = [];
      for (const part of parts) {
        if (part.file && part.file.blobPart === undefined) return undefined;
        pieces.push(part.head, ...(part.file ? [part.file.blobPart!] : []), part.tail);
      }
      return new Blob([...pieces, end] as BlobPart[]);
    },
    chunks: async function* () {
      for (const part of parts) {
        yield part.head;
        if (part.file) yield* part.file.chunks();
        yield part.tail;
      }
      yield end;
    },
  };
}

/** Progress of an upload: bytes of the body handed to the connection so far, of `total`. */
export interface UploadProgress {
  readonly loaded: number;
  /** The body's length, when known (not for streams of unknown length). */
  readonly total: number | undefined;
}

/**
 * Passes `chunks` through, reporting the running byte count after each chunk is taken.
 *
 * ## Example
 * ```ts
 * const counted = countingChunks(body.chunks(), body.length, (p) => console.log(p.loaded, p.total));
 * ```
 */
export async function* countingChunks(chunks: AsyncIterable<Uint8Array>, total: number | undefined,
  report: (progress: UploadProgress) => void): AsyncGenerator<Uint8Array> {
  let loaded = 0;
  for await (const chunk of chunks) {
    yield chunk;
    loaded += chunk.length;
    report({ loaded, total });
  }
}
