import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom } from 'rxjs';
import { Mastodon, MastodonAPIError, type Admin_DomainBlock, type Page } from '../../src/index.js';
import { assertSameRequest, loadCassette, recordedRequest, replay, startReplayServer } from '../support/cassettes.js';

/**
 * Replays some interactions of a cassette (the others use methods of other areas, such as
 * media uploads): every request sent must be the recorded one at the same position.
 */
async function replayPart<T>(cassette: string, indices: readonly number[], drive: (api: Mastodon) => Promise<T>, ignore: readonly string[] = []): Promise<{ result: T; sent: ReturnType<typeof recordedRequest>[] }> {
  const all = loadCassette(cassette);
  const interactions = indices.map((i) => all[i]!);
  const server = await startReplayServer(interactions);
  try {
    const api = new Mastodon({ api_base_url: server.url, access_token: 'token', version_check_mode: 'none' });
    const result = await drive(api);
    assert.equal(server.received.length, interactions.length, `the ${interactions.length} chosen requests of ${cassette} were sent, and no other`);
    server.received.forEach((received, i) => assertSameRequest(received, recordedRequest(interactions[i]!), ignore));
    return { result, sent: server.received };
  } finally {
    await server.close();
  }
}

const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('recorded admin traffic with Mastodon 4.0.2', () => {
  for (const [cassette, method] of [['test_admin_accounts.yaml', 'adminAccounts'], ['test_admin_accounts_v1.yaml', 'adminAccountsV1']] as const) {
    it(`${method}: the recorded call, with the status flag as a real boolean instead of "True"`, async () => {
      const { result, sent } = await replayPart(cassette, [0, 1, 2], async (api) => {
        const page = await firstValueFrom(api[method]());
        const me = await firstValueFrom(api.accountVerifyCredentials());
        const account = await firstValueFrom(api.adminAccount(me));
        return { page, account };
      }, ['active']);
      assert.equal(recordedRequest(loadCassette(cassette)[0]!).query['active'], 'True', 'the recording carries the 1.8 bug');
      assert.equal(sent[0]!.query['active'], '1');
      assert.ok(result.page.length > 0);
      assert.ok(result.page[0]!.created_at instanceof Date);
      assert.equal(result.account.username, 'admin');
      assert.equal(typeof result.account.account.id, 'string');
    });
  }

  it('adminAccountsV2 with origin and permissions', async () => {
    const pages = await replay('test_admin_accounts_v2.yaml', async (api) => {
      const local = await firstValueFrom(api.adminAccountsV2({ origin: 'local', permissions: 'staff' }));
      const me = await firstValueFrom(api.accountVerifyCredentials());
      await firstValueFrom(api.adminAccount(me.id));
      const remote = await firstValueFrom(api.adminAccountsV2({ origin: 'remote', permissions: 'staff' }));
      return { local, remote };
    });
    const owner = pages.local.find((a) => typeof a.role === 'object' && a.role?.name === 'Owner');
    assert.ok(owner && typeof owner.role === 'object');
    assert.equal(owner.role?.id, '3', 'the recorded role id is the JSON number 3; ids arrive as strings');
    assert.equal(pages.remote.length, 0);
  });

  it('domain blocks: create, list, read, update, delete', async () => {
    const blocks = await replay('test_admin_domain_blocks.yaml', async (api) => {
      const block = await firstValueFrom(api.adminCreateDomainBlock('https://chitter.xyz/', { severity: 'suspend', public_comment: 'sicko behaviour' }));
      const all = await firstValueFrom(api.adminDomainBlocks()) as Page<Admin_DomainBlock>;
      const one = await firstValueFrom(api.adminDomainBlocks({ id: block })) as Admin_DomainBlock;
      const updated = await firstValueFrom(api.adminUpdateDomainBlock(block, { severity: 'silence', private_comment: 'jk ilu <3' }));
      await lastValueFrom(api.adminDeleteDomainBlock(block), { defaultValue: undefined });
      const after = await firstValueFrom(api.adminDomainBlocks()) as Page<Admin_DomainBlock>;
      return { block, all, one, updated, after };
    });
    assert.equal(blocks.block.severity, 'suspend');
    assert.ok(blocks.block.created_at instanceof Date);
    assert.equal(blocks.all.length, 1);
    assert.equal(blocks.one.id, '1');
    assert.equal(blocks.updated.severity, 'silence');
    assert.equal(blocks.after.length, 0);
  });

  it('moderation actions and their undo calls', async () => {
    const id = '109440137734600341';
    await replayPart('test_admin_moderation.yaml', range(0, 8), async (api) => {
      const me = await firstValueFrom(api.accountVerifyCredentials());
      assert.equal(me.id, id);
      for (const [action, undo, field] of [['disable', 'adminAccountEnable', 'disabled'], ['silence', 'adminAccountUnsilence', 'silenced']] as const) {
        await lastValueFrom(api.adminAccountModerate(me, { action }), { defaultValue: undefined });
        assert.equal((await firstValueFrom(api.adminAccount(me)))[field], true);
        assert.equal((await firstValueFrom(api[undo](me)))[field], false);
      }
      await lastValueFrom(api.adminAccountModerate(me, { action: 'sensitive' }), { defaultValue: undefined });
      assert.equal((await firstValueFrom(api.adminAccount(me))).sensitized, true);
    });
    await replayPart('test_admin_moderation.yaml', [...range(10, 13), ...range(18, 23)], async (api) => {
      const posted = await firstValueFrom(api.statusPost('oh no!', { media_ids: ['109440140973847270'] }));
      assert.equal((await firstValueFrom(api.status(posted))).sensitive, true, 'media of a sensitized account is sensitive');
      await firstValueFrom(api.statusDelete(posted));
      assert.equal((await firstValueFrom(api.adminAccountUnsensitive(id))).sensitized, false);
      await lastValueFrom(api.adminAccountModerate(id, { action: 'suspend' }), { defaultValue: undefined });
      assert.equal((await firstValueFrom(api.adminAccount(id))).id, id);
      await firstValueFrom(api.adminAccountUnsuspend(id));
      await assert.rejects(firstValueFrom(api.adminAccountUnsuspend(id)), (e: unknown) => e instanceof MastodonAPIError && e.status === 403);
      await firstValueFrom(api.adminAccountEnable(id));
      await firstValueFrom(api.adminAccountUnsilence(id));
    });
  });

  it('reports: list, resolve, reopen, assign, unassign, read', async () => {
    await replayPart('test_admin_reports.yaml', range(4, 12), async (api) => {
      const open = await firstValueFrom(api.adminReports());
      assert.equal(open.length, 1);
      const report = open[0]!;
      assert.equal(report.comment, 'api crimes');
      assert.equal(report.statuses.length, 1);
      const resolved = await firstValueFrom(api.adminReportResolve(report));
      assert.ok(resolved.action_taken_at instanceof Date);
      assert.equal((await firstValueFrom(api.adminReports())).length, 0);
      assert.equal((await firstValueFrom(api.adminReportReopen(report))).action_taken, false);
      assert.equal((await firstValueFrom(api.adminReports())).length, 1);
      await firstValueFrom(api.adminReportAssign(report));
      await firstValueFrom(api.adminReportUnassign(report));
      assert.equal((await firstValueFrom(api.adminReport(report))).id, '1');
      await firstValueFrom(api.statusDelete(report.statuses[0]!));
    });
  });

  it('statistics: measures and dimensions as JSON, retention as a form', async () => {
    const start = new Date('2020-10-04T21:00:00Z');
    const end = new Date('2020-10-09T21:00:00Z');
    const stats = await replay('test_admin_stats.yaml', async (api) => {
      const domain = 'chitter.xyz';
      const measures = await firstValueFrom(api.adminMeasures(start, end, {
        active_users: true, new_users: true, opened_reports: true, resolved_reports: true,
        instance_accounts: domain, instance_media_attachments: domain, instance_reports: domain,
        instance_statuses: domain, instance_follows: domain, instance_followers: domain,
      }));
      const dimensions = await firstValueFrom(api.adminDimensions(start, end, {
        limit: 3, languages: true, sources: true, servers: true, space_usage: true,
        instance_accounts: domain, instance_languages: domain,
      }));
      const retention = await firstValueFrom(api.adminRetention(new Date('2020-09-29T21:00:00Z'), end));
      return { measures, dimensions, retention };
    });
    assert.equal(stats.measures[0]!.key, 'active_users');
    assert.ok(stats.measures[0]!.data[0]!.date instanceof Date);
    assert.equal(stats.dimensions.find((d) => d.key === 'space_usage')!.data[0]!.human_key, 'PostgreSQL');
    assert.ok(stats.retention[0]!.period instanceof Date);
    assert.equal(stats.retention[0]!.data[0]!.rate, 0);
  });

  it('trends: tags (with and without limit), statuses, links', async () => {
    const results = await replay('test_admin_trends.yaml', async (api) => [
      await firstValueFrom(api.adminTrendingTags()),
      await firstValueFrom(api.adminTrendingStatuses()),
      await firstValueFrom(api.adminTrendingLinks()),
      await firstValueFrom(api.adminTrendingTags({ limit: 5 })),
    ]);
    assert.deepEqual(results, [[], [], [], []]);
  });
});
