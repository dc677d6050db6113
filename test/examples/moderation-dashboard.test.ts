import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The moderation dashboard example runs to completion by itself against the fake server; what
// it prints is what its dashboard showed, step by step.

const EXPECTED = `Moderation dashboard for @mod
[dashboard]
  open reports (0)
  pending sign-ups (0)
▸ sign-ups from 127.0.0.0/8 (where everybody here comes from) now wait for approval; spam.example is blocked
▸ carol reports @spammer
[notification] admin.report: @carol reported @spammer
[dashboard]
  open reports (1)
    #1 spam: @carol about @spammer, 1 status(es): "Sells followers"
  pending sign-ups (0)
▸ dave reports @troll
[notification] admin.report: @dave reported @troll
[dashboard]
  open reports (2)
    #2 other: @dave about @troll, 0 status(es): "Rude in every reply"
    #1 spam: @carol about @spammer, 1 status(es): "Sells followers"
  pending sign-ups (0)
▸ newbie signs up
[notification] admin.sign_up: @newbie
[dashboard]
  open reports (2)
    #2 other: @dave about @troll, 0 status(es): "Rude in every reply"
    #1 spam: @carol about @spammer, 1 status(es): "Sells followers"
  pending sign-ups (1)
    @newbie <newbie@example.com> from 127.0.0.1
▸ eve tries to sign up with eve@spam.example
  refused (422): e-mail uses a disallowed e-mail provider
▸ the moderator approves @newbie, silences @spammer (resolving the report) and resolves the other report
[dashboard]
  open reports (0)
  pending sign-ups (0)
Done: 7 report list requests, 4 sign-up list requests, one stream.
`;

describe('the moderation dashboard example', () => {
  it('shows reports and sign-ups as they come, refreshed by the staff notifications, and exits 0', { timeout: 90_000 }, async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', join('examples', 'moderation-dashboard.ts')], {
      cwd: process.cwd(), timeout: 80_000,
    });
    assert.equal(stderr, '');
    assert.equal(stdout, EXPECTED);
  });
});
