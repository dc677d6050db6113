import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CommentSpotter, countNewlineColons } from '../../src/streaming/comment-spotter.js';

const encoder = new TextEncoder();

/** The comment lines of a whole text, counted the plain way. */
function commentLines(text: string): number {
  return text.split('\n').filter((line) => line.startsWith(':')).length;
}

const sseText = fc.array(fc.constantFrom(':)', ':thump', 'event: update', 'data: {"a":"b:c"}', '', 'data: x\n:', ': '), { maxLength: 30 })
  .map((lines) => lines.join('\n'));

describe('CommentSpotter', () => {
  it('counts the comment lines of a stream however it is cut into chunks', () => {
    fc.assert(fc.property(sseText, fc.array(fc.nat(), { maxLength: 8 }), (text, cuts) => {
      const bytes = encoder.encode(text);
      const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const spotter = new CommentSpotter();
      let counted = 0;
      let from = 0;
      for (const to of [...points, bytes.length]) {
        counted += spotter.count(bytes.subarray(from, to));
        from = to;
      }
      assert.equal(counted, commentLines(text), `text ${JSON.stringify(text)} cut at ${points}`);
    }));
  });

  it('finds `\\n:` the same with Buffer#indexOf and with the portable scan', () => {
    fc.assert(fc.property(sseText, fc.nat(), (text, start) => {
      const bytes = encoder.encode(`x${text}`);
      const chunk = bytes.subarray(start % bytes.length);
      assert.equal(countNewlineColons(chunk, true), countNewlineColons(chunk, false), JSON.stringify(text));
    }));
  });
});
