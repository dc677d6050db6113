import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { SseSizeGuard } from '../../src/streaming/size-guard.js';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

/**
 * What an SSE parser holds at the end of `text`, read character by character: the line not
 * yet ended, and the event since the last blank line (its line ends counted).
 */
function held(text: string): { line: number; event: number } {
  let line = 0;
  let event = 0;
  let lineEmpty = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' && text[i - 1] === '\r') { event += 1; continue; }  // the LF of a CRLF
    if (c === '\n' || c === '\r') {
      if (lineEmpty) event = 0;
      else event += 1;
      line = 0;
      lineEmpty = true;
    } else {
      line += 1;
      event += 1;
      lineEmpty = false;
    }
  }
  return { line, event };
}

describe('SseSizeGuard', () => {
  it('lets events of any number under the limit through, and stops a line that never ends', () => {
    const guard = new SseSizeGuard(100);
    for (let i = 0; i < 1000; i++) assert.equal(guard.fits(bytes(`event: update\ndata: {"id":"${i}"}\n\n:thump\n`)), true);
    assert.equal(guard.fits(bytes(`data: ${'x'.repeat(60)}`)), true);
    assert.equal(guard.fits(bytes('x'.repeat(60))), false);
  });

  it('stops an event of many short data lines, and starts counting again after each blank line', () => {
    const guard = new SseSizeGuard(120);
    for (let i = 0; i < 9; i++) assert.equal(guard.fits(bytes('data: 12345\n')), true);
    assert.equal(guard.fits(bytes('\n')), true);  // the blank line ends the event
    for (let i = 0; i < 10; i++) assert.equal(guard.fits(bytes('data: 12345\n')), true);
    assert.equal(guard.fits(bytes('data: 12345\n')), false);
  });

  it('sees blank lines made of CR, LF and CRLF, also across chunks', () => {
    for (const blank of ['\r\r', '\n\r', '\r\n\r\n']) {
      const guard = new SseSizeGuard(20);
      const text = `data: 1234567890${blank}data: 1234567890${blank}`;
      for (let i = 0; i < text.length; i++) assert.equal(guard.fits(bytes(text[i]!)), true, JSON.stringify(blank));
    }
  });

  it('for any text cut anywhere, fails at a chunk exactly when what a parser holds there outgrows the limit (give or take the LF of a CRLF)', () => {
    fc.assert(fc.property(
      fc.array(fc.constantFrom('data: abc', 'x', '\n', '\r', '\r\n', ':thump', 'event: u'), { maxLength: 60 }),
      fc.array(fc.nat(), { maxLength: 10 }), fc.integer({ min: 5, max: 40 }),
      (parts, cuts, limit) => {
        const text = parts.join('');
        const ends = [...new Set([...cuts.map((c) => c % (text.length + 1)), text.length])].filter((e) => e > 0).sort((a, b) => a - b);
        const guard = new SseSizeGuard(limit);
        let from = 0;
        for (const to of ends) {
          const fits = guard.fits(bytes(text.slice(from, to)));
          from = to;
          const { line, event } = held(text.slice(0, to));
          if (line > limit || event > limit) assert.equal(fits, false, `missed at ${to}`);
          if (!fits) {
            assert.ok(line > limit || event >= limit, `false alarm at ${to}: line ${line}, event ${event}`);
            return;  // the connection is dropped here
          }
        }
      },
    ), { numRuns: 500 });
  });
});
