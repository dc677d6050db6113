import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SseParser } from '../../src/streaming/sse-parser.js';

type Seen = ['event', string, string] | ['comment'];

/** What the parser reports for `chunks`. */
function parse(chunks: readonly Uint8Array[]): Seen[] {
  const seen: Seen[] = [];
  const parser = new SseParser({ event: (name, data) => seen.push(['event', name, data]), comment: () => seen.push(['comment']) });
  for (const chunk of chunks) parser.push(chunk);
  return seen;
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * The HTML standard's interpretation of a whole event stream, written as plainly as it reads:
 * lines end at CRLF, LF or CR; a blank line dispatches the event if it has data; the last
 * line, not ended, is dropped with its event.
 */
function reference(text: string): Seen[] {
  const seen: Seen[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r\n|\r|\n/);
  lines.pop();  // not ended: not a line yet
  let data: string[] = [];
  let name = '';
  for (const line of lines) {
    if (line === '') {
      if (data.length > 0) seen.push(['event', name || 'message', data.join('\n')]);
      data = [];
      name = '';
      continue;
    }
    if (line.startsWith(':')) {
      seen.push(['comment']);
      continue;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    if (field === 'event') name = value;
  }
  return seen;
}

describe('SseParser', () => {
  it('reads Mastodon\'s events, heartbeats and multi-line data', () => {
    assert.deepEqual(parse([bytes(':)\nevent: update\ndata: {"id":"1"}\n\n:thump\nevent: delete\ndata: 109\n\ndata: a\ndata:b\n\n')]), [
      ['comment'], ['event', 'update', '{"id":"1"}'], ['comment'], ['event', 'delete', '109'], ['event', 'message', 'a\nb'],
    ]);
  });

  it('decodes text cut inside a UTF-8 sequence, skips a leading BOM, and holds back an event that has not ended', () => {
    const text = bytes('\uFEFFevent: update\ndata: {"content":"café 🐘"}\n\nevent: update\ndata: {"id"');
    const seen = parse(Array.from(text, (byte) => Uint8Array.of(byte)));
    assert.deepEqual(seen, [['event', 'update', '{"content":"café 🐘"}']]);
  });

  it('skips a BOM at the start of the stream only: elsewhere it is part of the line', () => {
    assert.deepEqual(parse([bytes('\n\uFEFFdata: abc\n\ndata: \uFEFFx\n\n')]), [['event', 'message', '\uFEFFx']]);
  });

  it('ends lines at CR, LF and CRLF, a CRLF cut between chunks counting once', () => {
    assert.deepEqual(parse([bytes('data: 1\r'), bytes('\n\r'), bytes('\ndata: 2\r\r'), bytes('data: 3\n\n')]), [
      ['event', 'message', '1'], ['event', 'message', '2'], ['event', 'message', '3'],
    ]);
  });

  it('ignores id, retry and unknown fields, and a blank line with no data before it', () => {
    assert.deepEqual(parse([bytes('id: 5\nretry: 10\nfoo: bar\n\nevent: x\n\ndata\n\nevent\ndata: 1\n\n')]), [
      ['event', 'message', ''], ['event', 'message', '1'],
    ]);
  });

  it('for any stream cut anywhere, reports what the standard\'s interpretation reads', () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom('data: abc', 'data:x', 'data', 'event: update', 'event:', ':thump', 'id: 1', 'retry: 5', 'dätä: ü',
        'x', ' ', ':', '\n', '\r', '\r\n', '🐘', '\uFEFF'), { maxLength: 60 }),
      fc.array(fc.nat(), { maxLength: 12 }),
      (parts, cuts) => {
        const text = bytes(parts.join(''));
        const ends = [...new Set([...cuts.map((c) => c % (text.length + 1)), text.length])].sort((a, b) => a - b);
        const chunks: Uint8Array[] = [];
        let from = 0;
        for (const to of ends) {
          chunks.push(text.subarray(from, to));
          from = to;
        }
        assert.deepEqual(parse(chunks), reference(parts.join('')));
      },
    ), { numRuns: 3000 });
  });
});
