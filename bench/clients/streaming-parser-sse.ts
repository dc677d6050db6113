// A reference beside the SSE floor: the bare SSE parser (`eventsource-parser`, the one `eventsource` uses) and
// `JSON.parse` of every event's data, on the same bytes the server sends, fed from memory in
// 64 KB chunks: no socket, no HTTP.
import { createParser } from 'eventsource-parser';
import { sseBody, streamPayloads } from '../support/stream-server.js';
import type { StreamClient } from './streaming.js';

export function create(): StreamClient {
  let bytes: Buffer | undefined;
  return {
    stream: async (wanted) => {
      bytes ??= sseBody(streamPayloads(wanted));
      let count = 0;
      const parser = createParser({
        onEvent: (event) => {
          if (event.event === 'update' && JSON.parse(event.data) !== null) count += 1;
        },
      });
      const decoder = new TextDecoder();
      for (let i = 0; i < bytes.length && count < wanted; i += 64 * 1024) parser.feed(decoder.decode(bytes.subarray(i, i + 64 * 1024), { stream: true }));
      return count;
    },
  };
}
