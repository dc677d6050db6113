import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';
import { promisify } from 'node:util';
import { firstValueFrom } from 'rxjs';
import type { Browser, Page } from 'playwright-core';
import { MastodonClient } from '../../src/core.js';
import { statusPost } from '../../src/api.js';
import { FakeMastodon, fakeStreaming, type FakeUser } from '../../src/testing/index.js';
import { HAS_CHROMIUM, launchChromium } from '../support/browser.js';
import { until } from '../support/deadline.js';

const ROOT = process.cwd();
const EXAMPLE = join(ROOT, 'examples/angular');
const NG = join(EXAMPLE, 'node_modules/@angular/cli/bin/ng.js');
const BUILT = join(EXAMPLE, 'dist/browser');
const OUT = join(ROOT, 'test/browser/out');
const WAIT = { timeout: 20_000 };
/** `ng build` takes 20 s to a minute on a busy 2-core machine. */
const BUILD_TIMEOUT = 300_000;

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.ico': 'image/x-icon',
};

/** Serves the built app from one loopback origin; any path that is not a file gets index.html, as a single-page app wants. */
async function serveApp(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(join(BUILT, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const file = path.startsWith(BUILT + sep) && existsSync(path) && extname(path) !== '' ? path : join(BUILT, 'index.html');
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const shownTexts = (page: Page): Promise<string[]> => page.locator('#timeline li .content').allTextContents();

// The example app (examples/angular), built by `ng build` as its README says, served from one
// origin and driven in headless Chromium against the fake server on another (CORS): its
// requests go through Angular's HttpClient, its user stream over SSE or WebSocket.
describe('the Angular example app, built with ng build, in headless Chromium', () => {
  let skip: string | undefined;
  let fake: FakeMastodon;
  let app: { server: Server; url: string } | undefined;
  let browser: Browser | undefined;

  before(async () => {
    fake = await FakeMastodon.start();
    if (!HAS_CHROMIUM) skip = 'chromium not installed';
    else if (!existsSync(NG)) skip = 'the example\'s dependencies are not installed: npm run example:angular (the library built, then npm ci in examples/angular)';
    if (skip) return;
    await promisify(execFile)(process.execPath, [NG, 'build'], {
      cwd: EXAMPLE, timeout: BUILD_TIMEOUT, env: { ...process.env, NG_CLI_ANALYTICS: 'false', NG_FORCE_TTY: 'false' },
    });
    app = await serveApp();
    browser = await launchChromium();
  }, { timeout: BUILD_TIMEOUT + 60_000 });
  after(async () => {
    await browser?.close();
    app?.server.closeAllConnections();
    await new Promise((resolve) => (app ? app.server.close(resolve) : resolve(undefined)));
    await fake.close();
  });

  /** Alice, who follows Bob, and a home timeline of 30 statuses of theirs: a page of 20 and one of 10. */
  function aliceAndBob(run: string): { alice: FakeUser & { token: string }; bob: FakeUser & { token: string } } {
    const alice = fake.createUser(`alice_${run}`);
    const bob = fake.createUser(`bob_${run}`);
    fake.store.follows.set(alice.account.id, new Set([bob.account.id]));
    for (let n = 1; n <= 30; n += 1) fake.store.addStatus(n % 2 ? bob.account : alice.account, `seeded ${n}`);
    return { alice, bob };
  }

  const runs = [{ transport: 'sse', http: 'fetch' }, { transport: 'websocket', http: 'xhr' }] as const;
  for (const { transport, http } of runs) {
    it(`shows the first page, loads older ones, and shows statuses as they are posted (${transport}, HttpClient on ${http})`, { timeout: 120_000 }, async (t) => {
      if (skip || !browser || !app) return t.skip(skip);
      const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
      const errors: string[] = [];
      let dropped = false;
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        // The browser reports the stream the server cut; nothing else may be an error.
        const cut = dropped && message.text() === 'Failed to load resource: net::ERR_INCOMPLETE_CHUNKED_ENCODING';
        if (message.type() === 'error' && !cut) errors.push(message.text());
      });
      const control = fakeStreaming(fake.store);
      const { alice, bob } = aliceAndBob(transport);
      try {
        await page.goto(`${app.url}/?server=${encodeURIComponent(fake.url)}&token=${alice.token}&transport=${transport}&http=${http}`);
        assert.notEqual(new URL(page.url()).origin, fake.url, 'the app comes from another origin');

        // The first page: 20 statuses, newest first.
        await page.locator('#timeline li').nth(19).waitFor(WAIT);
        const first = await shownTexts(page);
        assert.equal(first.length, 20);
        assert.equal(first[0], 'seeded 30');
        assert.equal(first[19], 'seeded 11');

        // "Older" follows the Link header to the next page, then finds no more.
        await page.locator('#older').click();
        await page.locator('#timeline li').nth(29).waitFor(WAIT);
        assert.equal((await shownTexts(page)).at(-1), 'seeded 1');
        await page.locator('#older:not([disabled])').click(WAIT);
        await page.getByRole('button', { name: 'No older statuses' }).waitFor(WAIT);
        assert.equal(await page.locator('#older').isDisabled(), true);

        // Posted through the API by someone alice follows: it comes in front, live.
        await page.locator('#stream-status[data-state="open"]').waitFor(WAIT);
        await until(() => control.connections.some((c) => c.transport === transport && c.streams().includes('user')),
          WAIT.timeout, `the fake server carries the user stream over ${transport}`);
        const bobs = new MastodonClient({ api_base_url: fake.url, access_token: bob.token });
        await firstValueFrom(statusPost(bobs, `live over ${transport}`));
        await page.getByText(`live over ${transport}`).waitFor(WAIT);
        assert.equal((await shownTexts(page))[0], `live over ${transport}`);
        assert.equal(await page.locator('#timeline li.live').count(), 1);

        // The server drops the stream; what is posted meanwhile is caught up through HttpClient.
        const opened = control.connectionsOpened;
        dropped = true;
        control.dropAll();
        fake.store.addStatus(bob.account, `posted while the ${transport} stream was down`);
        await page.getByText(`posted while the ${transport} stream was down`).waitFor(WAIT);
        await page.locator('#stream-status[data-state="open"]').waitFor(WAIT);
        assert.ok(control.connectionsOpened > opened, 'a new connection was opened');
        const texts = await shownTexts(page);
        assert.deepEqual(texts.slice(0, 3), [`posted while the ${transport} stream was down`, `live over ${transport}`, 'seeded 30']);
        assert.equal(new Set(texts).size, texts.length, 'nothing shown twice');

        const fromPage = fake.requests.filter((r) => r.headers['origin'] === app!.url && r.method !== 'OPTIONS').map((r) => `${r.method} ${r.path}`);
        assert.ok(fromPage.includes('GET /api/v1/timelines/home') && fromPage.includes('GET /api/v1/instance/'), fromPage.join(', '));
        assert.deepEqual(errors, []);
        mkdirSync(OUT, { recursive: true });
        await page.screenshot({ path: join(OUT, `angular-app-${transport}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }
});
