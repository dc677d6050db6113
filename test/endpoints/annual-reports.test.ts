import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { firstValueFrom, lastValueFrom, type Observable } from 'rxjs';
import { MastodonIllegalArgumentError, MastodonNotFoundError } from '../../src/index.js';
import { getAsyncRefreshInfo } from '../../src/api.js';
import { fakeAnnualReports } from '../../src/testing/index.js';
import { clientFor, useFakeServer } from '../support/fake.js';

describe('annual reports against the fake server', () => {
  const fake = useFakeServer();
  const year = new Date().getUTCFullYear();
  const last = (route: string) => fake.server.requestsTo(route).at(-1)!;

  it('an eligible user asks for the report, waits for the job, reads it and marks it read', async () => {
    const api = clientFor(fake.server, 'wrap_user');
    const fan = clientFor(fake.server, 'wrap_fan');
    await firstValueFrom(api.toot('#cats are great'));
    const best = await firstValueFrom(api.toot('my best post #cats'));
    await firstValueFrom(fan.statusReblog(best));
    assert.deepEqual(await firstValueFrom(api.annualReportState(year)), { state: 'eligible' });
    assert.equal(last('GET /api/v1/annual_reports/{year}/state').path, `/api/v1/annual_reports/${year}/state`);

    const job = await firstValueFrom(api.annualReportGenerate(year));
    assert.equal(last('POST /api/v1/annual_reports/{year}/generate').path, `/api/v1/annual_reports/${year}/generate`);
    assert.equal(job?.status, 'running');
    const state = await firstValueFrom(api.annualReportState(String(year)));
    assert.deepEqual(state, { state: 'generating' });
    assert.deepEqual(getAsyncRefreshInfo(state), [job, 2], 'the state announces the job, with Mastodon\'s 2 s');
    assert.deepEqual(await firstValueFrom(api.annualReportGenerate(year)), job, 'asking again gives the same job');
    assert.deepEqual(await firstValueFrom(api.annualReports()), { annual_reports: [], accounts: [], statuses: [] });

    assert.equal((await firstValueFrom(api.getAsyncRefreshStatus(job!))).status, 'finished');
    assert.deepEqual(await firstValueFrom(api.annualReportState(year)), { state: 'available' });
    const { annual_reports: [report], statuses } = await firstValueFrom(api.annualReports());
    assert.equal(report?.year, year);
    assert.equal(report?.schema_version, 2);
    assert.equal(report?.data?.top_statuses?.by_reblogs, best.id);
    assert.deepEqual(report?.data?.top_hashtags, [{ name: 'cats', count: 2 }]);
    assert.ok(statuses.some((s) => s.id === best.id && s.created_at instanceof Date));
    assert.equal(await firstValueFrom(api.annualReportGenerate(year)), null, 'no job once the report exists');

    assert.equal(await firstValueFrom(api.annualReportRead(year)), undefined);
    assert.equal(last('POST /api/v1/annual_reports/{year}/read').path, `/api/v1/annual_reports/${year}/read`);
    assert.deepEqual((await firstValueFrom(api.annualReports())).annual_reports, []);
    assert.equal((await firstValueFrom(api.annualReport(year))).annual_reports[0]?.year, year, 'a read report is still there by year');
  });

  it('outside the campaign or without posts there is nothing to make', async () => {
    const quiet = clientFor(fake.server, 'wrap_quiet');
    assert.deepEqual(await firstValueFrom(quiet.annualReportState(year)), { state: 'ineligible' });
    const poster = clientFor(fake.server, 'wrap_late');
    await firstValueFrom(poster.toot('hello'));
    fakeAnnualReports(fake.server.store).campaign = null;
    try {
      assert.deepEqual(await firstValueFrom(poster.annualReportState(year)), { state: 'ineligible' });
      assert.equal(await firstValueFrom(poster.annualReportGenerate(year)), null);
    } finally {
      fakeAnnualReports(fake.server.store).campaign = year;
    }
    await assert.rejects(firstValueFrom(poster.annualReport(year - 1)), MastodonNotFoundError);
    await assert.rejects(firstValueFrom(poster.annualReportRead(year - 1)), MastodonNotFoundError);
  });

  it('checks the year before sending anything', async () => {
    const api = clientFor(fake.server, 'wrap_args');
    const before = fake.server.requests.length;
    const calls: (() => Observable<unknown>)[] = [
      () => api.annualReport('20x5'), () => api.annualReportState(20255), () => api.annualReportRead(null as never),
      () => api.annualReportGenerate('../1'), () => api.annualReport(2025.5),
    ];
    for (const call of calls) await assert.rejects(lastValueFrom(call()), MastodonIllegalArgumentError);
    assert.equal(fake.server.requests.length, before);
  });
});
