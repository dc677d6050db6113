// A moderation dashboard, live: the open reports and the pending sign-ups of a server. Each
// list is read whole with `paginate`, and read again whenever the staff's user stream brings an
// `admin.report` or `admin.sign_up` notification, or after the moderator acts. It runs against the
// built-in fake server, and plays the server's other people too: it sets sign-up rules, has
// users file reports and sign up, then approves and resolves, and exits by itself.
//
//   npm run example:dashboard        (or: npx tsx examples/moderation-dashboard.ts)
import {
  concatMap, distinctUntilChanged, filter, firstValueFrom, forkJoin, map, merge, mergeMap, type Observable, of, scan, share,
  shareReplay, startWith, Subject, switchMap, takeUntil, toArray,
} from 'rxjs';
import { Mastodon, MastodonAPIError, paginate, type Admin_Account, type Admin_Report, type Notification, type Page } from '../src/index.js';
import { FakeMastodon, fakeAdmin } from '../src/testing/index.js';

/** What the dashboard shows. */
interface Panel {
  readonly reports: readonly Admin_Report[];
  readonly signUps: readonly Admin_Account[];
}

/** Every item of a paginated list, one page after the other. */
function readAll<T>(first$: Observable<Page<T>>): Observable<T[]> {
  return paginate(first$).pipe(mergeMap((page) => page), toArray());
}

function render({ reports, signUps }: Panel): string {
  const lines = [`  open reports (${reports.length})`];
  for (const r of reports) {
    lines.push(`    #${r.id} ${r.category}: @${r.account.username} about @${r.target_account.username}, ${r.statuses.length} status(es): "${r.comment}"`);
  }
  lines.push(`  pending sign-ups (${signUps.length})`);
  for (const a of signUps) lines.push(`    @${a.username} <${a.email}> from ${a.ip}`);
  return lines.join('\n');
}

const server = await FakeMastodon.start();
const store = server.store;
const mod = server.createUser('mod');
fakeAdmin(store).of(mod.account.id).role = 'Moderator';
const api = new Mastodon({ api_base_url: server.url, access_token: mod.token });
console.log('Moderation dashboard for @mod');

// The dashboard. A list is read again on each staff notification of its kind; both are read
// again after each of the moderator's own actions.
const stream = api.streamUser();
const notifications$ = stream.pipe(
  filter((event) => event.type === 'notification'),
  map((event) => event.payload as Notification),
  filter((n) => n.type === 'admin.report' || n.type === 'admin.sign_up'),
  share(),
);
const acted$ = new Subject<void>();
const done$ = new Subject<void>();
const readReports = (): Observable<Admin_Report[]> => readAll(api.adminReports({ limit: 1 }));
const readSignUps = (): Observable<Admin_Account[]> => readAll(api.adminAccountsV2({ origin: 'local', status: 'pending', limit: 1 }));
const updates$: Observable<Partial<Panel>> = merge(
  acted$.pipe(startWith('first read'), switchMap(() => forkJoin({ reports: readReports(), signUps: readSignUps() }))),
  notifications$.pipe(filter((n) => n.type === 'admin.report'), switchMap(() => readReports().pipe(map((reports) => ({ reports }))))),
  notifications$.pipe(filter((n) => n.type === 'admin.sign_up'), switchMap(() => readSignUps().pipe(map((signUps) => ({ signUps }))))),
);
const panel$ = updates$.pipe(
  scan((panel: Panel, update) => ({ ...panel, ...update }), { reports: [], signUps: [] }),
  map((panel) => ({ ...panel, text: render(panel) })),
  distinctUntilChanged((a, b) => a.text === b.text),
  takeUntil(done$),
  shareReplay({ bufferSize: 1, refCount: false }),
);
panel$.subscribe((panel) => console.log(`[dashboard]\n${panel.text}`));
notifications$.pipe(takeUntil(done$)).subscribe((n) => {
  console.log(n.type === 'admin.report'
    ? `[notification] admin.report: @${n.account.username} reported @${n.report?.target_account.username}`
    : `[notification] admin.sign_up: @${n.account.username}`);
});

/** Resolves once the dashboard shows what `shows` looks for. */
const until = (shows: (panel: Panel) => boolean): Promise<Panel> => firstValueFrom(panel$.pipe(filter(shows)));

// The world around the dashboard.
const step = (text: string): void => console.log(`▸ ${text}`);
await firstValueFrom(stream.status$.pipe(filter((s) => s.state === 'open')));
await until(() => true);

step('sign-ups from 127.0.0.0/8 (where everybody here comes from) now wait for approval; spam.example is blocked');
await firstValueFrom(api.adminCreateIpBlock('127.0.0.0/8', 'sign_up_requires_approval', { comment: 'a look at every newcomer' }));
await firstValueFrom(api.adminCreateEmailDomainBlock('spam.example'));

const carol = new Mastodon({ api_base_url: server.url, access_token: server.createUser('carol').token });
const dave = new Mastodon({ api_base_url: server.url, access_token: server.createUser('dave').token });
const spammer = server.createUser('spammer').account;
const troll = server.createUser('troll').account;
const ad = store.addStatus(spammer, 'Buy followers now!');

step('carol reports @spammer');
await firstValueFrom(carol.report(spammer, { status_ids: [ad], comment: 'Sells followers', category: 'spam' }));
await until((p) => p.reports.length === 1);

step('dave reports @troll');
await firstValueFrom(dave.report(troll, { comment: 'Rude in every reply' }));
await until((p) => p.reports.length === 2);

const [clientId, clientSecret] = await firstValueFrom(Mastodon.createApp('sign-up page', { api_base_url: server.url }));
const signUp = (username: string, email: string): Observable<string> => new Mastodon({ api_base_url: server.url, client_id: clientId, client_secret: clientSecret })
  .createAccount(username, 'a long password', email, { agreement: true, reason: 'I like it here' });

step('newbie signs up');
await firstValueFrom(signUp('newbie', 'newbie@example.com'));
await until((p) => p.signUps.length === 1);

step('eve tries to sign up with eve@spam.example');
await firstValueFrom(signUp('eve', 'eve@spam.example')).catch((error: unknown) => {
  const details = error instanceof MastodonAPIError ? (error.body as { details?: { email?: { description: string }[] } }).details : undefined;
  console.log(`  refused (${(error as MastodonAPIError).status}): e-mail ${details?.email?.[0]?.description ?? String(error)}`);
});

step('the moderator approves @newbie, silences @spammer (resolving the report) and resolves the other report');
const panel = await until(() => true);
await firstValueFrom(of(...panel.signUps).pipe(concatMap((account) => api.adminAccountApprove(account)), toArray()));
const spamReport = panel.reports.find((r) => r.target_account.id === spammer.id)!;
await firstValueFrom(api.adminAccountModerate(spammer, { action: 'silence', report_id: spamReport, text: 'No selling followers.' }), { defaultValue: undefined });
await firstValueFrom(api.adminReportResolve(panel.reports.find((r) => r !== spamReport)!));
acted$.next();
await until((p) => p.reports.length === 0 && p.signUps.length === 0);

done$.next();
console.log(`Done: ${server.requestsTo('GET /api/v1/admin/reports').length} report list requests, `
  + `${server.requestsTo('GET /api/v2/admin/accounts').length} sign-up list requests, one stream.`);
await server.close();
