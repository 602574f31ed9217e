// End-to-end: the reader's preferences (web/host/preferences.js → explorer_set_preferences_json →
// core/reader_preferences.hpp). Reduced motion draws the settled network at once and never glides;
// forced colours draw the canvas in the system's colours; more contrast switches to the
// high-contrast palette; at 200 % zoom (600 × 400 CSS px at device pixel ratio 2, as Chromium
// zooms) every project stays reachable and the toolbar stays on the canvas. Screenshots go to
// test-results/ to be looked at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { launch, waitReady, distUrl, root, sleep, settle } from './browser.mjs';

const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
const PROJECTS = ['project:ai-for-democracy', 'project:argimi', 'project:cc-swh', 'project:openllm-france',
  'project:photoroom', 'project:podria', 'project:scribe'];
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

// A page with media features emulated before it loads (the module reads them before its first frame).
async function open({ media = {}, viewport = { width: 1200, height: 800 }, metrics, query = '?lang=en' } = {}) {
  const page = await browser.context.newPage();
  await page.setViewportSize(viewport);
  if (Object.keys(media).length) await page.emulateMedia(media);
  if (metrics) {
    const session = await page.context().newCDPSession(page);
    await session.send('Emulation.setDeviceMetricsOverride', { mobile: false, ...metrics });
  }
  const errors = [];
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.goto(distUrl('explorer.html') + query);
  await waitReady(page);
  return { page, errors };
}

const positions = (page, ids) => page.evaluate((list) => Object.fromEntries(list.map((id) => [id, window.explorer.locate(id)])), ids);

// A CSS colour as the page resolves it, "#rrggbb" (a probe never forced to other colours).
const resolveColour = (page, css) => page.evaluate((colour) => {
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;forced-color-adjust:none';
  probe.style.color = colour;
  document.body.appendChild(probe);
  const channels = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
  probe.remove();
  return '#' + channels.map((c) => c.toString(16).padStart(2, '0')).join('');
}, css);

// Exact colour counts of a PNG (decoded by the browser): {'#rrggbb': pixels}, and the pixel at given points.
async function pixels(page, png, points = []) {
  return page.evaluate(async ({ base64, points }) => {
    const bitmap = await createImageBitmap(await (await fetch('data:image/png;base64,' + base64)).blob());
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const hex = (i) => '#' + [data[i], data[i + 1], data[i + 2]].map((c) => c.toString(16).padStart(2, '0')).join('');
    const counts = {};
    for (let i = 0; i < data.length; i += 4) { const h = hex(i); counts[h] = (counts[h] || 0) + 1; }
    let darker = 0; // darker than the ordinary light palette's text, #1b1e23, in every channel
    for (let i = 0; i < data.length; i += 4) if (data[i] < 0x1b && data[i + 1] < 0x1e && data[i + 2] < 0x23) darker++;
    const at = points.map(([x, y]) => hex((Math.round(y) * bitmap.width + Math.round(x)) * 4));
    return { counts, at, total: data.length / 4, darkerThanText: darker / (data.length / 4) };
  }, { base64: png.toString('base64'), points });
}

const share = (result, colour) => (result.counts[colour] || 0) / result.total;

test('reduced motion: the settled network at once, no frame after the first few, nothing glides on a filter change', async () => {
  const ids = ['org:inria', 'project:scribe', 'project:argimi', 'org:mistral-ai'];
  const { page, errors } = await open({ media: { reducedMotion: 'reduce' } });
  const atReady = await page.evaluate(() => window.explorer.frames());
  await sleep(200);
  const early = await positions(page, ids);
  for (const id of ids) assert.ok(early[id], `${id} is drawn 200 ms after ready`);
  await sleep(800);
  const oneSecond = await page.evaluate(() => window.explorer.frames());
  await sleep(1000);
  const twoSeconds = await page.evaluate(() => window.explorer.frames());
  assert.equal(twoSeconds, oneSecond, 'no frame is drawn while nothing changes');
  assert.ok(oneSecond - atReady <= 8, `frames after ready: ${oneSecond - atReady}`);
  assert.deepEqual(await positions(page, ids), early, 'the same places 200 ms and 2 s after ready');

  // A filter change: the new places at once, the same a second later.
  const shown = ['org:inria', 'org:cnrs', 'project:scribe'];
  await page.evaluate(() => window.explorer.setState({ filters: { multiProject: true } }));
  const right = await positions(page, shown);
  for (const id of shown) assert.ok(right[id], `${id} is drawn right after the filter`);
  await sleep(1000);
  assert.deepEqual(await positions(page, shown), right, 'snapped, not gliding');
  assert.notDeepEqual(right['org:inria'], early['org:inria'], 'the filter moved the node');
  writeFileSync(join(shots, 'reduced-motion.png'), await page.screenshot());

  // The preference followed live: without it, the same change glides (the places move after the call).
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  await settle(page, 0);
  const gliding = await page.evaluate((list) => {
    window.explorer.setState({ filters: { multiProject: false } });
    return Object.fromEntries(list.map((id) => [id, window.explorer.locate(id)]));
  }, shown);
  await settle(page, 0);
  assert.notDeepEqual(await positions(page, shown), gliding, 'without the preference, nodes glide');
  assert.deepEqual(errors, []);
  await page.close();
});

test('forced colours: the canvas is drawn in the system colours the page resolves', async () => {
  const { page, errors } = await open({ media: { forcedColors: 'active' } });
  await settle(page, 0);
  const system = {};
  for (const name of ['Canvas', 'CanvasText', 'LinkText', 'Highlight', 'HighlightText', 'GrayText', 'ButtonFace', 'ButtonText'])
    system[name] = await resolveColour(page, name);
  await page.evaluate(() => window.explorer.select('org:inria'));
  await settle(page, 0);
  const png = await page.screenshot();
  writeFileSync(join(shots, 'forced-colors.png'), png);
  // Corners of the widget and a spot of the network's empty canvas, away from nodes and panels.
  const result = await pixels(page, png, [[3, 3], [1196, 3], [3, 796]]);
  for (const colour of result.at) assert.equal(colour, system.Canvas, `background ${colour}, system Canvas ${system.Canvas}`);
  assert.ok(share(result, system.Canvas) > 0.5, `Canvas covers ${share(result, system.Canvas)}`);
  assert.ok(share(result, system.CanvasText) > 0.005, `text and edges in CanvasText: ${share(result, system.CanvasText)}`);
  assert.ok(share(result, system.Highlight) > 0.0005, `the selection in Highlight: ${share(result, system.Highlight)}`);
  // Our own colours are gone: the light and dark palettes' backgrounds and text.
  for (const own of ['#f4f5f7', '#1b1e23', '#16181c', '#0b5cad'].filter((c) => !Object.values(system).includes(c)))
    assert.ok(share(result, own) < 0.001, `${own} still drawn: ${share(result, own)}`);
  // The page's own parts follow too: the focus ring is Highlight.
  const ring = await page.evaluate(() => {
    const r = document.getElementById('explorer-focus-ring');
    r.className = 'explorer-ring';
    return getComputedStyle(r).borderTopColor;
  });
  assert.equal(await resolveColour(page, ring), system.Highlight);
  assert.deepEqual(errors, []);
  await page.close();
});

test('more contrast: darker text and opaque edges than the ordinary palette', async () => {
  const shot = async (media) => {
    const { page, errors } = await open({ media: { colorScheme: 'light', ...media } });
    await page.evaluate(() => window.explorer.select('org:inria'));
    await settle(page, 0);
    const png = await page.screenshot();
    const result = await pixels(page, png);
    assert.deepEqual(errors, []);
    await page.close();
    return { png, result };
  };
  const ordinary = await shot({ contrast: 'no-preference' });
  const more = await shot({ contrast: 'more' });
  writeFileSync(join(shots, 'contrast-more.png'), more.png);
  // Text: #1b1e23 in the ordinary palette, #000000 with more contrast (antialiased, so counted as
  // pixels darker than the ordinary text can be); borders #c9cdd3 → #5c636d; the accent and
  // project colour #0b5cad → #003d7a; edges translucent → opaque #33383f.
  assert.ok(ordinary.result.darkerThanText < 0.0002, `ordinary: ${ordinary.result.darkerThanText}`);
  assert.ok(more.result.darkerThanText > 0.002, `black text with more contrast: ${more.result.darkerThanText}`);
  for (const [before, after, least] of [['#c9cdd3', '#5c636d', 0.003], ['#0b5cad', '#003d7a', 0.001], [null, '#33383f', 0.002]]) {
    if (before) {
      assert.ok(share(ordinary.result, before) > least, `${before} in the ordinary palette: ${share(ordinary.result, before)}`);
      assert.ok(share(more.result, before) < 0.0005, `${before} left with more contrast: ${share(more.result, before)}`);
    }
    assert.ok(share(more.result, after) > least, `${after} with more contrast: ${share(more.result, after)}`);
    assert.ok(share(ordinary.result, after) < 0.0005, `${after} in the ordinary palette: ${share(ordinary.result, after)}`);
  }
});

test('200 % zoom: every project reachable, the toolbar on the canvas, the text readable', async () => {
  const viewport = { width: 600, height: 400 };
  const { page, errors } = await open({ viewport, metrics: { ...viewport, deviceScaleFactor: 2 } });
  await page.waitForFunction(() => document.getElementById('explorer-canvas').width === 1200, null, { timeout: 10000 });
  await settle(page, 0);
  writeFileSync(join(shots, 'zoom-200.png'), await page.screenshot());
  const inView = (r) => r && r.width > 0 && r.x >= 0 && r.y >= 0 && r.x + r.width <= viewport.width && r.y + r.height <= viewport.height;
  // In the network, or else in the project cards (which scroll them into sight).
  const network = await positions(page, PROJECTS);
  const missing = PROJECTS.filter((id) => !inView(network[id]));
  if (missing.length) {
    await page.evaluate(() => window.explorer.setView('projects'));
    for (const id of missing) {
      const at = await page.evaluate((target) => window.explorer.locate(target), id);
      assert.ok(inView(at), `${id} reachable in the cards: ${JSON.stringify(at)}`);
    }
    writeFileSync(join(shots, 'zoom-200-projects.png'), await page.screenshot());
    await page.evaluate(() => window.explorer.setView('network'));
  }
  // "Show all", the last button of the toolbar along the canvas's bottom edge, is on screen: a
  // click there frames the graph again after a zoom.
  const showAll = async () => {
    await page.evaluate(() => window.explorer.setState({ camera: { zoom: 3, x: 0, y: 0 } }));
    await settle(page, 0);
    await page.mouse.click(viewport.width - 20, viewport.height - 18);
    await page.waitForFunction(() => window.explorer.getState().camera === null, null, { timeout: 5000 });
  };
  await showAll();
  // With the filters open (their button ends the row of controls, under the two-line title) the
  // list scrolls in a frame of its own and the network keeps its toolbar on screen.
  await page.mouse.click(viewport.width - 37, 72);
  await settle(page, 0);
  writeFileSync(join(shots, 'zoom-200-filters.png'), await page.screenshot());
  await showAll();
  assert.deepEqual(errors, []);
  await page.close();
});

// Chromium's "minimum font size" setting lives in the profile's preferences: a profile of its own.
async function launchWithMinimumFontSize(size) {
  const profile = mkdtempSync(join(tmpdir(), 'explorer-e2e-minfont-'));
  mkdirSync(join(profile, 'Default'));
  writeFileSync(join(profile, 'Default', 'Preferences'), JSON.stringify({ webkit: { webprefs: { minimum_font_size: size } } }));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, chromiumSandbox: false,
    args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--allow-file-access-from-files'],
    viewport: { width: 1200, height: 800 },
  });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

test('minimum font size: the widget\'s text is scaled up to the browser\'s minimum', async () => {
  const rowHeight = async (context) => {
    const page = await context.newPage();
    await page.goto(distUrl('explorer.html') + '?lang=en&view=table');
    await waitReady(page);
    await settle(page, 0);
    const rect = await page.evaluate(() => window.explorer.locate('org:inria'));
    const png = await page.screenshot();
    await page.close();
    return { height: rect.height, png };
  };
  const ordinary = await rowHeight(browser.context);
  const larger = await launchWithMinimumFontSize(20);
  try {
    const scaled = await rowHeight(larger.context);
    writeFileSync(join(shots, 'minimum-font-size.png'), scaled.png);
    // The smallest text is 13 px: a 20 px minimum scales every size by 20 / 13.
    const ratio = scaled.height / ordinary.height;
    assert.ok(ratio > 1.35 && ratio < 1.75, `row ${ordinary.height} px → ${scaled.height} px`);
  } finally {
    await larger.close();
  }
});
