import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { MastodonAPIError, MastodonIllegalArgumentError, MastodonNotFoundError, type ReportCategory } from '../../src/index.js';
import { fakeAdmin, instanceState } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('admin reports', () => {
  const fake = useFakeServer();

  it('lists open reports, filters by account, and walks a report through its states', async () => {
    const api = clientFor(fake.server, 'mod1');
    const me = fake.server.store.userByLogin('mod1')!.account;
    const reporter = fake.server.createUser('reporter1').account;
    const target = fake.server.createUser('target1').account;
    const status = fake.server.store.addStatus(target, 'bad post');
    const filed = fakeAdmin(fake.server.store).fileReport(reporter, target, { comment: 'api crimes', statuses: [status] });

    const open = await firstValueFrom(api.adminReports({ target_account_id: target, account_id: reporter.id, limit: 10 }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/admin/reports').at(-1)!.query,
      { target_account_id: target.id, account_id: reporter.id, limit: '10' });
    assert.equal(open.length, 1);
    const report = open[0]!;
    assert.equal(report.id, filed.id);
    assert.equal(report.comment, 'api crimes');
    assert.equal(report.target_account.account.username, 'target1');
    assert.equal(report.statuses[0]!.id, status.id);
    assert.ok(report.created_at instanceof Date);
    assert.equal(report.action_taken_at, null);

    const assigned = await firstValueFrom(api.adminReportAssign(report));
    assert.equal(assigned.assigned_account?.id, me.id);
    assert.equal((await firstValueFrom(api.adminReportUnassign(report.id))).assigned_account, null);

    const resolved = await firstValueFrom(api.adminReportResolve(report));
    assert.equal(resolved.action_taken, true);
    assert.ok(resolved.action_taken_at instanceof Date);
    assert.equal(resolved.action_taken_by_account?.id, me.id);
    assert.equal((await firstValueFrom(api.adminReports())).length, 0);
    assert.equal((await firstValueFrom(api.adminReports({ resolved: true }))).length, 1);
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/admin/reports').at(-1)!.query, { resolved: '1' });

    assert.equal((await firstValueFrom(api.adminReportReopen(report))).action_taken, false);
    assert.equal((await firstValueFrom(api.adminReport(report))).action_taken, false);
    await assert.rejects(firstValueFrom(api.adminReport('999')), MastodonNotFoundError);
  });

  it('resolved: false is not sent, and a moderation action resolves the report it names', async () => {
    const api = clientFor(fake.server, 'mod2');
    const reporter = fake.server.createUser('reporter2').account;
    const target = fake.server.createUser('target2').account;
    const report = fakeAdmin(fake.server.store).fileReport(reporter, target);
    await firstValueFrom(api.adminReports({ resolved: false }));
    assert.deepEqual(fake.server.requestsTo('GET /api/v1/admin/reports').at(-1)!.query, {});
    await lastValueFrom(api.adminAccountModerate(target, { action: 'silence', report_id: report.id, warning_preset_id: '4' }));
    assert.deepEqual(fake.server.requestsTo('POST /api/v1/admin/accounts/{id}/action').at(-1)!.body,
      { type: 'silence', report_id: report.id, warning_preset_id: '4', send_email_notification: '1' });
    assert.equal((await firstValueFrom(api.adminReport(report.id))).action_taken, true);
  });

  it('updates a report\'s category and rules, checked before sending, as the report then shows', async () => {
    const api = clientFor(fake.server, 'mod3');
    const reporter = fake.server.createUser('reporter3').account;
    const target = fake.server.createUser('target3').account;
    instanceState(fake.server.store).rules.push({ id: '3', text: 'No spam.', hint: '', translations: {} });
    const filed = fakeAdmin(fake.server.store).fileReport(reporter, target, { category: 'other' });

    const updated = await firstValueFrom(api.adminUpdateReport(filed.id, { category: 'violation', rule_ids: ['1', { id: '3' }] }));
    assert.deepEqual(fake.server.requestsTo('PUT /api/v1/admin/reports/{id}').at(-1)!.body, { category: 'violation', rule_ids: ['1', '3'] });
    assert.equal(updated.category, 'violation');
    assert.deepEqual(updated.rules.map((r) => r.text), ['Be excellent to each other.', 'No spam.']);
    const seen = await firstValueFrom(api.adminReport(filed.id));
    assert.equal(seen.category, 'violation');
    assert.ok(seen.updated_at.getTime() >= seen.created_at.getTime());

    assert.equal((await firstValueFrom(api.adminUpdateReport(filed.id, { category: 'legal' }))).rules.length, 2, 'rules kept');
    await assert.rejects(firstValueFrom(api.adminUpdateReport(filed.id, { rule_ids: ['99'] })),
      (e: unknown) => e instanceof MastodonAPIError && e.status === 422 && e.error === 'Validation failed: Rule ids does not reference valid rules');
    await assert.rejects(firstValueFrom(api.adminUpdateReport('404', { category: 'spam' })), MastodonNotFoundError);

    const before = fake.server.requests.length;
    await assert.rejects(lastValueFrom(api.adminUpdateReport(filed.id, { category: 'rude' as ReportCategory })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminUpdateReport(filed.id, { rule_ids: ['..'] })), MastodonIllegalArgumentError);
    await assert.rejects(lastValueFrom(api.adminUpdateReport(filed.id, 'spam' as never)), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});
