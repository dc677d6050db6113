import { filter, forkJoin, map, Observable, of, Subscription, type OperatorFunction } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import type { HttpMethod } from '../http/backend.js';
import type { Params } from '../http/params.js';
import { countingChunks, multipartBody, type UploadProgress } from './multipart.js';
import { prepareFile, type FileDescription, type MediaFile, type PreparedFile } from './source.js';
import { fetchResult } from '../http/transport.js';
import { fillPath } from '../http/fill-path.js';

/** Bytes of an upload have gone out: `loaded` of `total` (when the total is known). */
export interface UploadProgressEvent extends UploadProgress {
  readonly type: 'progress';
}

/** The server has the upload and answered with `result`. */
export interface UploadDoneEvent<T> {
  readonly type: 'done';
  readonly result: T;
}

/** What an upload with progress emits: progress events, then the result once. */
export type UploadEvent<T> = UploadProgressEvent | UploadDoneEvent<T>;

/** A file argument of an upload, with how it is described and what it is called in errors. */
export interface FileArgument extends FileDescription {
  readonly input: MediaFile;
  /** The argument's name, for error messages (`'avatar'`). */
  readonly what: string;
}

/** One multipart call: route, path parameters, text fields and file fields. */
export interface UploadCall {
  readonly method: HttpMethod;
  readonly path: string;
  /** Values for the path's `{placeholders}`. */
  readonly pathParams?: Params;
  readonly fields: Params;
  readonly files: Readonly<Record<string, FileArgument | undefined>>;
}

/**
 * Sends a multipart call through the client, its body streamed from the files as the
 * connection takes it, and emits progress events, then the parsed answer. Files are read
 * anew on each subscription (streams excepted, which can be read once).
 *
 * ## Example
 * ```ts
 * uploadWithProgress<Account>(api, { method: 'PATCH', path: '/api/v1/accounts/update_credentials',
 *   fields: { note: 'hi' }, files: { avatar: { input: 'me.png', what: 'avatar' } } })
 * ```
 */
export function uploadWithProgress<T>(api: MastodonClient, call: UploadCall): Observable<UploadEvent<T>> {
  return prepareFiles(call.files).pipe(
    map((files) => multipartBody(withLang(api, call.fields), files)),
    (body$) => new Observable<UploadEvent<T>>((subscriber) => {
      const subscriptions = new Subscription();
      subscriptions.add(body$.subscribe({
        next: (body) => {
          subscriber.next({ type: 'progress', loaded: 0, total: body.length });
          const headers: Record<string, string> = { 'content-type': body.contentType };
          if (body.length !== undefined) headers['content-length'] = String(body.length);
          const blob = canStreamRequests() ? undefined : body.blob();
          const sent = blob ?? countingChunks(body.chunks(), body.length, (progress) => {
            if (!subscriber.closed) subscriber.next({ type: 'progress', ...progress });
          });
          subscriptions.add(fetchResult<T>(api, {
            method: call.method, path: call.path, fillPath, params: call.pathParams, headers, body: sent,
          }).subscribe({
            next: (result) => {
              if (blob) subscriber.next({ type: 'progress', loaded: blob.size, total: blob.size });
              subscriber.next({ type: 'done', result });
            },
            error: (error: unknown) => subscriber.error(error),
            complete: () => subscriber.complete(),
          }));
        },
        error: (error: unknown) => subscriber.error(error),
      }));
      return subscriptions;
    }),
  );
}

/**
 * Whether request bodies can be streamed from an async iterable: in Node.js. Browsers get a
 * `Blob` body where the files allow it (their `fetch` streams a Blob made of `File`s from disk,
 * but cannot send an async iterable), and then report progress only at the end.
 */
function canStreamRequests(): boolean {
  const proc = (globalThis as { process?: { versions?: { node?: string } } }).process;
  return typeof proc?.versions?.node === 'string';
}

function prepareFiles(files: UploadCall['files']): Observable<Record<string, PreparedFile | undefined>> {
  const entries = Object.entries(files).filter((entry): entry is [string, FileArgument] => entry[1] !== undefined);
  if (entries.length === 0) return of({});
  return forkJoin(Object.fromEntries(entries.map(([name, file]) => [name, prepareFile(file.input, file, file.what)])));
}

function withLang(api: MastodonClient, fields: Params): Params {
  return api.lang !== undefined && fields['lang'] === undefined ? { ...fields, lang: api.lang } : fields;
}

/**
 * The result of an upload, its progress events left out.
 * @example uploadWithProgress<Account>(api, call).pipe(uploadResult())
 */
export function uploadResult<T>(): OperatorFunction<UploadEvent<T>, T> {
  return (events) => events.pipe(
    filter((event): event is UploadDoneEvent<T> => event.type === 'done'),
    map((event) => event.result),
  );
}
