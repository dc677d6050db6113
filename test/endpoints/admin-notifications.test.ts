import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom } from 'rxjs';
import { fakeStreaming } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';
import { signUpClient, staffClient } from '../support/admin.js';
import { eventually, firstOf } from '../streaming/support.js';

const fast = { timeout: 2, initial_delay: 0.01, max_delay: 0.05, catch_up: false } as const;

describe('notifications for the staff', { timeout: 20000 }, () => {
  const fake = useFakeServer();

  it('tells the staff of each report, in their notifications and on their user stream, once per reported account until resolved', async () => {
    const moderator = staffClient(fake.server, 'staff1');
    const bystander = clientFor(fake.server, 'bystander1');
    const reporter = clientFor(fake.server, 'reporter1');
    const target = fake.server.createUser('target1').account;

    const stream = moderator.streamUser(fast);
    const streamed = firstOf(stream, 'notification', 1);
    await eventually(() => fakeStreaming(fake.server.store).openConnections > 0);
    const report = await firstValueFrom(reporter.report(target, { comment: 'spam', category: 'spam' }));
    const [event] = await streamed;
    assert.equal(event!.payload.type, 'admin.report');
    assert.equal(event!.payload.account.username, 'reporter1');
    assert.equal(event!.payload.report?.id, report.id);
    assert.equal(event!.payload.report?.target_account.id, target.id);
    assert.ok(event!.payload.report?.created_at instanceof Date);

    const listed = await firstValueFrom(moderator.notifications({ types: ['admin.report'] }));
    assert.deepEqual(listed.map((n) => n.report?.comment), ['spam']);
    assert.deepEqual(await firstValueFrom(bystander.notifications({ types: ['admin.report'] })), [], 'not staff, not told');

    await firstValueFrom(reporter.report(target, { comment: 'more spam' }));
    assert.equal((await firstValueFrom(moderator.notifications({ types: ['admin.report'] }))).length, 1, 'an open report about them already');
    await firstValueFrom(moderator.adminReportResolve(report.id));
    const [open] = await firstValueFrom(moderator.adminReports({ target_account_id: target }));
    await firstValueFrom(moderator.adminReportResolve(open!));
    await firstValueFrom(reporter.report(target, { comment: 'again' }));
    assert.deepEqual((await firstValueFrom(moderator.notifications({ types: ['admin.report'] }))).map((n) => n.report?.comment), ['again', 'spam']);
  });

  it('tells the staff of each sign-up, with the new account', async () => {
    const admin = staffClient(fake.server, 'staff2', 'Admin');
    const stream = admin.streamUser(fast);
    const streamed = firstOf(stream, 'notification', 1);
    await eventually(() => fakeStreaming(fake.server.store).connections.some((c) => c.streams().includes('user')));
    const signUps = await signUpClient(fake.server);
    await firstValueFrom(signUps.createAccount('newcomer2', 'long enough pw', 'newcomer2@example.com', { agreement: true }));
    const [event] = await streamed;
    assert.deepEqual([event!.payload.type, event!.payload.account.username], ['admin.sign_up', 'newcomer2']);
    const listed = await firstValueFrom(admin.notifications({ types: ['admin.sign_up'] }));
    assert.ok(listed.some((n) => n.account.username === 'newcomer2'));
  });
});
