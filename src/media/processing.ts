import { catchError, concatMap, EMPTY, expand, first, type Observable, throwError, timeout, timer } from 'rxjs';
import type { MastodonClient } from '../client/client.js';
import { media as mediaAttachment } from '../endpoints/media.js';
import type { MediaAttachment } from '../entities/status.js';
import { MastodonAPIError } from '../errors.js';

/** How long and how often {@link awaitMediaProcessing} asks. */
export interface MediaProcessingOptions {
  /** Give up after this many seconds. */
  readonly timeout: number;
  /** Seconds between two polls. Default 5. */
  readonly interval?: number;
}

/**
 * Polls `GET /api/v1/media/{id}` until the server has processed the upload (its `url` is
 * set): once at once, then every `interval` seconds on the client's scheduler. Fails with a
 * `MastodonAPIError` when the server reports an error (processing failed) or when `timeout`
 * seconds pass first. Unsubscribing stops the polling.
 *
 * ## Example
 * ```ts
 * mediaPost(client, 'clip.mp4').pipe(concatMap((m) => awaitMediaProcessing(client, m, { timeout: 120 })))
 * ```
 */
export function awaitMediaProcessing(client: MastodonClient, media: MediaAttachment,
  options: MediaProcessingOptions): Observable<MediaAttachment> {
  const { id } = media;
  const intervalMs = (options.interval ?? 5) * 1000;
  const poll$ = mediaAttachment(client, id);
  const later$ = timer(intervalMs, client.scheduler).pipe(concatMap(() => poll$));
  return poll$.pipe(
    expand((current) => (current.url === null || current.url === undefined ? later$ : EMPTY)),
    first((current) => current.url !== null && current.url !== undefined),
    catchError((error: unknown) => throwError(() => (error instanceof MastodonAPIError
      ? new MastodonAPIError(`Media ${id} could not be processed: ${error.message}`, error)
      : error))),
    timeout({
      first: options.timeout * 1000,
      scheduler: client.scheduler,
      with: () => throwError(() => new MastodonAPIError(
        `Media ${id} was still being processed after ${options.timeout} s`,
        { status: 206, reason: 'Partial Content', error: 'still processing', body: media },
      )),
    }),
  );
}
