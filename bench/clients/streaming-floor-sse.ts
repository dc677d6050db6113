// The SSE floor: a bare `undici.request` over loopback, its Node body fed to the bare SSE
// parser (`eventsource-parser`, the one `eventsource` uses) through a `TextDecoder`, and
// `JSON.parse` of every `update` event's data; the body is dropped after the events wanted.
// The same kind of floor as the request benchmark's (bare `undici.request` + `JSON.parse`).
import { createParser } from 'eventsource-parser';
import { request } from 'undici';
import type { StreamClient } from './streaming.js';

export function create(url: string, token: string): StreamClient {
  return {
    stream: async (wanted) => {
      const { statusCode, body } = await request(`${url}/api/v1/streaming/public`, {
        headers: { accept: 'text/event-stream', authorization: `Bearer ${token}` },
      });
      if (statusCode !== 200) throw new Error(`SSE floor: status ${statusCode}`);
      let count = 0;
      const parser = createParser({
        onEvent: (event) => {
          if (event.event === 'update' && JSON.parse(event.data) !== null) count += 1;
        },
      });
      const decoder = new TextDecoder();
      for await (const chunk of body as AsyncIterable<Buffer>) {
        parser.feed(decoder.decode(chunk, { stream: true }));
        if (count >= wanted) break;  // leaving the loop destroys the body
      }
      return count;
    },
  };
}
