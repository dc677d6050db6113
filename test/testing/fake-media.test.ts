import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { readMediaInfo } from '../../src/testing/media-meta.js';
import { clientFor, useFakeServer } from '../support/fake.js';

function u32(n: number): number[] {
  return [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
}

function box(type: string, ...content: number[][]): number[] {
  const body = content.flat();
  return [...u32(8 + body.length), ...Buffer.from(type), ...body];
}

/** A PNG header of `width` × `height`. */
function png(width: number, height: number): Uint8Array {
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...u32(13), ...Buffer.from('IHDR'), ...u32(width), ...u32(height), 8, 2, 0, 0, 0, ...new Array(64).fill(0)]);
}

/** An MP4 with one video track of `width` × `height`, `seconds` long at `fps` frames a second. */
function mp4(width: number, height: number, seconds: number, fps: number): Uint8Array<ArrayBuffer> {
  const scale = 1000;
  const mvhd = box('mvhd', [0, 0, 0, 0], u32(0), u32(0), u32(scale), u32(seconds * scale), new Array(80).fill(0));
  const tkhd = box('tkhd', [0, 0, 0, 0], new Array(72).fill(0), u32(width * 65536), u32(height * 65536));
  const mdhd = box('mdhd', [0, 0, 0, 0], u32(0), u32(0), u32(fps * 512), u32(seconds * fps * 512), [0, 0, 0, 0]);
  const stts = box('stts', [0, 0, 0, 0], u32(1), u32(seconds * fps), u32(512));
  const trak = box('trak', tkhd, box('mdia', mdhd, box('minf', box('stbl', stts))));
  return Uint8Array.from([...box('ftyp', [...Buffer.from('isom'), 0, 0, 2, 0]), ...box('moov', mvhd, trak), ...box('mdat', new Array(1000).fill(1))]);
}

describe('what the fake server reads from an upload\'s header', () => {
  it('reads the size of PNG, GIF, JPEG and WebP images and the size, length and frame rate of MP4 videos', () => {
    assert.deepEqual(readMediaInfo(png(800, 600)), { width: 800, height: 600 });
    assert.deepEqual(readMediaInfo(Uint8Array.from([...Buffer.from('GIF89a'), 0x20, 0x03, 0x58, 0x02, 0, 0])), { width: 800, height: 600 });
    const jpeg = [0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc0, 0, 17, 8, ...[0x02, 0x58], ...[0x03, 0x20], 3, ...new Array(12).fill(0)];
    assert.deepEqual(readMediaInfo(Uint8Array.from(jpeg)), { width: 800, height: 600 });
    const webp = [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WEBPVP8X'), ...new Array(8).fill(0), 0x1f, 0x03, 0, 0x57, 0x02, 0];
    assert.deepEqual(readMediaInfo(Uint8Array.from(webp)), { width: 800, height: 600 });
    assert.deepEqual(readMediaInfo(mp4(640, 360, 7, 30)), { duration: 7, width: 640, height: 360, frameRate: '30/1' });
    assert.deepEqual(readMediaInfo(Uint8Array.from(new Array(40).fill(0x42))), {});
  });
});

describe('media of the fake server, described as Mastodon describes them', () => {
  const fake = useFakeServer();

  it('gives an image its geometry and that of its small copy (at most 480 × 480 pixels)', async () => {
    const api = clientFor(fake.server, 'photographer');
    const media = await firstValueFrom(api.mediaPost(png(800, 600), { mime_type: 'image/png', focus: [0.5, -0.5] }));
    assert.deepEqual(media.meta, {
      original: { width: 800, height: 600, size: '800x600', aspect: 800 / 600 },
      small: { width: 554, height: 416, size: '554x416', aspect: 554 / 416 },
      focus: { x: 0.5, y: -0.5 },
    });
    assert.ok(media.preview_url);
    assert.ok(media.blurhash);
  });

  it('gives a video its size, frame rate, length and bitrate, a thumbnail and its colours, processed by the first poll', async () => {
    const api = clientFor(fake.server, 'filmmaker');
    const bytes = mp4(640, 640, 7, 30);
    const uploaded = await fetch(`${fake.server.url}/api/v2/media`, {
      method: 'POST', headers: { authorization: `Bearer ${fake.server.createUser('director').token}` },
      body: (() => { const form = new FormData(); form.append('file', new Blob([bytes], { type: 'video/mp4' }), 'cat.mp4'); return form; })(),
    });
    assert.equal(uploaded.status, 202);
    assert.equal(((await uploaded.json()) as { url: unknown }).url, null);
    const media = await firstValueFrom(api.mediaPost(bytes, { mime_type: 'video/mp4', synchronous: true }));
    assert.deepEqual(media.meta?.original, { width: 640, height: 640, frame_rate: '30/1', duration: 7, bitrate: Math.round((bytes.length * 8) / 7) });
    assert.deepEqual(media.meta?.small, { width: 400, height: 400, size: '400x400', aspect: 1 });
    assert.deepEqual(Object.keys(media.meta?.colors ?? {}), ['background', 'foreground', 'accent']);
    assert.ok(media.url);
    assert.ok(media.preview_url);
    assert.ok(media.blurhash);
  });
});
