import { concat, concatMap, defer, filter, map, type Observable, of } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import type { MediaAttachment } from '../entities/status.js';
import { MastodonIllegalArgumentError, MastodonVersionError } from '../errors.js';
import type { Params } from '../http/params.js';
import { idOf, type IdLike } from '../ids.js';
import { awaitMediaProcessing } from '../media/processing.js';
import type { MediaFile } from '../media/source.js';
import { uploadResult, uploadWithProgress, type UploadEvent, type UploadProgressEvent } from '../media/upload.js';
import { optionsOf } from './common.js';
import { json, row } from './define.js';
import { readOptions, withUnknownOptions } from './unknown-options.js';
import { verifyMinimumVersion } from './versions.js';
import { fetchResult } from '../http/transport.js';
import { fillPath } from '../http/fill-path.js';

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

/** An upload on servers from 3.1.4: the route `mediaPost` streams its multipart body to. */
export const mediaPostRow = /* @__PURE__ */ row('POST /api/v2/media', {
  created: '3.1.4', changed: '3.2.0', returns: json<MediaAttachment>, params: (fields: Params) => fields,
});

/** An upload on servers before 3.1.4. */
export const mediaPostBefore314Row = /* @__PURE__ */ row('POST /api/v1/media', {
  created: '1.0.0', changed: '3.2.0', returns: json<MediaAttachment>, params: (fields: Params) => fields,
});

/** A change of an upload's description, focus (a form) or thumbnail (multipart): what `mediaUpdate` sends. */
export const mediaUpdateRow = /* @__PURE__ */ row('PUT /api/v1/media/{id}', {
  fillPath, created: '2.3.0', changed: '3.2.0', returns: json<MediaAttachment>, params: (fields: Params) => fields,
});

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
    const reading = readOptions(options);
    const o = optionsOf(reading.options);
    const { mime_type, file_name, thumbnail, thumbnail_mime_type, synchronous } = o;
    const waitSeconds = o.synchronous_timeout ?? 300;
    if (!(waitSeconds > 0)) throw new MastodonIllegalArgumentError('synchronous_timeout must be a positive number of seconds');
    const fields = withUnknownOptions({ description: o.description, focus: focusParam(o.focus) }, reading.unknown());
    const files = {
      file: { input: media_file, mime_type, file_name, what: 'media_file' },
      thumbnail: thumbnail === undefined ? undefined : { input: thumbnail, mime_type: thumbnail_mime_type, what: 'thumbnail' },
    };
    return client.versionCheck(mediaPostBefore314Row.created, mediaPostBefore314Row.changed).pipe(
      concatMap(() => verifyMinimumVersion(client, '3.1.4', { cached: true })),
      concatMap((v2) => (thumbnail === undefined ? of(v2) : thumbnailSupport(client).pipe(map(() => v2)))),
      concatMap((v2) => {
        const { method, path } = v2 ? mediaPostRow : mediaPostBefore314Row;
        return uploadWithProgress<MediaAttachment>(client, { method, path, fields, files });
      }),
      concatMap((event): Observable<MediaUploadEvent> => {
        if (event.type !== 'done' || !synchronous || event.result.url !== null) return of(event);
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
    const reading = readOptions(options);
    const o = optionsOf(reading.options);
    const { thumbnail, thumbnail_mime_type } = o;
    const pathParams = { id: idOf(id) };
    const fields = withUnknownOptions({ description: o.description, focus: focusParam(o.focus) }, reading.unknown());
    const { method, path, created, changed } = mediaUpdateRow;
    const send$ = thumbnail === undefined
      ? fetchResult<MediaAttachment>(client, { method, path, fillPath, params: { ...fields, ...pathParams } })
      : thumbnailSupport(client).pipe(
        concatMap(() => uploadWithProgress<MediaAttachment>(client, {
          method, path, pathParams, fields,
          files: { thumbnail: { input: thumbnail, mime_type: thumbnail_mime_type, what: 'thumbnail' } },
        })),
        uploadResult(),
      );
    return client.versionCheck(created, changed).pipe(concatMap(() => send$));
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
