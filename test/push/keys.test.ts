import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { generatePushKeys } from '../../src/index.js';

describe('generatePushKeys', () => {
  it('gives a 32-byte private key every time, leading zero bytes included (node:crypto drops them from one key in 256)', () => {
    // 2048 keys: with the zeros dropped, at least one would be short but for a chance of 1 in 3000.
    for (let i = 0; i < 2048; i++) {
      const [priv] = generatePushKeys();
      assert.equal(Buffer.from(priv.privkey, 'base64url').length, 32);
    }
  });
});
