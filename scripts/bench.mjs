#!/usr/bin/env node
// Prints the widget's figures next to peers measured in the same run:
//  - size: dist/explorer.html on disk and gzipped, each against its budget (350 KB and 300 KB,
//    SIZE_BUDGET in scripts/assemble_page.mjs), and how the page's parts (wasm, JS, data) share it;
//  - start: navigation start → first frame (median of 5 loads from file://), against a blank
//    page that only creates a WebGL2 context (the floor any WebGL widget pays);
//  - a reader's file: the longest main-thread block while a 100,000-entity CSV loads, in slices
//    through the file input and in one host call.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launch, root, distDir } from '../tests/e2e/browser.mjs';
import { SIZE_BUDGET, pageParts } from './assemble_page.mjs';
import { syntheticCsv } from './bench-render.mjs';

// EXPLORER_DIST (another folder of built pages) and EXPLORER_WEB_BUILD (its build/web) measure a
// build other than dist/ and build/web/.
const webBuild = process.env.EXPLORER_WEB_BUILD || join(root, 'build/web');
const gz = (buffer) => gzipSync(buffer, { level: constants.Z_BEST_COMPRESSION }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const pageFile = join(distDir, 'explorer.html');
const page = readFileSync(pageFile);
const wasm = readFileSync(join(webBuild, 'explorer.wasm'));
const js = readFileSync(join(webBuild, 'explorer.js'));
const data = readFileSync(join(root, 'data/laureates.json'));
const budgetLine = (what, bytes, budget) => `${what.padEnd(10)} ${String(bytes).padStart(7)} bytes (${kb(bytes)})   ` +
  `budget ${budget} (${kb(budget)}): ${(100 * bytes / budget).toFixed(1)} % ${bytes <= budget ? 'within' : `over by ${bytes - budget}`}`;
console.log('== size');
console.log(`${pageFile}`);
console.log('  ' + budgetLine('on disk', page.length, SIZE_BUDGET.disk));
console.log('  ' + budgetLine('gzipped', gz(page), SIZE_BUDGET.gzip));
console.log('  parts of the page (bytes on disk, gzipped alone):');
for (const part of pageParts(page.toString('utf8'))) {
  console.log(`    ${part.name.padEnd(38)} ${String(part.bytes).padStart(7)}  ${String(gz(Buffer.from(part.text))).padStart(7)}`);
}
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
const widget = await timeToFirstFrame(pathToFileURL(pageFile).href,
  () => window.explorer.ready.then(() => performance.now()));
const floor = await timeToFirstFrame(pathToFileURL(peerFile).href, () => window.firstFrame);
// Part of the start: web/unpack.js inflating the packed page (its performance measure).
const unpack = await timeToFirstFrame(pathToFileURL(pageFile).href,
  () => window.explorer.ready.then(() => (performance.getEntriesByName('explorer-unpack')[0] || { duration: NaN }).duration));
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
// ---- a reader's file: the longest main-thread block while a 100,000-entity CSV (about 10 MB) is
// read in slices, with a progress bar (what the file input does), and in one call (what it did
// before), then the longest in the 3 s after it is handed over (the views' first frames with the
// new data). PerformanceObserver "longtask": tasks over 50 ms.
async function fileLoadFigures() {
  const csvFile = join(peerDir, 'consortium-100k.csv');
  writeFileSync(csvFile, syntheticCsv(100000));
  // `load` starts the load and resolves with the page time at which the new counts are reported.
  const measure = async (load) => {
    const tab = await browser.context.newPage();
    await tab.setViewportSize({ width: 1200, height: 800 });
    await tab.goto(pathToFileURL(pageFile).href + '#lang=en&view=table');
    await tab.waitForFunction(() => window.explorer && window.explorer.ready);
    await tab.evaluate(() => window.explorer.ready);
    await tab.evaluate(() => {
      window.longTasks = [];
      new PerformanceObserver((list) => { for (const e of list.getEntries()) window.longTasks.push({ at: e.startTime, ms: e.duration }); })
        .observe({ type: 'longtask' });
    });
    const start = await tab.evaluate(() => performance.now());
    const shown = await load(tab);
    await new Promise((r) => setTimeout(r, 3000));
    const tasks = await tab.evaluate(() => window.longTasks);
    await tab.close();
    // A task is the load's when it starts before the new counts are reported.
    const longest = (from, to) => Math.max(0, ...tasks.filter((t) => t.at >= from && t.at < to).map((t) => t.ms));
    return { loadMs: shown - start, loading: longest(start, shown), after: longest(shown, Infinity) };
  };
  // The file input's path (web/host/share.js), through the host call that shares it: its Promise
  // resolves in the task that hands the dataset over, before the first frame that draws it.
  const text = readFileSync(csvFile, 'utf8');
  const sliced = await measure((tab) => tab.evaluate(async (csv) => {
    await window.explorer.loadDataset(csv, 'csv', { progressive: true });
    return performance.now();
  }, text));
  // One call blocks from its start to its end, whatever PerformanceObserver makes of a task the
  // test driver started: its own duration is the block.
  let oneCallMs = 0;
  const oneCall = await measure(async (tab) => {
    const [from, to] = await tab.evaluate((csv) => {
      const before = performance.now();
      window.explorer.loadDataset(csv, 'csv');
      return [before, performance.now()];
    }, text);
    oneCallMs = to - from;
    return to;
  });
  oneCall.loading = Math.max(oneCall.loading, oneCallMs);
  return { sliced, oneCall };
}
const fileLoad = await fileLoadFigures();
const idle = await idleFigures(pathToFileURL(pageFile).href);
const offscreen = await idleFigures(pathToFileURL(join(distDir, 'embed-example.html')).href, { offscreen: true, frameOf: 'iframe' });
const loop = await idleFigures(pathToFileURL(loopFile).href);
await browser.close();
console.log('== idle (5 s, nothing moving)');
console.log(`explorer visible:    ${idle.frames} frames, ${idle.taskMs.toFixed(1)} ms main-thread task time`);
console.log(`explorer offscreen:  ${offscreen.frames} frames, ${offscreen.taskMs.toFixed(1)} ms main-thread task time (whole article page)`);
console.log(`peer: redraw-every-frame loop: ${loop.frames} frames, ${loop.taskMs.toFixed(1)} ms`);
console.log(`ratio explorer / peer (task time)  ${(idle.taskMs / Math.max(loop.taskMs, 0.001)).toFixed(3)}`);
console.log('== start (headless Chromium, SwiftShader WebGL2, 1200×800, 5 loads from file://)');
console.log(`explorer: navigation → first frame   median ${median(widget).toFixed(0)} ms  (samples ${widget.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`  of which unpacking the page        median ${median(unpack).toFixed(0)} ms  (samples ${unpack.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`peer: blank WebGL2 page first frame  median ${median(floor).toFixed(0)} ms  (samples ${floor.map((v) => v.toFixed(0)).join(', ')})`);
console.log(`ratio explorer / blank WebGL2 page   ${(median(widget) / median(floor)).toFixed(2)}`);
console.log('== a reader\'s file: 100,000 entities as CSV (longest main-thread block, PerformanceObserver longtask)');
const loadLine = (f) => `loaded in ${f.loadMs.toFixed(0)} ms, longest block while loading ${f.loading.toFixed(0)} ms, ` +
  `in the 3 s after it is shown ${f.after.toFixed(0)} ms`;
console.log(`in slices (file input, {progressive}): ${loadLine(fileLoad.sliced)}`);
console.log(`in one call (before):                 ${loadLine(fileLoad.oneCall)}`);
