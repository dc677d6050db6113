import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { countableLength, fakeLimits } from '../../src/testing/index.js';
import { useFakeServer } from '../support/fake.js';

/** Sends JSON to the fake server with a user's token; the status and JSON answer. */
async function call(url: string, token: string, method = 'GET', body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(url, {
    method, headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  return { status: response.status, json: await response.json() as Record<string, unknown> };
}

/** Uploads bytes as a file part. */
async function upload(url: string, token: string, bytes: Uint8Array<ArrayBuffer>, type: string): Promise<{ status: number; json: Record<string, unknown> }> {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), 'upload');
  const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
  return { status: response.status, json: await response.json() as Record<string, unknown> };
}

function png(width: number, height: number): Uint8Array<ArrayBuffer> {
  const u32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff];
  return Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...u32(13), ...Buffer.from('IHDR'), ...u32(width), ...u32(height), 8, 2, 0, 0, 0]);
}

describe('the limits the fake server announces', () => {
  const fake = useFakeServer();
  const url = (path: string): string => `${fake.server.url}${path}`;

  it('are in its instance\'s configuration, as Mastodon 4.0 announces them', async () => {
    const instance = (await (await fetch(url('/api/v1/instance'))).json()) as { configuration: Record<string, Record<string, unknown>>; thumbnail: unknown };
    assert.deepEqual(instance.configuration['statuses'], { max_characters: 500, max_media_attachments: 4, characters_reserved_per_url: 23 });
    assert.deepEqual(instance.configuration['polls'], { max_options: 4, max_characters_per_option: 50, min_expiration: 300, max_expiration: 2629746 });
    assert.deepEqual(instance.configuration['accounts'], { max_featured_tags: 10 });
    const media = instance.configuration['media_attachments']!;
    assert.equal(media['image_size_limit'], 10485760);
    assert.equal(media['video_size_limit'], 41943040);
    assert.ok((media['supported_mime_types'] as string[]).includes('image/png'));
    assert.equal(typeof instance.thumbnail, 'string');
  });

  it('count a status as Mastodon does: URLs as 23 characters, remote mentions by their local part, the content warning too', async () => {
    const { token } = fake.server.createUser('counter');
    const longUrl = `https://example.com/${'a'.repeat(600)}`;
    assert.equal(countableLength(`see ${longUrl} @alice@far.away.example`, 23), 4 + 23 + 1 + 6);
    assert.equal(countableLength('👩‍👩‍👧‍👦'.repeat(3), 23), 3);
    const post = (status: string, extra: Record<string, unknown> = {}) => call(url('/api/v1/statuses'), token, 'POST', { status, ...extra });
    assert.equal((await post('x'.repeat(500))).status, 200);
    assert.equal((await post(`${'x'.repeat(470)} ${longUrl}`)).status, 200);
    assert.deepEqual(await post('x'.repeat(501)), { status: 422, json: { error: 'Validation failed: Text character limit of 500 exceeded' } });
    assert.equal((await post('x'.repeat(490), { spoiler_text: 'y'.repeat(11) })).status, 422);
    const posted = await post('short');
    const edit = await call(url(`/api/v1/statuses/${String(posted.json['id'])}`), token, 'PUT', { status: 'z'.repeat(501) });
    assert.equal(edit.status, 422);
    assert.equal((await call(url(`/api/v1/statuses/${String(posted.json['id'])}/source`), token)).json['text'], 'short');
  });

  it('follow a test\'s changes: announced and enforced alike', async () => {
    const { token } = fake.server.createUser('glitchy');
    fakeLimits(fake.server.store).statuses.max_characters = 5000;
    try {
      const instance = (await (await fetch(url('/api/v1/instance'))).json()) as { configuration: { statuses: { max_characters: number } } };
      assert.equal(instance.configuration.statuses.max_characters, 5000);
      assert.equal((await call(url('/api/v1/statuses'), token, 'POST', { status: 'x'.repeat(4000) })).status, 200);
    } finally {
      fakeLimits(fake.server.store).statuses.max_characters = 500;
    }
  });

  it('refuse polls beyond their bounds with all of Mastodon\'s reasons', async () => {
    const { token } = fake.server.createUser('pollster');
    const poll = (options: string[], expires_in: number) => call(url('/api/v1/statuses'), token, 'POST', { status: 'vote', poll: { options, expires_in } });
    assert.deepEqual((await poll(['a', 'b', 'c', 'd', 'a'], 600)).json, { error: "Validation failed: Choices can't contain more than 4 items, Choices contain duplicate items" });
    assert.deepEqual((await poll(['a'], 60)).json, { error: 'Validation failed: Choices must have more than one item, Deadline is too soon' });
    assert.deepEqual((await poll(['a', 'b'.repeat(51)], 3_000_000)).json, { error: 'Validation failed: Choices cannot be longer than 50 characters each, Deadline is too far into the future' });
    assert.equal((await poll(['a', 'b'.repeat(50)], 300)).status, 200);
  });

  it('refuse more media than a status may carry, and files larger than allowed', async () => {
    const { token } = fake.server.createUser('uploader');
    const attach = await call(url('/api/v1/statuses'), token, 'POST', { status: 'many', media_ids: ['1', '2', '3', '4', '5'] });
    assert.deepEqual(attach, { status: 422, json: { error: 'Cannot attach more than 4 files' } });
    const limits = fakeLimits(fake.server.store).media_attachments;
    limits.image_size_limit = 10;
    try {
      const refused = await upload(url('/api/v2/media'), token, png(10, 10), 'image/png');
      assert.deepEqual(refused, { status: 422, json: { error: 'Validation failed: File must be less than 10 Bytes, File file size must be less than 10 Bytes' } });
    } finally {
      limits.image_size_limit = 10 * 1024 * 1024;
    }
    const big = await upload(url('/api/v2/media'), token, png(8000, 8000), 'image/png');
    assert.deepEqual((big.json['meta'] as { original: unknown }).original, { width: 4096, height: 4096, size: '4096x4096', aspect: 1 });
  });

  it('refuse a profile beyond its limits, and cut fields to their length as Mastodon does', async () => {
    const { token } = fake.server.createUser('profiled');
    const update = (body: unknown) => call(url('/api/v1/accounts/update_credentials'), token, 'PATCH', body);
    assert.deepEqual((await update({ display_name: 'd'.repeat(31), note: 'n'.repeat(501) })).json, {
      error: 'Validation failed: Display name is too long (maximum is 30 characters), Note character limit of 500 exceeded',
    });
    const five = Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name, i) => [String(i), { name, value: name }]));
    assert.deepEqual((await update({ fields_attributes: five })).json, { error: 'Validation failed: Fields is too long (maximum is 4 characters)' });
    const cut = await update({ fields_attributes: { 0: { name: 'n'.repeat(300), value: 'v' }, 1: { name: '', value: 'dropped' } } });
    assert.deepEqual((cut.json['fields'] as { name: string }[]).map((f) => f.name.length), [255]);
  });

  it('refuse featuring more hashtags, and pinning more statuses, than allowed', async () => {
    const { token } = fake.server.createUser('featurer');
    for (let i = 0; i < 10; i++) assert.equal((await call(url('/api/v1/featured_tags'), token, 'POST', { name: `tag${i}` })).status, 200);
    assert.deepEqual((await call(url('/api/v1/featured_tags'), token, 'POST', { name: 'tag10' })).json, {
      error: 'Validation failed: You have already featured the maximum number of hashtags',
    });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push(String((await call(url('/api/v1/statuses'), token, 'POST', { status: `pin ${i}` })).json['id']));
    for (const id of ids.slice(0, 5)) assert.equal((await call(url(`/api/v1/statuses/${id}/pin`), token, 'POST')).status, 200);
    assert.deepEqual((await call(url(`/api/v1/statuses/${ids[5]!}/pin`), token, 'POST')).json, {
      error: 'Validation failed: You have already pinned the maximum number of posts',
    });
    const other = fake.server.createUser('pinner_other');
    assert.deepEqual((await call(url(`/api/v1/statuses/${ids[5]!}/pin`), other.token, 'POST')).json, {
      error: "Validation failed: Someone else's post cannot be pinned",
    });
  });
});
