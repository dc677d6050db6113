import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { lastValueFrom } from 'rxjs';
import { mimeTypeFromName, sniffMimeType } from '../../src/index.js';
import { multipartBody } from '../../src/media/multipart.js';
import { prepareFile } from '../../src/media/source.js';
import { extensionFor } from '../../src/media/mime.js';

const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

describe('mime types', () => {
  it('recognises the common image, video and audio formats by their first bytes', () => {
    const cases: [Uint8Array, string][] = [
      [bytes([0xff, 0xd8, 0xff, 0xdb]), 'image/jpeg'],
      [bytes([0x89], 'PNG\r\n\x1a\n'), 'image/png'],
      [bytes('GIF89a'), 'image/gif'],
      [bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '), 'image/webp'],
      [bytes([0, 0, 0, 0x1c], 'ftypavif'), 'image/avif'],
      [bytes([0, 0, 0, 0x18], 'ftypheic'), 'image/heic'],
      [bytes([0, 0, 0, 0x18], 'ftypmp42'), 'video/mp4'],
      [bytes([0, 0, 0, 0x14], 'ftypqt  '), 'video/quicktime'],
      [bytes([0, 0, 0, 0x20], 'ftypM4A '), 'audio/mp4'],
      [bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x84], 'webm'), 'video/webm'],
      [bytes('OggS', [0, 2], '\x01vorbis'), 'audio/ogg'],
      [bytes('OggS', [0, 2], '\x80theora'), 'video/ogg'],
      [bytes('fLaC'), 'audio/flac'],
      [bytes('ID3', [4, 0]), 'audio/mpeg'],
      [bytes([0xff, 0xfb, 0x90, 0x64]), 'audio/mpeg'],
      [bytes([0xff, 0xf1, 0x50, 0x80]), 'audio/aac'],
      [bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt '), 'audio/wav'],
    ];
    for (const [head, type] of cases) assert.equal(sniffMimeType(head), type, type);
    assert.equal(sniffMimeType(bytes('hello world')), undefined);
    assert.equal(sniffMimeType(new Uint8Array()), undefined);
  });

  it('falls back to the extension, and names uploads with the type\'s extension', () => {
    assert.equal(mimeTypeFromName('/photos/IMG_0001.JPEG'), 'image/jpeg');
    assert.equal(mimeTypeFromName('voice.opus'), 'audio/ogg');
    assert.equal(mimeTypeFromName('notes.txt'), undefined);
    assert.equal(mimeTypeFromName(undefined), undefined);
    assert.equal(extensionFor('video/quicktime'), '.mov');
    assert.equal(extensionFor('application/x-unknown'), '');
  });
});

describe('multipart bodies', () => {
  it('stream fields and files that a standard parser reads back, with the exact length', async () => {
    const data = new Uint8Array(200_000).map((_, i) => i & 0xff);
    const file = await lastValueFrom(prepareFile(data, { mime_type: 'image/png', file_name: 'a "quoted"\nname.png' }, 'file'));
    const body = multipartBody({ description: 'é ✓', focus: '0,1', fields_attributes: { 0: { name: 'a', value: 'b' } }, flag: true, none: undefined }, { file });
    const chunks: Uint8Array[] = [];
    for await (const chunk of body.chunks()) chunks.push(chunk);
    const raw = Buffer.concat(chunks);
    assert.equal(raw.length, body.length);
    assert.ok(chunks.every((c) => c.length <= 65_536), 'no chunk larger than the read size');
    const form = await new Response(raw, { headers: { 'content-type': body.contentType } }).formData();
    assert.deepEqual([...form.keys()], ['description', 'focus', 'fields_attributes[0][name]', 'fields_attributes[0][value]', 'flag', 'file']);
    assert.equal(form.get('description'), 'é ✓');
    assert.equal(form.get('flag'), '1');
    const sent = form.get('file') as File;
    assert.equal(sent.type, 'image/png');
    assert.equal(sent.name, 'a "quoted"\nname.png', 'escaped on the wire, read back whole');
    assert.ok(raw.includes('filename="a %22quoted%22%0Aname.png"'), 'no raw quote or line break in the header');
    assert.deepEqual(new Uint8Array(await sent.arrayBuffer()), data);
  });

  it('give the same body as a Blob (for browsers) when every file is in memory or a Blob, and not for a path', async () => {
    const data = new Uint8Array(100_000).map((_, i) => (i * 7) & 0xff);
    const fromBytes = await lastValueFrom(prepareFile(data, { mime_type: 'image/png' }, 'file'));
    const fromBlob = await lastValueFrom(prepareFile(new Blob([data]), { mime_type: 'image/gif' }, 'thumbnail'));
    const body = multipartBody({ description: 'x' }, { file: fromBytes, thumbnail: fromBlob }, 'fixedboundary');
    const chunks: Uint8Array[] = [];
    for await (const chunk of body.chunks()) chunks.push(chunk);
    const blob = body.blob();
    assert.ok(blob, 'a Blob body');
    assert.equal(blob.size, body.length);
    assert.ok(Buffer.from(await blob.arrayBuffer()).equals(Buffer.concat(chunks)), 'the same bytes as the stream');
    const fromPath = await lastValueFrom(prepareFile(new URL(import.meta.url).pathname, { mime_type: 'text/plain' }, 'file'));
    assert.equal(multipartBody({}, { file: fromPath }).blob(), undefined);
  });
});
