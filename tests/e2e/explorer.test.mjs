// End-to-end: the single-file widget opened from file:// in headless Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, waitReady, imageStats, distUrl, root } from './browser.mjs';

const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('opens from file:// with no network request, shows the seven projects', async () => {
  const url = distUrl('explorer.html');
  const { page, requests, consoleErrors } = await openPage(browser.context, url);
  const summary = await waitReady(page);
  assert.equal(summary.projects, 7);
  assert.ok(summary.organisations >= 30, `organisations: ${summary.organisations}`);
  assert.ok(summary.links >= 40, `links: ${summary.links}`);
  // The page itself is the only thing loaded: wasm, data and font are inside it.
  assert.deepEqual(requests.filter((r) => r !== url), []);
  assert.deepEqual(consoleErrors, []);

  const png = await page.screenshot();
  writeFileSync(join(shots, 'explorer-1200.png'), png);
  const stats = await imageStats(page, png);
  assert.ok(stats.distinctColours > 20, `screenshot looks blank: ${JSON.stringify(stats)}`);
  assert.ok(stats.darkFraction > 0.002, `no text drawn: ${JSON.stringify(stats)}`);
  await page.close();
});

test('canvas backing store follows devicePixelRatio (sharp on HiDPI)', async () => {
  const context = await browser.context.browser()?.newContext?.({ deviceScaleFactor: 2 });
  // launchPersistentContext has no browser object: emulate the ratio through CDP instead, before
  // the page opens (headless Chromium sends no event for an emulated change of ratio: no resize,
  // no media query change, no ResizeObserver entry; emulated after the start, the page could only
  // see it by chance).
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 640, height: 480 });
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setDeviceMetricsOverride', { width: 640, height: 480, deviceScaleFactor: 2, mobile: false });
  await page.goto(distUrl('explorer.html'));
  await waitReady(page);
  await page.waitForFunction(() => document.getElementById('explorer-canvas').width === 1280, null, { timeout: 10000 });
  const size = await page.evaluate(() => {
    const c = document.getElementById('explorer-canvas');
    const r = c.getBoundingClientRect();
    return { width: c.width, height: c.height, cssWidth: r.width, cssHeight: r.height, dpr: devicePixelRatio };
  });
  assert.equal(size.dpr, 2);
  assert.equal(size.width, Math.round(size.cssWidth * 2));
  assert.equal(size.height, Math.round(size.cssHeight * 2));
  if (context) await context.close();
  await page.close();
});

test('sized by its container: the embed example iframe', async () => {
  const { page, requests } = await openPage(browser.context, distUrl('embed-example.html'), { viewport: { width: 800, height: 900 } });
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  const summary = await waitReady(frame);
  assert.equal(summary.projects, 7);
  const sizes = await page.evaluate(() => {
    const iframe = document.querySelector('iframe');
    const canvas = iframe.contentDocument.getElementById('explorer-canvas');
    return { iframe: iframe.getBoundingClientRect().width, canvas: canvas.getBoundingClientRect().width,
             column: document.querySelector('article').getBoundingClientRect().width };
  });
  assert.ok(sizes.iframe <= sizes.column, 'iframe stays in the text column');
  assert.equal(Math.round(sizes.canvas), Math.round(sizes.iframe), 'the widget fills its container, not the window');
  writeFileSync(join(shots, 'embed-example-800.png'), await page.screenshot({ fullPage: true }));
  for (const r of requests) assert.ok(r.startsWith('file://'), `unexpected request ${r}`);
  await page.close();
});

test('without WebGL2 the reader gets a message, not a blank box', async () => {
  const { page } = await openPage(browser.context, 'about:blank');
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  await page.goto(distUrl('explorer.html'));
  const outcome = await page.evaluate(() => window.explorer.ready.then(() => 'ready', (e) => String(e)));
  assert.match(outcome, /webgl2-unavailable/);
  const message = await page.locator('#explorer-status').innerText();
  assert.match(message, /WebGL 2/);
  await page.close();
});
