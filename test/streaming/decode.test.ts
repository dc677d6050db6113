import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { decodeEvent, decodeSocketFrame } from '../../src/streaming/decode.js';
import { MastodonMalformedEventError } from '../../src/errors.js';

const EXAMPLES = new URL('./fixtures/streaming-examples', import.meta.url).pathname;

/** The `event:` name and `data:` text of one SSE frame file. */
function frameOf(file: string): { event: string; data: string } {
  const text = readFileSync(join(EXAMPLES, file), 'utf8');
  const event = /^event: (.*)$/m.exec(text)![1]!;
  const data = /^data: (.*)$/m.exec(text)![1]!;
  return { event, data };
}

describe('decodeEvent on the documented SSE frames', () => {
  const rows = readFileSync(join(EXAMPLES, 'index.tsv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split('\t'));
  for (const [file, , , name, kind] of rows) {
    it(`${file}: ${name} (${kind})`, () => {
      const { event, data } = frameOf(file!);
      const decoded = decodeEvent(event, data, ['user']);
      assert.equal(decoded.event, name);
      if (kind === 'json-dict') {
        assert.equal(decoded.type, name);
        const payload = (decoded as { payload: Record<string, unknown> }).payload;
        const expected = JSON.parse(readFileSync(join(EXAMPLES, file!.replace('.sse', '.payload.json')), 'utf8'));
        assert.equal(typeof payload, 'object');
        if ('id' in expected) assert.equal(payload['id'], expected.id);
        if (typeof expected.created_at === 'string') {
          assert.ok(payload['created_at'] instanceof Date);
          assert.equal((payload['created_at'] as Date).getTime(), Date.parse(expected.created_at));
        }
      } else if (kind === 'raw-id-string') {
        assert.equal(decoded.type, name);
        assert.equal((decoded as { payload: unknown }).payload, data);
        assert.equal(typeof (decoded as { payload: unknown }).payload, 'string');
      } else {
        assert.deepEqual(decoded, { type: 'filters_changed', event: 'filters_changed', stream: ['user'], payload: undefined });
      }
    });
  }
});

describe('decodeEvent edge cases', () => {
  it('keeps delete ids above 2^53 exact', () => {
    const decoded = decodeEvent('delete', '109252111498807689', ['public']);
    assert.deepEqual(decoded, { type: 'delete', event: 'delete', stream: ['public'], payload: '109252111498807689' });
  });

  it('delivers unknown events with their parsed payload or raw text', () => {
    assert.deepEqual(decodeEvent('encrypted_message', '{"id":"1","created_at":"2020-01-01T00:00:00Z"}', ['user']), {
      type: 'unknown', event: 'encrypted_message', stream: ['user'],
      data: '{"id":"1","created_at":"2020-01-01T00:00:00Z"}', payload: { id: '1', created_at: new Date('2020-01-01T00:00:00Z') },
    });
    assert.deepEqual(decodeEvent('whatever.new', 'plain', []), { type: 'unknown', event: 'whatever.new', stream: [], data: 'plain', payload: 'plain' });
  });

  it('turns bad JSON in an entity event into a malformed event, not a throw', () => {
    const decoded = decodeEvent('update', '{"id":"1",', ['public']);
    assert.equal(decoded.type, 'malformed');
    assert.ok(decoded.type === 'malformed' && decoded.error instanceof MastodonMalformedEventError);
    assert.match(decoded.type === 'malformed' ? decoded.error.message : '', /update.*not JSON/);
    assert.equal(decodeEvent('notification', '42', []).type, 'malformed');
    assert.equal(decodeEvent('update', undefined, []).type, 'malformed');
    assert.equal(decodeEvent('delete', '', []).type, 'malformed');
  });

  it('reads notifications_merged as a meaningless payload', () => {
    assert.deepEqual(decodeEvent('notifications_merged', '1', ['user']),
      { type: 'notifications_merged', event: 'notifications_merged', stream: ['user'], payload: '1' });
  });
});

describe('decodeSocketFrame on captured WebSocket frames', () => {
  const frames = readFileSync(new URL('./fixtures/ws.frames.txt', import.meta.url), 'utf8')
    .split('\n').filter((line) => line.startsWith('{'));

  it('decodes every captured frame: events doubly encoded, subscribe errors as errors', () => {
    assert.ok(frames.length >= 8);
    for (const frame of frames) {
      const decoded = decodeSocketFrame(frame);
      const raw = JSON.parse(frame);
      if (raw.error) {
        assert.deepEqual(decoded, { kind: 'error', error: raw.error, status: raw.status });
        continue;
      }
      assert.equal(decoded.kind, 'event');
      const event = decoded.kind === 'event' ? decoded.event : undefined;
      assert.notEqual(event?.type, 'malformed', frame);
      assert.deepEqual(event?.stream, raw.stream);
      assert.equal(event?.event, raw.event);
    }
  });

  it('keeps the hashtag of a hashtag stream and the id of a delete', () => {
    const decoded = decodeSocketFrame('{"stream":["hashtag","Fediverse"],"event":"delete","payload":"109"}');
    assert.deepEqual(decoded, { kind: 'event', event: { type: 'delete', event: 'delete', stream: ['hashtag', 'Fediverse'], payload: '109' } });
  });

  it('reads filters_changed without a payload', () => {
    const decoded = decodeSocketFrame('{"stream":["user"],"event":"filters_changed"}');
    assert.equal(decoded.kind === 'event' ? decoded.event.type : undefined, 'filters_changed');
  });

  it('makes a frame that is not JSON a malformed event', () => {
    const decoded = decodeSocketFrame('garbage{');
    assert.equal(decoded.kind === 'event' ? decoded.event.type : undefined, 'malformed');
  });
});

describe('fixtures', () => {
  it('has the examples it reads', () => {
    assert.ok(readdirSync(EXAMPLES).some((f) => f.endsWith('.sse')));
  });
});

describe('decoding what a hostile server sends', () => {
  const deep = '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000);

  for (const [why, data] of [
    ['no id', '{"content":"x"}'],
    ['a null id', '{"id":null}'],
    ['an object as id', '{"id":{"toString":1}}'],
    ['an empty id', '{"id":""}'],
  ] as const) {
    for (const event of ['update', 'status.update', 'notification', 'conversation', 'announcement']) {
      it(`delivers ${event} with ${why} as a malformed event`, () => {
        const decoded = decodeEvent(event, data, ['user']);
        assert.equal(decoded.type, 'malformed', JSON.stringify(decoded));
        assert.ok(decoded.type === 'malformed' && decoded.error instanceof MastodonMalformedEventError);
      });
    }
  }

  it('keeps a numeric id, made a string, as a good event', () => {
    const decoded = decodeEvent('update', '{"id":3}', ['public']);
    assert.equal(decoded.type, 'update');
    assert.equal((decoded as { payload: { id: unknown } }).payload.id, '3');
  });

  it('makes a payload nested 20,000 levels deep a malformed event, on SSE and over WebSocket', () => {
    for (const decoded of [
      decodeEvent('update', deep, ['public']),
      decodeEvent('brand.new', deep, ['public']),
      decodeSocketFrame(JSON.stringify({ stream: ['public'], event: 'update', payload: deep })).kind === 'event'
        ? (decodeSocketFrame(JSON.stringify({ stream: ['public'], event: 'update', payload: deep })) as { event: { type: string } }).event : undefined,
      (decodeSocketFrame(`{"stream":["public"],"event":"update","payload":${deep}}`) as { event: { type: string } }).event,
    ]) {
      assert.equal(decoded?.type, 'malformed');
    }
  });

  it('reads frames whose parts are not what they should be as malformed events or plain errors, never a throw', () => {
    assert.deepEqual(decodeSocketFrame('{"error":{"toString":1},"status":401}'), { kind: 'error', error: '{"toString":1}', status: 401 });
    const odd = decodeSocketFrame('{"stream":[{"toString":1}],"event":"update","payload":"{\\"id\\":\\"1\\"}"}');
    assert.equal(odd.kind === 'event' && odd.event.type, 'malformed');
  });
});
