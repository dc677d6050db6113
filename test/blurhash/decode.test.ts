import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { encode } from 'blurhash';
import { decodeBlurhash, Mastodon, MastodonIllegalArgumentError } from '../../src/index.js';

/** sRGB 0–255 to linear light, the standard formula, written out here independently. */
const toLinear = (v: number): number => (v / 255 <= 0.04045 ? v / 255 / 12.92 : Math.pow((v / 255 + 0.055) / 1.055, 2.4));
const toSrgb = (v: number): number => {
  const c = Math.min(1, Math.max(0, v));
  return Math.trunc((c <= 0.0031308 ? c * 12.92 : 1.055 * Math.pow(c, 1 / 2.4) - 0.055) * 255 + 0.5);
};

function image(width: number, height: number, colour: (x: number, y: number) => [number, number, number]): Uint8ClampedArray {
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = colour(x, y);
      pixels.set([r, g, b, 255], (y * width + x) * 4);
    }
  }
  return pixels;
}

describe('decodeBlurhash', () => {
  it('decodes a one-colour image to that colour: linear floats by default, sRGB on request', () => {
    const hash = encode(image(32, 32, () => [200, 100, 50]), 32, 32, 1, 1);
    const linear = decodeBlurhash({ blurhash: hash });
    assert.equal(linear.length, 16, 'height: 16 per vertical component');
    assert.equal(linear[0]!.length, 16, 'width: 16 per horizontal component');
    for (const row of linear) {
      for (const pixel of row) {
        pixel.forEach((channel, c) => assert.ok(Math.abs(channel - toLinear([200, 100, 50][c]!)) < 1e-9, `${channel}`));
      }
    }
    const srgb = decodeBlurhash(hash, { return_linear: false });
    assert.deepEqual(new Set(srgb.flat().map((p) => p.join(','))), new Set(['200,100,50']));
  });

  it('reconstructs a smooth gradient within tolerance, at an absolute size', () => {
    const width = 64;
    const height = 32;
    // Falling, not rising: blurhash 2.0.5's encoder scales the AC terms by their largest
    // signed value, which clips images whose strongest term is negative.
    const gradient = (x: number, y: number): [number, number, number] => [255 - Math.round((x / (width - 1)) * 255), 80, 200 - Math.round((y / (height - 1)) * 200)];
    const hash = encode(image(width, height, gradient), width, height, 5, 4);
    const decoded = decodeBlurhash({ blurhash: hash }, { out_size: [width, height], size_per_component: false, return_linear: false });
    assert.equal(decoded.length, height);
    assert.equal(decoded[0]!.length, width);
    let error = 0;
    decoded.forEach((row, y) => row.forEach((pixel, x) => {
      const expected = gradient(x, y);
      pixel.forEach((channel, c) => { error += Math.abs(channel - expected[c]!); });
    }));
    const meanError = error / (width * height * 3);
    assert.ok(meanError < 10, `mean error ${meanError.toFixed(2)} of 255`);
  });

  it('gives linear values whose sRGB form is the blurhash package\'s own decoding', () => {
    const hash = 'UPNKI$xbloIA9ZoI.8RjK-oy%NkD%hW?i^t6';
    const sized = decodeBlurhash(hash);
    assert.deepEqual([sized.length, sized[0]!.length, sized[0]![0]!.length], [4 * 16, 4 * 16, 3], 'U: 4 × 4 components, 16 pixels each');
    const linear = decodeBlurhash(hash, { out_size: [3, 5] });
    const srgb = decodeBlurhash(hash, { out_size: [3, 5], return_linear: false });
    assert.equal(linear.length, srgb.length);
    let differing = 0;
    linear.forEach((row, y) => row.forEach((pixel, x) => pixel.forEach((channel, c) => {
      const diff = Math.abs(toSrgb(channel) - srgb[y]![x]![c]!);
      assert.ok(diff <= 1, `pixel ${x},${y} channel ${c} differs by ${diff}`);
      if (diff > 0) differing++;
    })));
    assert.ok(differing < 5, 'at most rounding ties differ');
    assert.ok(linear.flat(2).some((v) => !Number.isInteger(v)), 'linear values are floats');
  });

  it('is also a method of the client, and rejects malformed hashes and sizes with MastodonIllegalArgumentError', () => {
    const api = new Mastodon({ api_base_url: 'https://mastodon.example' });
    assert.equal(api.decodeBlurhash('LEHV6nWB2yk8pyo0adR*.7kCMdnj', { out_size: [1, 1] }).length, 3);
    for (const bad of ['', 'abc', 'LEHV6nWB2yk8pyo0adR*.7kCMdn', 'LEHV6nWB2yk8pyo0adR*.7kCMdn"', null]) {
      assert.throws(() => decodeBlurhash({ blurhash: bad }), MastodonIllegalArgumentError, String(bad));
    }
    assert.throws(() => decodeBlurhash({}), MastodonIllegalArgumentError);
    assert.throws(() => decodeBlurhash('LEHV6nWB2yk8pyo0adR*.7kCMdnj', { out_size: [0, 4] }), MastodonIllegalArgumentError);
  });
});
