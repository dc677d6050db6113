import { concat, concatMap, defer, filter, map, type Observable, of } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import type { MediaAttachment } from '../entities/status.js';
import { MastodonIllegalArgumentError, MastodonVersionError } from '../errors.js';
import { idOf, type IdLike } from '../ids.js';
import { awaitMediaProcessing } from '../media/processing.js';
import type { MediaFile } from '../media/source.js';
import { uploadResult, uploadWithProgress, type UploadEvent, type UploadProgressEvent } from '../media/upload.js';
import { optionsOf } from './common.js';
import { verifyMinimumVersion } from './versions.js';

/** Options of `mediaPost`, as Mastodon.py names them. */
export interface MediaPostOptions {
  /** The file's mime type; detected from its first bytes, then its name, when not given. */
  mime_type?: string;
  /** Alt text. */
  description?: string;
  /** Focal point `[x, y]`, each between -1 and 1, the origin at the centre. */
  focus?: readonly [number, number];
  /** The name sent with the upload; a random one when not given (a path's own name is not sent). */
  file_name?: string;
  /** A custom preview for audio and video (Mastodon 3.2.0 and later), in any form `media_file` takes. */
  thumbnail?: MediaFile;
  thumbnail_mime_type?: string;
  /** Wait until the server has processed the upload, so that `url` is set. Default `false`. */
  synchronous?: boolean;
  /** With `synchronous`: give up after this many seconds (a `MastodonAPIError`). Default 300. */
  synchronous_timeout?: number;
}

/** Options of `mediaUpdate`. */
export interface MediaUpdateOptions {
  description?: string;
  focus?: readonly [number, number];
  thumbnail?: MediaFile;
  thumbnail_mime_type?: string;
}

/** The server accepted an upload and is processing it (with `synchronous`, before the result). */
export interface MediaProcessingEvent {
  readonly type: 'processing';
  readonly media: MediaAttachment;
}

/** What `mediaPostWithProgress` emits: progress, possibly `processing`, then `done` with the media. */
export type MediaUploadEvent = UploadProgressEvent | MediaProcessingEvent | UploadEvent<MediaAttachment>;

// Media uploads, which stream their files as multipart bodies.

/**
 * Upload an image, video or audio file, to attach to a status by its id. On Mastodon 3.1.4
 * and later the server may still be processing it (`url` null); `synchronous: true` waits.
 *
 * @example mediaPost(client, 'cat.jpg', { description: 'A cat', focus: [0, -0.5] }).pipe(concatMap((m) => statusPost(client, 'Look', { media_ids: [m] })))
 */
export function mediaPost(client: MastodonClient, media_file: MediaFile, options?: MediaPostOptions): Observable<MediaAttachment> {
  return mediaPostWithProgress(client, media_file, options).pipe(
    filter((event): event is Extract<MediaUploadEvent, { type: 'done' }> => event.type === 'done'),
    map((event) => event.result),
  );
}

/**
 * `mediaPost` that also reports progress, for a progress bar: `{ type: 'progress', loaded,
 * total }` as the body goes out (`total` undefined for streams of unknown length), then with
 * `synchronous` `{ type: 'processing', media }` while the server works, then
 * `{ type: 'done', result }` with the media.
 *
 * @example mediaPostWithProgress(client, file).subscribe((e) => e.type === 'progress' ? bar.set(e.loaded / (e.total ?? 1)) : undefined)
 */
export function mediaPostWithProgress(client: MastodonClient, media_file: MediaFile, options?: MediaPostOptions): Observable<MediaUploadEvent> {
  return defer(() => {
    const o = optionsOf(options);
    const fields = { description: o.description, focus: focusParam(o.focus) };
    const waitSeconds = o.synchronous_timeout ?? 300;
    if (!(waitSeconds > 0)) throw new MastodonIllegalArgumentError('synchronous_timeout must be a positive number of seconds');
    const files = {
      file: { input: media_file, mime_type: o.mime_type, file_name: o.file_name, what: 'media_file' },
      thumbnail: o.thumbnail === undefined ? undefined : { input: o.thumbnail, mime_type: o.thumbnail_mime_type, what: 'thumbnail' },
    };
    return client.versionCheck('1.0.0', '3.2.0').pipe(
      concatMap(() => verifyMinimumVersion(client, '3.1.4', { cached: true })),
      concatMap((v2) => (o.thumbnail === undefined ? of(v2) : thumbnailSupport(client).pipe(map(() => v2)))),
      concatMap((v2) => uploadWithProgress<MediaAttachment>(client, {
        method: 'POST', path: v2 ? '/api/v2/media' : '/api/v1/media', fields, files,
      })),
      concatMap((event): Observable<MediaUploadEvent> => {
        if (event.type !== 'done' || !o.synchronous || event.result.url !== null) return of(event);
        return concat(
          of<MediaUploadEvent>({ type: 'processing', media: event.result }),
          awaitMediaProcessing(client, event.result, { timeout: waitSeconds }).pipe(
            map((result): MediaUploadEvent => ({ type: 'done', result })),
          ),
        );
      }),
    );
  });
}

/**
 * Change the description, focus or thumbnail of an uploaded media attachment.
 * @example mediaUpdate(client, media, { description: 'A cat asleep', focus: [0.2, 0.1] })
 */
export function mediaUpdate(client: MastodonClient, id: IdLike, options?: MediaUpdateOptions): Observable<MediaAttachment> {
  return defer(() => {
    const o = optionsOf(options);
    const pathParams = { id: idOf(id) };
    const fields = { description: o.description, focus: focusParam(o.focus) };
    const path = '/api/v1/media/{id}';
    const send$ = o.thumbnail === undefined
      ? client.apiRequest<MediaAttachment>({ method: 'PUT', path, params: { ...pathParams, ...fields } })
      : thumbnailSupport(client).pipe(
        concatMap(() => uploadWithProgress<MediaAttachment>(client, {
          method: 'PUT', path, pathParams, fields,
          files: { thumbnail: { input: o.thumbnail!, mime_type: o.thumbnail_mime_type, what: 'thumbnail' } },
        })),
        uploadResult(),
      );
    return client.versionCheck('2.3.0', '3.2.0').pipe(concatMap(() => send$));
  });
}

/** `[x, y]` as the API takes a focal point: `"x,y"`. */
function focusParam(focus: readonly [number, number] | undefined): string | undefined {
  if (focus === undefined) return undefined;
  if (!Array.isArray(focus) || focus.length !== 2 || !focus.every((v) => typeof v === 'number' && v >= -1 && v <= 1)) {
    throw new MastodonIllegalArgumentError('focus must be [x, y] with x and y between -1 and 1');
  }
  return `${focus[0]},${focus[1]}`;
}

function thumbnailSupport(client: MastodonClient): Observable<void> {
  return verifyMinimumVersion(client, '3.2.0', { cached: true }).pipe(map((ok) => {
    if (!ok) throw new MastodonVersionError('Thumbnail requires version > 3.2.0');
  }));
}
