import { Observable } from 'rxjs';
import { MastodonNetworkError } from '../errors.js';
import { apiErrorFor } from '../http/response.js';
import {
  BYTES, DEFAULT_MAX_EVENT_SIZE, HEARTBEAT, OPEN, streamHeaders, streamKey, targetUrl,
  type ConnectionSignal, type ConnectSettings, type Connector, type SseHostConfig, type StreamTarget,
} from './connection.js';
import { decodeEvent } from './decode.js';
import { readerOf, requestStream, type NodeStreamResponse } from './node-stream-fetch.js';
import { refusalText } from './refusal.js';
import { SseParser } from './sse-parser.js';
import { SseSizeGuard } from './size-guard.js';
import { statusText } from './status-text.js';

/** Why a request failed, with its causes, as `eventsource` words it. */
function reason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause instanceof Error ? `${error.message}: ${reason(error.cause)}` : error.message;
}

/** The error of a response that does not open a stream: the server's refusal, or a body that is no event stream. */
async function refusalOf(response: NodeStreamResponse): Promise<Error | undefined> {
  const { statusCode, headers, body } = response;
  if (statusCode !== 200) {
    const text = await refusalText({ getReader: () => readerOf(body) });
    return apiErrorFor({ status: statusCode, statusText: statusText(statusCode), headers: {}, body: text });
  }
  const type = headers['content-type'];
  if (!(typeof type === 'string' && type.startsWith('text/event-stream'))) {
    body.destroy();
    return new MastodonNetworkError('Stream connection failed: Invalid content type, expected "text/event-stream"');
  }
  return undefined;
}

/**
 * The SSE transport in Node: one `undici.request` per connection, its body's chunks read as
 * they come off the socket by a parser of bytes ({@link SseParser}) that hands each event to
 * {@link decodeEvent}, with no `EventSource`, web stream or text decoder over the whole body
 * between. It behaves as the `EventSource` transport does: the token goes to the streaming
 * host only, a refusal is the status's error with the server's message, comment lines are
 * heartbeats, every byte counts for stall detection, a line or event longer than
 * `settings.maxEventSize` drops the connection before it is held, the end of the body is a
 * `MastodonNetworkError`, and unsubscribing closes the socket.
 *
 * ## Example
 * ```ts
 * const connect = nodeSseConnector({ baseUrl: 'https://streaming.example', token: () => token });
 * connect({ name: 'user', path: '/api/v1/streaming/user', query: {} }).subscribe(console.log);
 * ```
 */
export function nodeSseConnector(config: SseHostConfig): Connector {
  return (target: StreamTarget, settings?: ConnectSettings) => new Observable<ConnectionSignal>((subscriber) => {
    const url = targetUrl(config.baseUrl, target);
    const stream = streamKey(target);
    const abort = new AbortController();
    let response: NodeStreamResponse | undefined;
    const fail = (error: unknown): void => {
      if (subscriber.closed) return;
      abort.abort();
      response?.body.destroy();
      subscriber.error(error);
    };

    const guard = new SseSizeGuard(settings?.maxEventSize ?? DEFAULT_MAX_EVENT_SIZE);
    const parser = new SseParser({
      event: (name, data) => {
        // What is left of a chunk after the last subscriber left is not worth decoding.
        if (!subscriber.closed) subscriber.next({ kind: 'event', event: decodeEvent(name, data, stream) });
      },
      comment: () => subscriber.next(HEARTBEAT),
    });
    const read = (chunk: Buffer): void => {
      if (!guard.fits(chunk)) {
        // Not a byte of it reaches the parser: the connection is dropped, and the stream reconnects.
        fail(guard.tooLong());
        return;
      }
      subscriber.next(BYTES);
      try {
        parser.push(chunk);
      } catch (error) {
        // Nothing a server sends may throw into the socket's listener (and from there out of reach).
        fail(error);
      }
    };

    requestStream(url, { accept: 'text/event-stream', ...streamHeaders(config, url) }, abort.signal).then(async (opened) => {
      response = opened;
      if (subscriber.closed) {
        opened.body.destroy();
        return;
      }
      const refusal = await refusalOf(opened);
      if (refusal) {
        fail(refusal);
        return;
      }
      subscriber.next(OPEN);
      opened.body.on('data', read);
      opened.body.on('end', () => fail(new MastodonNetworkError('Server ceased communication.')));
      opened.body.on('close', () => fail(new MastodonNetworkError('Server ceased communication.')));
      opened.body.on('error', (error: unknown) => fail(new MastodonNetworkError(`Stream connection failed: ${reason(error)}`)));
    }).catch((error: unknown) => fail(new MastodonNetworkError(`Stream connection failed: ${reason(error)}`)));
    return () => {
      abort.abort();
      response?.body.destroy();
    };
  });
}
