import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { FakeMastodon, fakeStreaming, type FakeUser } from '../../src/testing/index.js';
import { browserFieldOnSources, HAS_CHROMIUM, launchChromium } from '../support/browser.js';

const ROOT = process.cwd();
const OUT = join(ROOT, 'test/browser/out');
const WAIT = { timeout: 15_000 };

/** The example page's script, bundled for browsers; fails if undici or a Node.js built-in got in. */
async function bundleApp(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'examples/browser/app.ts')], bundle: true, platform: 'browser', format: 'esm',
    write: false, metafile: true, plugins: [browserFieldOnSources()], logLevel: 'error',
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.deepEqual(inputs.filter((path) => path.includes('node_modules/undici/') || path.startsWith('node:')), []);
  assert.ok(inputs.some((path) => path.endsWith('src/http/default-backend.browser.ts')));
  return result.outputFiles[0]!.text;
}

/** The state of the page's stream badge each time it changed, from now on. */
async function watchStreamStates(page: Page): Promise<void> {
  await page.evaluate(() => {
    const badge = document.getElementById('stream-status')!;
    const seen: string[] = [badge.dataset['state'] ?? ''];
    (window as unknown as { streamStates: string[] }).streamStates = seen;
    new MutationObserver(() => seen.push(badge.dataset['state'] ?? '')).observe(badge, { attributes: true });
  });
}

const streamStates = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { streamStates: string[] }).streamStates);
const shownTexts = (page: Page): Promise<string[]> => page.locator('#timeline li .content').allTextContents();

describe('the browser example: a live local timeline in headless Chromium', () => {
  let server: FakeMastodon;
  let browser: Browser | undefined;
  let alice: FakeUser & { token: string };
  let bob: FakeUser & { token: string };

  before(async () => {
    server = await FakeMastodon.start();
    alice = server.createUser('alice');
    bob = server.createUser('bob');
    if (!HAS_CHROMIUM) return;
    const page = readFileSync(join(ROOT, 'examples/browser/index.html'), 'utf8');
    const script = await bundleApp();
    // The page and its script come from the server's own origin: API calls are same-origin.
    server.intercept((req) => {
      if (req.method !== 'GET') return undefined;
      if (req.url.pathname === '/') return { text: page, headers: { 'content-type': 'text/html; charset=utf-8' } };
      if (req.url.pathname === '/app.js') return { text: script, headers: { 'content-type': 'text/javascript; charset=utf-8' } };
      return undefined;
    });
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server.close();
  });

  for (const transport of ['sse', 'websocket'] as const) {
    it(`shows the first page, then statuses as they are posted, through a dropped stream (${transport})`, { timeout: 60_000 }, async (t) => {
      if (!browser) return t.skip('chromium not installed');
      const tag = `[${transport}]`;
      server.store.addStatus(bob.account, `${tag} older status`);
      server.store.addStatus(alice.account, `${tag} newest before load`);
      const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      try {
        await page.goto(`${server.url}/#token=${alice.token}&transport=${transport}`);
        await page.locator('#stream-status[data-state="open"]').waitFor(WAIT);
        await page.getByText(`${tag} newest before load`).waitFor(WAIT);
        const firstPage = await shownTexts(page);
        assert.ok(firstPage.indexOf(`${tag} newest before load`) < firstPage.indexOf(`${tag} older status`), 'newest first');
        await watchStreamStates(page);

        // Posted on the server, through the store and through the API: they come in front, live.
        server.store.addStatus(bob.account, `${tag} live from the store`);
        await page.getByText(`${tag} live from the store`).waitFor(WAIT);
        const posted = await fetch(`${server.url}/api/v1/statuses`, {
          method: 'POST', headers: { authorization: `Bearer ${bob.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ status: `${tag} live through the API` }),
        });
        assert.equal(posted.status, 200);
        await page.getByText(`${tag} live through the API`).waitFor(WAIT);
        assert.deepEqual((await shownTexts(page)).slice(0, 2), [`${tag} live through the API`, `${tag} live from the store`]);
        assert.equal(await page.locator('#timeline li.live').count(), 2);

        // The server cuts the stream; one status is posted while it is down, one after it is back.
        const opened = fakeStreaming(server.store).connectionsOpened;
        fakeStreaming(server.store).dropAll();
        server.store.addStatus(alice.account, `${tag} posted while the stream was down`);
        await page.getByText(`${tag} posted while the stream was down`).waitFor(WAIT);
        await page.locator('#stream-status[data-state="open"]').waitFor(WAIT);
        assert.ok(fakeStreaming(server.store).connectionsOpened > opened, 'a new connection was opened');
        server.store.addStatus(bob.account, `${tag} after the reconnect`);
        await page.getByText(`${tag} after the reconnect`).waitFor(WAIT);

        const states = await streamStates(page);
        assert.ok(states.includes('reconnecting'), `the badge showed the reconnect: ${states.join(' → ')}`);
        assert.equal(states.at(-1), 'open');
        const texts = await shownTexts(page);
        assert.equal(new Set(texts).size, texts.length, 'nothing shown twice');
        assert.deepEqual(texts.slice(0, 4), [
          `${tag} after the reconnect`, `${tag} posted while the stream was down`,
          `${tag} live through the API`, `${tag} live from the store`,
        ]);
        assert.equal(await page.locator('#error').isHidden(), true);
        assert.deepEqual(pageErrors, []);

        mkdirSync(OUT, { recursive: true });
        await page.screenshot({ path: join(OUT, `live-timeline-${transport}.png`), fullPage: true });
      } finally {
        await page.close();
      }
    });
  }
});
