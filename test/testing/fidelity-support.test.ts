import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IdMap } from '../support/fidelity/ids.js';
import { loadRecordings } from '../support/fidelity/recordings.js';
import { Replayer } from '../support/fidelity/replay.js';
import { compareShapes, linkRelations } from '../support/fidelity/shape.js';
import { allows, tallyResults } from '../support/fidelity/tally.js';
import { readWorld } from '../support/fidelity/world.js';

describe('the fidelity comparison', () => {
  it('finds missing and extra keys, null-ness and types, down through lists', () => {
    const real = { id: '1', card: null, created_at: '2022-12-01T19:48:34.595Z', media: [{ meta: { size: '600x600', small: {} } }] };
    const fake = { id: '2', card: { url: 'x' }, created_at: '2022-12-01', media: [{ meta: { size: 1234 } }], pinned: false };
    assert.deepEqual(compareShapes(real, fake), [
      { kind: 'null', path: 'card', real: 'null', fake: 'object' },
      { kind: 'type', path: 'created_at', real: 'datetime', fake: 'date' },
      { kind: 'type', path: 'media[].meta.size', real: 'string', fake: 'number' },
      { kind: 'missing-key', path: 'media[].meta.small', real: 'object', fake: 'absent' },
      { kind: 'extra-key', path: 'pinned', real: 'absent', fake: 'boolean' },
    ]);
    assert.deepEqual(compareShapes([{ a: 1 }], []), [{ kind: 'items', path: '', real: '1 items', fake: 'none' }]);
    assert.deepEqual(compareShapes([], [{ a: 1 }]), []);
    assert.deepEqual(linkRelations('<https://x/?max_id=1>; rel="next", <https://x/?min_id=2>; rel="prev"'), ['next', 'prev']);
  });

  it('allows a bare field anywhere, a path where it is, and only on the endpoints named', () => {
    const noindex = { kind: 'missing-key' as const, path: 'statuses[].account.noindex', real: 'boolean', fake: 'absent' };
    assert.ok(allows({ kind: 'missing-key', field: 'noindex', because: 'newer', reason: '' }, 'GET /x', noindex));
    assert.ok(allows({ kind: 'missing-key', field: 'account.noindex', because: 'newer', reason: '' }, 'GET /x', noindex));
    assert.ok(!allows({ kind: 'missing-key', field: 'index', because: 'newer', reason: '' }, 'GET /x', noindex));
    assert.ok(!allows({ kind: 'extra-key', field: 'noindex', because: 'newer', reason: '' }, 'GET /x', noindex));
    assert.ok(!allows({ kind: 'missing-key', field: 'noindex', endpoints: ['GET /y'], because: 'newer', reason: '' }, 'GET /x', noindex));
  });

  it('maps serial ids by their kind and snowflakes whatever their kind, and places unknown cursors by time', () => {
    const ids = new IdMap();
    ids.learn({ id: '3', title: 'l', replies_policy: 'list' }, { id: '1', title: 'l', replies_policy: 'list' }, 'lists');
    ids.learn({ id: '109440145478329198', poll: { id: '3', options: [], expires_at: null, votes_count: 0 } },
      { id: '117703947193024512', poll: { id: '117703947193024512', options: [], expires_at: null, votes_count: 0 } }, 'statuses');
    assert.equal(ids.id('lists', '3'), '1');
    assert.equal(ids.id('polls', '3'), '117703947193024512');
    assert.equal(ids.param('list_id', '3', 'timelines'), '1');
    assert.equal(ids.param('max_id', '109440145478330198', 'timelines'), String(117703947193024512n + 1000n));
  });

  it('fails a fake server that answers otherwise', async () => {
    const recordings = loadRecordings().filter((r) => r.name === 'test_toot.yaml');
    const replayer = new Replayer(readWorld(recordings), (server) => {
      server.intercept((req) => req.route === 'POST /api/v1/statuses' ? { status: 200, json: { id: '1', content: 7 } } : undefined);
    });
    const tally = tallyResults(await replayer.replay(recordings[0]!), []);
    const posting = tally.endpoints.find((e) => e.endpoint === 'POST /api/v1/statuses')!;
    assert.equal(posting.shape, false);
    assert.ok(posting.unexplained.some((d) => d.kind === 'type' && d.path === 'content'));
    assert.ok(posting.unexplained.some((d) => d.kind === 'missing-key' && d.path === 'account'));
  });
});
