import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runIsolated } from '../support/isolated.js';
import type { Outcome } from '../support/hostile-http.js';

const casePath = (name: string): string => new URL(`./cases/${name}.ts`, import.meta.url).pathname;

describe('redirects', { timeout: 120_000 }, () => {
  for (const backend of ['undici', 'fetch']) {
    it(`are never followed: another origin receives no request, body or token, and each redirect is a MastodonAPIError (${backend})`, async () => {
      const result = await runIsolated(casePath('secrets-redirects'), { timeoutMs: 60_000, env: { HOSTILE_BACKEND: backend } });
      assert.equal(result.code, 0, result.stderr);
      const report = result.report as {
        outcomes: Record<string, Outcome>; tokenAfterLogIn: string | null; homeRequests: number; homeSawPassword: boolean;
        elsewhereRequests: string[]; openSockets: number;
      };
      assert.deepEqual(report.elsewhereRequests, []);
      for (const status of [301, 302, 303, 307, 308]) {
        for (const call of ['statusPost', 'status']) {
          const outcome = report.outcomes[`${call} ${status}`]!;
          assert.ok(outcome.error?.chain.includes('MastodonAPIError'), `${call} ${status}: ${JSON.stringify(outcome)}`);
          assert.equal(outcome.error!.status, status);
          assert.match(outcome.error!.message, /a redirect to http:\/\/127\.0\.0\.1:\d+\/api\/v1\/statuses.*, not followed/);
        }
      }
      assert.equal(report.outcomes['same origin']!.error?.status, 307, 'a redirect to the same origin is not followed either');
      assert.equal(report.outcomes['revokeAccessToken']!.error?.status, 307);
      assert.ok(report.outcomes['logIn']!.error?.chain.includes('MastodonAPIError'), JSON.stringify(report.outcomes['logIn']));
      assert.equal(report.tokenAfterLogIn, 'hostile-test-token', 'the client kept its own token');
      assert.equal(report.homeRequests, 13);
      // logIn reads the OAuth metadata before it sends a password; that answer was a redirect too, so the password never left.
      assert.equal(report.homeSawPassword, false);
      assert.equal(report.openSockets, 0);
    });
  }
});
