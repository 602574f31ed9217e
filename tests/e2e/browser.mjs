// Shared helpers for the end-to-end tests: Debian's Chromium driven by playwright-core, with
// WebGL2 through SwiftShader (no GPU on the test machines), and checks on what a page shows.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// EXPLORER_DIST: another folder of built pages (a helper's own build), instead of dist/.
export const distDir = process.env.EXPLORER_DIST ? resolve(process.env.EXPLORER_DIST) : join(root, 'dist');
export const distUrl = (name) => pathToFileURL(join(distDir, name)).href;

const chromiumArgs = [
  '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--disable-default-apps', '--no-default-browser-check',
  '--allow-file-access-from-files',
];

/** Launches headless Chromium; the caller closes it with `await close()`. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'explorer-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    chromiumSandbox: false,
    acceptDownloads: true,
    viewport: { width: 1200, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Opens a page and records every request it makes. */
export async function openPage(context, url, { viewport, colorScheme, locale } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  if (colorScheme) await page.emulateMedia({ colorScheme });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  const consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') consoleErrors.push(message.text()); });
  page.on('pageerror', (error) => consoleErrors.push(String(error)));
  if (locale) {
    await page.addInitScript((lang) => {
      Object.defineProperty(navigator, 'language', { get: () => lang });
      Object.defineProperty(navigator, 'languages', { get: () => [lang] });
    }, locale);
  }
  await page.goto(url);
  return { page, requests, consoleErrors };
}

/** Waits for `explorer.ready` in the page (or a frame) and returns the summary. */
export async function waitReady(target, timeout = 30000) {
  await target.waitForFunction(() => window.explorer && window.explorer.ready, null, { timeout });
  return target.evaluate(() => window.explorer.ready.then(() => window.explorer.summary()));
}

/**
 * Colour statistics of a PNG screenshot, decoded by the browser itself:
 * {width, height, distinctColours, darkFraction, lightFraction, meanLuminance}.
 */
export async function imageStats(page, png) {
  return page.evaluate(async (base64) => {
    const blob = await (await fetch('data:image/png;base64,' + base64)).blob();
    const bitmap = await createImageBitmap(blob);
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    ctx.drawImage(bitmap, 0, 0);
    const { data } = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    const colours = new Set();
    let dark = 0, light = 0, sum = 0;
    const pixels = data.length / 4;
    for (let i = 0; i < data.length; i += 4) {
      const lum = 0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2];
      sum += lum;
      if (lum < 64) dark++;
      if (lum > 192) light++;
      if (colours.size < 5000) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
    }
    return { width: bitmap.width, height: bitmap.height, distinctColours: colours.size,
             darkFraction: dark / pixels, lightFraction: light / pixels, meanLuminance: sum / pixels };
  }, png.toString('base64'));
}

/** Serves a folder on 127.0.0.1 (an ephemeral port) for tests that need http origins. */
export async function serve(dir, extraFiles = {}) {
  const { createServer } = await import('node:http');
  const { readFile } = await import('node:fs/promises');
  const { extname, normalize } = await import('node:path');
  const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };
  const server = createServer(async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path in extraFiles) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(extraFiles[path]);
      return;
    }
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir)) { response.writeHead(403); response.end(); return; }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
      response.end(body);
    } catch {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  // Browsers keep connections alive: close them too, or close() would wait for them.
  return {
    port: server.address().port,
    close: () => new Promise((resolve) => { server.close(resolve); server.closeAllConnections(); }),
  };
}

/** Waits for `ms` milliseconds of page time. */
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Opens dist/explorer.html + `query` and waits for the first frame and for the mirror
 * (web/host/mirror.js) to hold its elements (`mirrorSelector`: one of them).
 */
export async function openMirrored(context, query = '', { viewport = { width: 1200, height: 800 }, colorScheme,
  locale = 'en-GB', mirrorSelector = '#explorer-mirror [data-node]' } = {}) {
  const opened = await openPage(context, distUrl('explorer.html') + query, { viewport, colorScheme, locale });
  await waitReady(opened.page);
  await opened.page.waitForSelector(mirrorSelector, { state: 'attached', timeout: 10000 });
  return opened;
}

/**
 * Waits until the widget draws nothing more (no frame for 300 ms), then `after` ms more for the
 * mirror (web/host/mirror.js) to catch up with the last frame.
 */
export async function settle(page, after = 400) {
  await page.waitForFunction(() => new Promise((resolve) => {
    const before = window.explorer.frames();
    setTimeout(() => resolve(window.explorer.frames() === before), 300);
  }), null, { timeout: 20000 });
  if (after > 0) await sleep(after);
}
