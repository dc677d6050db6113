import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MAX_ENTITY_DEPTH, reviveEntities } from '../../src/entities/revive.js';
import { MastodonEntityTooDeepError } from '../../src/errors.js';

/** What reviving means, written the slow and obvious way: a JSON.parse reviver over every key. */
function reviveBySpec(json: string): unknown {
  const iso = new Set(['created_at', 'edited_at', 'expires_at', 'last_status_at', 'date', 'period']);
  return JSON.parse(json, (key, value: unknown) => {
    if ((key === 'id' || key.endsWith('_id')) && typeof value === 'number') return String(value);
    const epoch = key === 'week' || key === 'day';
    if (!epoch && !iso.has(key)) return value;
    let parsed: Date;
    if (typeof value === 'number') parsed = new Date(value * 1000);
    else if (typeof value === 'string' && epoch && /^\d+$/.test(value)) parsed = new Date(Number(value) * 1000);
    else if (typeof value === 'string' && !epoch && /^\d{4}-\d{2}-\d{2}/.test(value)) parsed = new Date(value);
    else return value;
    return Number.isNaN(parsed.getTime()) ? value : parsed;
  });
}

describe('reviveEntities', () => {
  it('turns the date fields of a status, its account and its reblog into Dates, and nothing else', () => {
    const status = reviveEntities(JSON.parse(JSON.stringify({
      id: '109444232012237245', created_at: '2022-12-01T19:48:34.595Z', edited_at: null, content: '<p>2022-12-01</p>',
      account: { id: '1', created_at: '2022-11-30T00:00:00.000Z', last_status_at: '2022-12-01', followers_count: 3 },
      reblog: { id: '2', created_at: '2022-12-01T10:00:00.000Z', poll: { expires_at: '2022-12-02T10:00:00.000Z' } },
      history: [{ day: '1669852800', uses: '4' }],
    })) as unknown) as Record<string, any>;
    assert.deepEqual(status['created_at'], new Date('2022-12-01T19:48:34.595Z'));
    assert.equal(status['edited_at'], null);
    assert.equal(status['content'], '<p>2022-12-01</p>');
    assert.equal(status['id'], '109444232012237245');
    assert.deepEqual(status['account'].last_status_at, new Date('2022-12-01'));
    assert.equal(status['account'].followers_count, 3);
    assert.deepEqual(status['reblog'].poll.expires_at, new Date('2022-12-02T10:00:00.000Z'));
    assert.deepEqual(status['history'][0].day, new Date(1669852800 * 1000));
    assert.equal(status['history'][0].uses, '4');
  });

  it('makes ids sent as numbers strings, and leaves other numbers alone', () => {
    const role = reviveEntities(JSON.parse('{"id":3,"permissions":1,"position":10,"application_id":7,"account":{"id":"5","followers_count":2}}') as unknown);
    assert.deepEqual(role, { id: '3', permissions: 1, position: 10, application_id: '7', account: { id: '5', followers_count: 2 } });
  });

  it('leaves values that are not dates as they came', () => {
    const odd = { created_at: 'yesterday', expires_at: '2022-13-45T99:00:00Z', week: 'last', day: true, edited_at: 1e300, period: '9'.repeat(20) };
    assert.deepEqual(reviveEntities({ ...odd }), odd);
  });

  it('agrees with the slow reviver on any JSON built from date-like keys and values', () => {
    const key = fc.constantFrom('created_at', 'edited_at', 'expires_at', 'last_status_at', 'date', 'period', 'week', 'day', 'id', 'account_id', 'content', 'uses', 'followers_count');
    const leaf = fc.oneof(
      fc.constantFrom('2022-12-01T19:48:34.595Z', '2022-12-01', '1669852800', '12', 'x2022-12-01', '2022-99-99', '', '0'),
      fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null),
    );
    const { tree } = fc.letrec((self) => ({
      tree: fc.oneof({ depthSize: 'small' }, leaf, fc.array(self('tree'), { maxLength: 4 }), fc.dictionary(key, self('tree'), { maxKeys: 6 })),
    }));
    fc.assert(fc.property(tree, (value) => {
      const json = JSON.stringify(value);
      assert.deepEqual(reviveEntities(JSON.parse(json) as unknown), reviveBySpec(json));
    }), { numRuns: 500 });
  });
});

describe('reviveEntities on values nested too deep', () => {
  const nested = (levels: number, leaf: unknown): unknown => {
    let value = leaf;
    for (let i = 1; i < levels; i++) value = i % 2 === 0 ? [value] : { reblog: value };
    return value;
  };

  it(`walks ${MAX_ENTITY_DEPTH} levels and revives the innermost value`, () => {
    const value = nested(MAX_ENTITY_DEPTH, { created_at: '2022-12-01T00:00:00Z' });
    reviveEntities(value);
    let inner: unknown = value;
    while (Array.isArray(inner) || (inner as { reblog?: unknown }).reblog !== undefined) {
      inner = Array.isArray(inner) ? inner[0] : (inner as { reblog: unknown }).reblog;
    }
    assert.deepEqual(inner, { created_at: new Date('2022-12-01T00:00:00Z') });
  });

  it('refuses one level more, and 100,000 levels, with MastodonEntityTooDeepError instead of overflowing the stack', () => {
    assert.throws(() => reviveEntities(nested(MAX_ENTITY_DEPTH + 1, {})), MastodonEntityTooDeepError);
    assert.throws(() => reviveEntities(nested(MAX_ENTITY_DEPTH + 1, [])), MastodonEntityTooDeepError);
    const deepText = `${'{"a":['.repeat(50_000)}1${']}'.repeat(50_000)}`;
    assert.throws(() => reviveEntities(JSON.parse(deepText) as unknown), MastodonEntityTooDeepError);
  });
});
