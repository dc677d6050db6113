import { concatMap, map, throwError, type Observable } from 'rxjs';
import type { Mastodon } from '../client/mastodon.js';
import { MastodonIllegalArgumentError } from '../errors.js';
import type { IdLike } from '../ids.js';
import type { Connector } from './connection.js';
import { streamingBaseUrl } from './host.js';
import { sseConnector } from './sse-connection.js';
import { MastodonStream, type StreamOptions } from './stream.js';
import {
  directPlan, hashtagPlan, listPlan, publicPlan, userPlan, type PublicStreamFilter, type StreamPlan,
} from './targets.js';
import { socketConnector } from './websocket-connection.js';

function checkOptions(options: StreamOptions): void {
  if (typeof options !== 'object' || options === null) throw new MastodonIllegalArgumentError('Options must be an object');
  if (options.transport !== undefined && options.transport !== 'sse' && options.transport !== 'websocket') {
    throw new MastodonIllegalArgumentError(`Invalid transport ${JSON.stringify(options.transport)}; must be one of sse, websocket`);
  }
  if (options.timeout !== undefined && !(options.timeout > 0)) throw new MastodonIllegalArgumentError('timeout must be a positive number of seconds');
  if (options.malformed_events !== undefined && options.malformed_events !== 'deliver' && options.malformed_events !== 'error') {
    throw new MastodonIllegalArgumentError('malformed_events must be deliver or error');
  }
}

function connectorFor(api: Mastodon, options: StreamOptions): Connector {
  if (options.transport === 'websocket') return socketConnector(api);
  return (target) => streamingBaseUrl(api).pipe(
    concatMap((baseUrl) => sseConnector({ baseUrl, token: () => api.access_token })(target)),
  );
}

/**
 * Builds the stream of a plan; an argument that can never work fails the stream when it is
 * subscribed, never the call.
 */
function openStream(api: Mastodon, plan: () => StreamPlan, options: StreamOptions = {}): MastodonStream {
  try {
    checkOptions(options);
    const { target, catchUp } = plan();
    return new MastodonStream({ api, target, connect: connectorFor(api, options), scheduler: api.scheduler, catchUpSources: catchUp, options });
  } catch (error) {
    return new MastodonStream({
      api, target: { name: 'invalid', path: '', query: {} }, connect: () => throwError(() => error),
      scheduler: api.scheduler, catchUpSources: [], options: { reconnect: false },
    });
  }
}

/** Streaming: each method returns a hot {@link MastodonStream} of typed events. */
export const streamingMethods = {
  /**
   * The user's stream: home timeline statuses, notifications, deletes, edits, announcements,
   * filter changes. Catches up the home timeline and notifications after reconnects.
   *
   * @example api.streamUser().subscribe((e) => e.type === 'notification' && console.log(e.payload.type))
   */
  streamUser(this: Mastodon, options?: StreamOptions): MastodonStream {
    return openStream(this, userPlan, options);
  },

  /**
   * Public statuses: all known ones, or only `local` or `remote` ones, optionally `only_media`.
   *
   * @example api.streamPublic({ local: true, only_media: true }).subscribe(console.log)
   */
  streamPublic(this: Mastodon, options?: StreamOptions & PublicStreamFilter): MastodonStream {
    return openStream(this, () => publicPlan(options ?? {}), options);
  },

  /**
   * Public statuses of this server: `streamPublic({ local: true })`.
   *
   * @example api.streamLocal().subscribe(console.log)
   */
  streamLocal(this: Mastodon, options?: StreamOptions & { only_media?: boolean }): MastodonStream {
    return openStream(this, () => publicPlan({ only_media: options?.only_media, local: true }), options);
  },

  /**
   * Public statuses with a hashtag (without the `#`), of this server only with `local`.
   *
   * @example api.streamHashtag('cats', { local: true }).subscribe(console.log)
   */
  streamHashtag(this: Mastodon, tag: string, options?: StreamOptions & { local?: boolean }): MastodonStream {
    return openStream(this, () => hashtagPlan(tag, options?.local === true), options);
  },

  /**
   * Statuses of the members of one of the user's lists.
   *
   * @example api.streamList(list).subscribe(console.log)
   */
  streamList(this: Mastodon, id: IdLike, options?: StreamOptions): MastodonStream {
    return openStream(this, () => listPlan(id), options);
  },

  /**
   * The user's direct conversations (`conversation` events).
   *
   * @example api.streamDirect().subscribe((e) => e.type === 'conversation' && console.log(e.payload.last_status))
   */
  streamDirect(this: Mastodon, options?: StreamOptions): MastodonStream {
    return openStream(this, directPlan, options);
  },

  /**
   * Whether the streaming server answers its health check (`OK`).
   *
   * @example api.streamHealthy().subscribe((ok) => console.log(ok ? 'streaming up' : 'streaming down'))
   */
  streamHealthy(this: Mastodon): Observable<boolean> {
    return streamingBaseUrl(this).pipe(
      concatMap((base) => this.apiRequest<string>({ method: 'GET', path: `${base}/api/v1/streaming/health`, result: 'text', token: null })),
      map((body) => ['OK', 'success'].includes(body.trim())),
    );
  },
};
