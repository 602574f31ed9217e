// End-to-end: the text version of the data inside #explorer (src/core/static_page.hpp, inserted by
// scripts/assemble_page.mjs) for readers without JavaScript or without WebGL2, and out of sight
// once the widget draws.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, waitReady, imageStats, distUrl, root } from './browser.mjs';

const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
const PROJECTS = ['AI for Democracy', 'ArGiMi', 'CC-SWH', 'OpenLLM-France', 'Photoroom', 'PODRIA', 'Scribe'];
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

// A page with JavaScript turned off before anything loads (DevTools protocol: the persistent
// context of browser.mjs cannot open a context of its own with javaScriptEnabled: false).
async function openWithoutJavaScript(url, colorScheme) {
  const page = await browser.context.newPage();
  if (colorScheme) await page.emulateMedia({ colorScheme });
  const session = await page.context().newCDPSession(page);
  await session.send('Emulation.setScriptExecutionDisabled', { value: true });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(url);
  return { page, requests };
}

// What a reader can see of the text version: its text, whether the status box covers it, and
// every link's attributes.
function readFallback(page) {
  return page.evaluate(() => {
    const fallback = document.getElementById('explorer-fallback');
    const status = document.getElementById('explorer-status');
    const box = fallback.getBoundingClientRect();
    const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
    const statusBox = status.getBoundingClientRect();
    return {
      text: document.body.innerText,
      visible: !fallback.hidden && box.width > 200 && box.height > 200 && getComputedStyle(fallback).display !== 'none',
      centreIsFallback: fallback.contains(top),
      statusVisible: getComputedStyle(status).display !== 'none' && !status.hidden && statusBox.height > 0,
      statusInsideFallback: fallback.contains(status),
      statusBottom: statusBox.bottom,
      firstHeadingTop: fallback.querySelector('h2').getBoundingClientRect().top,
      links: Array.from(fallback.querySelectorAll('a')).map((a) => ({ href: a.getAttribute('href'), rel: a.rel, target: a.target })),
      fontSize: parseFloat(getComputedStyle(fallback).fontSize),
      openDetails: Array.from(fallback.querySelectorAll('details')).filter((d) => d.open).map((d) => d.lang),
    };
  });
}

function assertReadable(seen) {
  assert.ok(seen.visible, 'the text version is shown');
  for (const name of [...PROJECTS, 'Inria', 'LINAGORA', 'Mistral AI', 'CNRS']) {
    assert.ok(seen.text.includes(name), `"${name}" is readable`);
  }
  assert.ok(seen.fontSize >= 15, `font size ${seen.fontSize}`);
  assert.ok(seen.links.length >= 10, `${seen.links.length} source links`);
  for (const link of seen.links) {
    assert.match(link.href, /^https?:\/\//);
    assert.equal(link.rel, 'noopener');
    assert.equal(link.target, '_blank');
  }
}

test('without JavaScript: the seven projects, their members and the sources, readable, with no request', async () => {
  const url = distUrl('explorer.html');
  const { page, requests } = await openWithoutJavaScript(url);
  const seen = await readFallback(page);
  assertReadable(seen);
  assert.ok(seen.centreIsFallback, 'nothing covers the text');
  assert.equal(seen.statusVisible, false, 'no "Loading…" message that would never go away');
  assert.ok(seen.text.includes('Chef de file') && seen.text.includes('Organisations membres de deux projets ou plus'),
            'French, the page’s language, open');
  assert.deepEqual(seen.openDetails, [], 'English folded');
  assert.deepEqual(requests.filter((r) => r !== url), []);
  const png = await page.screenshot();
  writeFileSync(join(shots, 'fallback-nojs.png'), png);
  const stats = await imageStats(page, png);
  assert.ok(stats.darkFraction > 0.01, `text drawn: ${JSON.stringify(stats)}`);
  assert.ok(stats.lightFraction > 0.5, `light background: ${JSON.stringify(stats)}`);
  // The English version opens without any script.
  await page.click('#explorer-fallback summary');
  const english = await page.evaluate(() => document.body.innerText);
  assert.ok(english.includes('Organisations members of two or more projects'));
  await page.close();

  // Dark colour scheme: light text on the dark background.
  const dark = await openWithoutJavaScript(url, 'dark');
  const darkPng = await dark.page.screenshot();
  writeFileSync(join(shots, 'fallback-nojs-dark.png'), darkPng);
  const darkStats = await imageStats(dark.page, darkPng);
  assert.ok(darkStats.darkFraction > 0.5, `dark background: ${JSON.stringify(darkStats)}`);
  assert.ok(darkStats.lightFraction > 0.01, `light text: ${JSON.stringify(darkStats)}`);
  await dark.page.close();
});

test('without WebGL2: the message above the text version, which stays readable', async () => {
  const { page, requests } = await openPage(browser.context, 'about:blank');
  await page.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
      return type === 'webgl2' ? null : original.call(this, type, ...rest);
    };
  });
  const url = distUrl('explorer.html');
  await page.goto(url);
  const outcome = await page.evaluate(() => window.explorer.ready.then(() => 'ready', (e) => String(e)));
  assert.match(outcome, /webgl2-unavailable/);
  const seen = await readFallback(page);
  assertReadable(seen);
  assert.ok(seen.statusVisible, 'the message is shown');
  assert.match(await page.locator('#explorer-status').innerText(), /WebGL 2/);
  assert.ok(seen.statusInsideFallback && seen.statusBottom <= seen.firstHeadingTop,
            `the message sits above the text, not over it (${seen.statusBottom} > ${seen.firstHeadingTop})`);
  assert.ok(seen.centreIsFallback, 'nothing covers the text');
  // Headless Chromium speaks English: the English version is opened for it, and comes first.
  assert.deepEqual(seen.openDetails, ['en']);
  const english = seen.text.indexOf('Organisations members of two or more projects');
  const french = seen.text.indexOf('Organisations membres de deux projets ou plus');
  assert.ok(english >= 0 && french > english, `English (${english}) before French (${french})`);
  assert.deepEqual(requests.filter((r) => r !== url && r !== 'about:blank'), []);
  writeFileSync(join(shots, 'fallback-nowebgl.png'), await page.screenshot());
  await page.close();
});

test('with WebGL2: the text version is out of sight once the widget draws', async () => {
  const { page, consoleErrors } = await openPage(browser.context, distUrl('explorer.html'));
  await waitReady(page);
  const state = await page.evaluate(() => {
    const fallback = document.getElementById('explorer-fallback');
    return { hidden: fallback.hidden, display: getComputedStyle(fallback).display,
             top: document.elementFromPoint(innerWidth / 2, innerHeight / 2).id };
  });
  assert.equal(state.hidden, true);
  assert.equal(state.display, 'none');
  assert.equal(state.top, 'explorer-canvas');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
