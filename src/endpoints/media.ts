import { concat, concatMap, defer, filter, map, type Observable, of } from 'rxjs';
import { decodeBlurhash, type BlurhashImage, type DecodeBlurhashOptions } from '../blurhash/decode.js';
import type { Mastodon } from '../client/mastodon.js';
import type { MediaAttachment } from '../entities/status.js';
import { MastodonIllegalArgumentError, MastodonVersionError } from '../errors.js';
import { idOf, type IdLike } from '../ids.js';
import { awaitMediaProcessing } from '../media/processing.js';
import type { MediaFile } from '../media/source.js';
import { uploadResult, uploadWithProgress, type UploadEvent, type UploadProgressEvent } from '../media/upload.js';
import { endpoint, json } from './define.js';
import { optionsOf } from './common.js';

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

/** Media attachments: reading them; uploads are the hand-written methods below. */
export const media = {
  /**
   * An uploaded media attachment, to see whether the server has processed it (`url` set).
   * @example api.media(uploaded).subscribe((m) => console.log(m.url ?? 'still processing'))
   */
  media: endpoint('GET /api/v1/media/{id}', {
    created: '3.1.4', changed: '3.2.0', returns: json<MediaAttachment>(),
    params: (id: IdLike) => ({ id: idOf(id) }),
  }),
};

/** Media uploads, which stream their files as multipart bodies. */
export const mediaExtras = {
  /**
   * Upload an image, video or audio file, to attach to a status by its id. On Mastodon 3.1.4
   * and later the server may still be processing it (`url` null); `synchronous: true` waits.
   *
   * @example api.mediaPost('cat.jpg', { description: 'A cat', focus: [0, -0.5] }).pipe(concatMap((m) => api.statusPost('Look', { media_ids: [m] })))
   */
  mediaPost(this: Mastodon, media_file: MediaFile, options?: MediaPostOptions): Observable<MediaAttachment> {
    return this.mediaPostWithProgress(media_file, options).pipe(
      filter((event): event is Extract<MediaUploadEvent, { type: 'done' }> => event.type === 'done'),
      map((event) => event.result),
    );
  },

  /**
   * `mediaPost` that also reports progress, for a progress bar: `{ type: 'progress', loaded,
   * total }` as the body goes out (`total` undefined for streams of unknown length), then with
   * `synchronous` `{ type: 'processing', media }` while the server works, then
   * `{ type: 'done', result }` with the media.
   *
   * @example api.mediaPostWithProgress(file).subscribe((e) => e.type === 'progress' ? bar.set(e.loaded / (e.total ?? 1)) : undefined)
   */
  mediaPostWithProgress(this: Mastodon, media_file: MediaFile, options?: MediaPostOptions): Observable<MediaUploadEvent> {
    return defer(() => {
      const o = optionsOf(options);
      const fields = { description: o.description, focus: focusParam(o.focus) };
      const waitSeconds = o.synchronous_timeout ?? 300;
      if (!(waitSeconds > 0)) throw new MastodonIllegalArgumentError('synchronous_timeout must be a positive number of seconds');
      const files = {
        file: { input: media_file, mime_type: o.mime_type, file_name: o.file_name, what: 'media_file' },
        thumbnail: o.thumbnail === undefined ? undefined : { input: o.thumbnail, mime_type: o.thumbnail_mime_type, what: 'thumbnail' },
      };
      return this.versionCheck('1.0.0', '3.2.0').pipe(
        concatMap(() => this.verifyMinimumVersion('3.1.4', { cached: true })),
        concatMap((v2) => (o.thumbnail === undefined ? of(v2) : thumbnailSupport(this).pipe(map(() => v2)))),
        concatMap((v2) => uploadWithProgress<MediaAttachment>(this, {
          method: 'POST', path: v2 ? '/api/v2/media' : '/api/v1/media', fields, files,
        })),
        concatMap((event): Observable<MediaUploadEvent> => {
          if (event.type !== 'done' || !o.synchronous || event.result.url !== null) return of(event);
          return concat(
            of<MediaUploadEvent>({ type: 'processing', media: event.result }),
            awaitMediaProcessing(this, event.result, { timeout: waitSeconds }).pipe(
              map((result): MediaUploadEvent => ({ type: 'done', result })),
            ),
          );
        }),
      );
    });
  },

  /**
   * Decode a media attachment's blurhash into a small image, `[height][width][3]` (linear RGB
   * floats, or sRGB 0–255 with `return_linear: false`). Pure: no request, so it returns the
   * image itself; a missing or malformed hash throws `MastodonIllegalArgumentError`.
   *
   * @example const pixels = api.decodeBlurhash(media, { out_size: [8, 8] });
   */
  decodeBlurhash(this: Mastodon, media_dict: { readonly blurhash?: string | null } | string, options?: DecodeBlurhashOptions): BlurhashImage {
    return decodeBlurhash(media_dict, options);
  },

  /**
   * Change the description, focus or thumbnail of an uploaded media attachment.
   * @example api.mediaUpdate(media, { description: 'A cat asleep', focus: [0.2, 0.1] })
   */
  mediaUpdate(this: Mastodon, id: IdLike, options?: MediaUpdateOptions): Observable<MediaAttachment> {
    return defer(() => {
      const o = optionsOf(options);
      const pathParams = { id: idOf(id) };
      const fields = { description: o.description, focus: focusParam(o.focus) };
      const path = '/api/v1/media/{id}';
      const send$ = o.thumbnail === undefined
        ? this.apiRequest<MediaAttachment>({ method: 'PUT', path, params: { ...pathParams, ...fields } })
        : thumbnailSupport(this).pipe(
          concatMap(() => uploadWithProgress<MediaAttachment>(this, {
            method: 'PUT', path, pathParams, fields,
            files: { thumbnail: { input: o.thumbnail!, mime_type: o.thumbnail_mime_type, what: 'thumbnail' } },
          })),
          uploadResult(),
        );
      return this.versionCheck('2.3.0', '3.2.0').pipe(concatMap(() => send$));
    });
  },
};

/** `[x, y]` as the API takes a focal point: `"x,y"`. */
function focusParam(focus: readonly [number, number] | undefined): string | undefined {
  if (focus === undefined) return undefined;
  if (!Array.isArray(focus) || focus.length !== 2 || !focus.every((v) => typeof v === 'number' && v >= -1 && v <= 1)) {
    throw new MastodonIllegalArgumentError('focus must be [x, y] with x and y between -1 and 1');
  }
  return `${focus[0]},${focus[1]}`;
}

function thumbnailSupport(api: Mastodon): Observable<void> {
  return api.verifyMinimumVersion('3.2.0', { cached: true }).pipe(map((ok) => {
    if (!ok) throw new MastodonVersionError('Thumbnail requires version > 3.2.0');
  }));
}
