import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { loadRecordings } from '../support/fidelity/recordings.js';
import { Replayer, type ExchangeResult } from '../support/fidelity/replay.js';
import { formatTally, tallyResults, type FidelityTally } from '../support/fidelity/tally.js';
import { readWorld } from '../support/fidelity/world.js';
import { allowedDivergences } from './fidelity-allowed.js';

// Every recorded exchange with Mastodon 4.0.2 (test/fixtures/mastodonpy-1.8/cassettes/cassettes/)
// is replayed against a fake server of its own, set up with what the recording presupposes,
// and the answers are compared shape by shape. See test/support/fidelity/. The tally is printed;
// FIDELITY_TRACE=1 prints every request sent and both answers.
// Divergences the fake may have are in ./fidelity-allowed.ts, each with its reason.
describe('the fake server answers as the recorded Mastodon 4.0.2 did', () => {
  const recordings = loadRecordings();
  let results: ExchangeResult[] = [];
  let tally: FidelityTally;

  before(async () => {
    const replayer = new Replayer(readWorld(recordings));
    for (const recording of recordings) results = results.concat(await replayer.replay(recording));
    tally = tallyResults(results, allowedDivergences);
    console.log(formatTally(tally));
  });

  it('replays every recorded exchange with the recorded server', () => {
    const recorded = recordings.flatMap((r) => r.exchanges).filter((e) => /^localhost:(3000|4000)$/.test(e.request.url.host));
    assert.equal(results.length, recorded.length);
    assert.ok(tally.endpoints.filter((e) => e.answer === 'json').length >= 130, 'the recordings cover the JSON endpoints they are known to cover');
  });

  it('diverges only where the allow-list says why', () => {
    const failing = tally.endpoints.filter((e) => e.unexplained.length > 0);
    assert.deepEqual(failing.map((e) => e.endpoint), [], formatTally(tally));
  });

  it('matches at least 125 of the JSON endpoints in shape', () => {
    const json = tally.endpoints.filter((e) => e.answer === 'json');
    assert.ok(json.filter((e) => e.shape).length >= 125, formatTally(tally));
  });

  it('has no allow-list entry that explains nothing', () => {
    assert.deepEqual(tally.unused.map((entry) => entry.reason), []);
  });
});
