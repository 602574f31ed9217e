#!/usr/bin/env node
// Prints the widget's figures next to peers measured in the same run:
//  - size: dist/explorer.html raw and gzipped, against the 450 KB gzip budget, and how the
//    page's parts (wasm, JS, data) share it;
//  - start: navigation start → first frame (median of 5 loads from file://), against a blank
//    page that only creates a WebGL2 context (the floor any WebGL widget pays).
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launch, root } from '../tests/e2e/browser.mjs';

const budgetGzip = 450 * 1024;
const gz = (buffer) => gzipSync(buffer, { level: constants.Z_BEST_COMPRESSION }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const page = readFileSync(join(root, 'dist/explorer.html'));
const wasm = readFileSync(join(root, 'build/web/explorer.wasm'));
const js = readFileSync(join(root, 'build/web/explorer.js'));
const data = readFileSync(join(root, 'data/laureates.json'));
console.log('== size');
console.log(`dist/explorer.html          ${page.length} bytes raw (${kb(page.length)}), ${gz(page)} bytes gzip (${kb(gz(page))})`);
console.log(`  budget (gzip)             ${budgetGzip} bytes; used ${(100 * gz(page) / budgetGzip).toFixed(1)} % (ratio ${(gz(page) / budgetGzip).toFixed(3)})`);
console.log(`  wasm                      ${wasm.length} bytes raw, ${gz(wasm)} bytes gzip`);
console.log(`  emscripten JS             ${js.length} bytes raw, ${gz(js)} bytes gzip`);
console.log(`  dataset JSON              ${data.length} bytes raw, ${gz(data)} bytes gzip`);

const peerDir = mkdtempSync(join(tmpdir(), 'explorer-bench-'));
const peerFile = join(peerDir, 'webgl2-floor.html');
writeFileSync(peerFile, `<!doctype html><canvas id="c" width="1200" height="800"></canvas><script>
  window.firstFrame = new Promise((resolve) => {
    const gl = document.getElementById('c').getContext('webgl2', { antialias: false, depth: false, alpha: false });
    requestAnimationFrame(() => { gl.clearColor(1, 1, 1, 1); gl.clear(gl.COLOR_BUFFER_BIT); requestAnimationFrame(() => resolve(performance.now())); });
  });</script>`);

const browser = await launch();
async function timeToFirstFrame(url, expression) {
  const samples = [];
  for (let i = 0; i < 5; i++) {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1200, height: 800 });
    await tab.goto(url);
    samples.push(await tab.evaluate(expression));
    await tab.close();
  }
  return samples;
}
const widget = await timeToFirstFrame(pathToFileURL(join(root, 'dist/explorer.html')).href,
  () => window.explorer.ready.then(() => performance.now()));
const floor = await timeToFirstFrame(pathToFileURL(peerFile).href, () => window.firstFrame);
// ---- idle: frames drawn and main-thread time over 5 seconds with nothing moving
async function idleFigures(url, { offscreen = false, frameOf = null } = {}) {
  const tab = await browser.context.newPage();
  await tab.setViewportSize({ width: 1000, height: 700 });
  await tab.goto(url);
  const target = frameOf ? await (await tab.waitForSelector(frameOf)).contentFrame() : tab;
  await target.waitForFunction(() => window.explorer && window.explorer.ready);
  await target.evaluate(() => window.explorer.ready);
  if (offscreen) {
    await tab.evaluate(() => {
      const spacer = document.createElement('div');
      spacer.style.height = '6000px';
      document.body.appendChild(spacer);
      window.scrollTo(0, document.body.scrollHeight);
    });
  }
  await new Promise((r) => setTimeout(r, 1500));
  const session = await tab.context().newCDPSession(tab);
  await session.send('Performance.enable');
  const metric = async () => Object.fromEntries((await session.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metric();
  const framesBefore = await target.evaluate(() => window.explorer.frames());
  await new Promise((r) => setTimeout(r, 5000));
  const after = await metric();
  const framesAfter = await target.evaluate(() => window.explorer.frames());
  await tab.close();
  return { frames: framesAfter - framesBefore, taskMs: 1000 * (after.TaskDuration - before.TaskDuration) };
}
// The peer: the stock ImGui web loop, which redraws on every animation frame whatever happens.
const loopFile = join(peerDir, 'redraw-every-frame.html');
writeFileSync(loopFile, `<!doctype html><canvas id="c" width="1000" height="700"></canvas><script>
  const gl = document.getElementById('c').getContext('webgl2', { antialias: false });
  let frames = 0;
  window.explorer = { ready: Promise.resolve(), frames: () => frames };
  (function loop() { gl.clearColor(Math.random(), 1, 1, 1); gl.clear(gl.COLOR_BUFFER_BIT); frames++; requestAnimationFrame(loop); })();
</script>`);
const idle = await idleFigures(pathToFileURL(join(root, 'dist/explorer.html')).href);
const offscreen = await idleFigures(pathToFileURL(join(root, 'dist/embed-example.html')).href, { offscreen: true, frameOf: 'iframe' });
const loop = await idleFigures(pathToFileURL(loopFile).href);
await browser.close();
console.log('== idle (5 s, nothing moving)');
console.log(`explorer visible:    ${idle.frames} frames, ${idle.taskMs.toFixed(1)} ms main-thread task time`);
console.log(`explorer offscreen:  ${offscreen.frames} frames, ${offscreen.taskMs.toFixed(1)} ms main-thread task time (whole article page)`);
console.log(`peer: redraw-every-frame loop: ${loop.frames} frames, ${loop.taskMs.toFixed(1)} ms`);
console.log(`ratio explorer / peer (task time)  ${(idle.taskMs / Math.max(loop.taskMs, 0.001)).toFixed(3)}`);
console.log('== start (headless Chromium, SwiftShader WebGL2, 1200×800, 5 loads from file://)');
console.log(`explorer: navigation → first frame   median ${median(widget).toFixed(0)} ms  (samples ${widget.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`peer: blank WebGL2 page first frame  median ${median(floor).toFixed(0)} ms  (samples ${floor.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`ratio explorer / blank WebGL2 page   ${(median(widget) / median(floor)).toFixed(2)}`);
