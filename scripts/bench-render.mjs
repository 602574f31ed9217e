#!/usr/bin/env node
// Drawing figures (figures, not pass/fail): what a frame costs while the reader pans the network,
// in headless Chromium with software WebGL (SwiftShader), on the shipped data and on synthetic
// consortia (a 10,000-node graph by default). The pointer is pressed on the graph and moved N
// times (--frames), each move waited for until a frame shows it. For each dataset it prints
//  - main-thread time per pan frame (median, p95, max): the time inside the animation-frame
//    callback that drew the first frame after each move (our wasm, the Emscripten GL glue and the
//    WebGL calls), divided by the frames it drew (the page's mirror may draw the pan frame and
//    its follow-up in one callback), and the widget's own split of it (window.__explorerFrameTimes,
//    src/web/main.cpp): the wasm building the UI, then the drawing (renderer and WebGL calls);
//    and per pointer move, every frame it caused;
//  - what the pan frame sent to WebGL, exactly (from its clear to the next frame's): bytes through
//    bufferData/bufferSubData (vertex and index buffers apart; ImGui vertices are 20 bytes),
//    texture bytes, the number of buffer calls;
//  - synchronous GL state queries per pan frame (getParameter, getError, isEnabled, isProgram…),
//    each a round trip to the GPU process; draw calls per pan frame;
//  - how many frames one input event (a 1-pixel pointer move over the graph) draws.
// The page is instrumented from outside (a wrapped WebGL2RenderingContext prototype and a wrapped
// requestAnimationFrame, installed before the page's scripts): nothing in the widget is changed,
// so the same script measures any build. Before panning a synthetic graph its layout is run to
// the end (--settle), so that the frames measured draw a still graph.
//
//   node scripts/bench-render.mjs                        # dist/explorer.html: shipped data + 10k synthetic
//   node scripts/bench-render.mjs --page /tmp/d-dist/explorer.html --nodes 1000 --nodes 10000
//   node scripts/bench-render.mjs --data big.csv --data big.json   # any dataset the widget loads
// For each synthetic graph (and CSV given by --data), sigma.js draws the same graph in the same run
// and the ratio of pan-frame times is printed (--no-peer skips it).
//   options: --frames N (pointer moves measured, default 60), --no-shipped, --no-peer, --settle finish|wait|none
//            (finish: the layout is run to the end through the keyboard's step, which needs every
//            node's settled place; wait: until nothing moves; none: pan while it moves), --json
//   (EXPLORER_DIST names another folder holding explorer.html, as for the e2e tests.)
// Takes about 1 minute for the shipped data and 10k nodes with the new renderer (the layout of
// 10k nodes takes ~20-45 s to finish); the old one needed seconds per frame at 10k (--frames 15).
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { resolve, basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, waitReady, distDir, sleep, root } from '../tests/e2e/browser.mjs';

function parseArgs(argv) {
  const args = { page: resolve(distDir, 'explorer.html'), data: [], nodes: [], frames: 60, shipped: true,
                 settle: 'finish', json: false, peer: true };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (argv[i + 1] === undefined) usage();
      return argv[++i];
    };
    if (a === '--page') args.page = resolve(value());
    else if (a === '--data') args.data.push(resolve(value()));
    else if (a === '--nodes') args.nodes.push(Number(value()));
    else if (a === '--frames') args.frames = Number(value());
    else if (a === '--settle') args.settle = value();
    else if (a === '--no-shipped') args.shipped = false;
    else if (a === '--json') args.json = true;
    else if (a === '--no-peer') args.peer = false;
    else usage();
  }
  if (args.nodes.length === 0 && args.data.length === 0) args.nodes.push(10000);
  if (!['finish', 'wait', 'none'].includes(args.settle) || !(args.frames > 0)) usage();
  return args;
}

function usage() {
  console.error('usage: bench-render.mjs [--page FILE] [--data FILE]... [--nodes N]... [--frames N] ' +
                '[--no-shipped] [--no-peer] [--settle finish|wait|none] [--json]');
  process.exit(2);
}

// A synthetic consortium as a CSV of relations (src/core/csv_import.hpp): 10 % projects, each
// with a lead and 5-30 members drawn with a power law (a few organisations in very many
// projects), supporters, models developed by projects and based on one another, initiatives the
// projects are part of. Deterministic for a size.
export function syntheticCsv(nodes, seed = 1) {
  let state = seed >>> 0;
  const rand = () => { state = (state * 1664525 + 1013904223) >>> 0; return state / 4294967296; };
  const projects = Math.max(3, Math.round(nodes * 0.1));
  const models = Math.round(nodes * 0.04);
  const initiatives = Math.round(nodes * 0.01);
  const orgs = Math.max(1, nodes - projects - models - initiatives);
  const types = ['company', 'startup', 'university', 'public_research', 'nonprofit', 'community', 'ministry'];
  const lines = ['source,target,role,source_type,target_type'];
  const pick = () => Math.min(orgs - 1, Math.floor(orgs * Math.pow(rand(), 2.2)));
  let fresh = 0;
  for (let p = 0; p < projects; p++) {
    const size = 5 + Math.floor(rand() * 26);
    const members = new Set();
    for (let j = 0; j < size; j++) {
      const o = fresh < orgs && rand() < 0.45 ? fresh++ : pick();
      if (members.has(o)) continue;
      members.add(o);
      const role = j === 0 ? 'lead' : rand() < 0.8 ? 'partner' : 'supporter';
      lines.push(`Project ${p},Org ${o},${role},project,${types[o % types.length]}`);
    }
  }
  for (; fresh < orgs; fresh++)
    lines.push(`Project ${Math.floor(rand() * projects)},Org ${fresh},partner,project,${types[fresh % types.length]}`);
  for (let m = 0; m < models; m++) {
    lines.push(`Project ${Math.floor(rand() * projects)},Model ${m},develops,project,model`);
    if (m > 0 && rand() < 0.5) lines.push(`Model ${m},Model ${Math.floor(rand() * m)},based_on,model,model`);
  }
  for (let i = 0; i < initiatives; i++) {
    const n = 1 + Math.floor(rand() * 4);
    for (let j = 0; j < n; j++) lines.push(`Project ${Math.floor(rand() * projects)},Initiative ${i},part_of,project,initiative`);
  }
  return lines.join('\n') + '\n';
}

// Installed before the page's own scripts.
function instrument() {
  const stats = {
    recording: false, frames: [], step: 0,
    glFrames: [], // the counters at each frame's clear (both renderers clear once per frame)
    counters: { vertexBytes: 0, indexBytes: 0, otherBufferBytes: 0, bufferCalls: 0, textureBytes: 0, textureCalls: 0,
                queries: 0, draws: 0 },
  };
  window.__renderBench = stats;
  // The widget's own split of each frame (src/web/main.cpp, reportFrameTimes): building the UI in
  // the wasm, then drawing it (renderer and WebGL calls). performance.now() is coarse here (100 µs
  // without cross-origin isolation): two readings a frame are enough for milliseconds.
  window.__explorerFrameTimes = [];
  const c = stats.counters;
  const P = WebGL2RenderingContext.prototype;
  const before = (name, f) => {
    const original = P[name];
    P[name] = function (...args) { f.apply(this, args); return original.apply(this, args); };
  };
  const ARRAY_BUFFER = 0x8892, ELEMENT_ARRAY_BUFFER = 0x8893;
  // bufferData(target, size | data, usage[, srcOffset[, length]]); bufferSubData(target, offset, data[, srcOffset[, length]])
  const bytesOf = (data, srcOffset, length) => {
    if (typeof data === 'number' || data == null) return 0; // an allocation: nothing copied
    const element = data.BYTES_PER_ELEMENT || 1;
    if (length !== undefined && length !== 0) return length * element;
    const total = data.byteLength;
    return srcOffset ? total - srcOffset * element : total;
  };
  const countBuffer = (target, bytes) => {
    c.bufferCalls++;
    if (target === ARRAY_BUFFER) c.vertexBytes += bytes;
    else if (target === ELEMENT_ARRAY_BUFFER) c.indexBytes += bytes;
    else c.otherBufferBytes += bytes;
  };
  before('bufferData', function (target, data, usage, srcOffset, length) { countBuffer(target, bytesOf(data, srcOffset, length)); });
  before('bufferSubData', function (target, offset, data, srcOffset, length) { countBuffer(target, bytesOf(data, srcOffset, length)); });
  for (const name of ['texImage2D', 'texSubImage2D']) {
    before(name, function (...args) {
      c.textureCalls++;
      const pixels = args.find((a) => a && typeof a === 'object' && 'byteLength' in a);
      if (pixels) c.textureBytes += pixels.byteLength;
    });
  }
  for (const name of ['getParameter', 'getError', 'isEnabled', 'isProgram', 'isBuffer', 'isTexture', 'getVertexAttrib',
                      'getBufferParameter', 'getProgramParameter', 'getShaderParameter', 'getUniformLocation',
                      'getAttribLocation', 'getIndexedParameter', 'getSamplerParameter', 'getTexParameter'])
    before(name, () => { c.queries++; });
  for (const name of ['drawElements', 'drawArrays', 'drawElementsInstanced', 'drawArraysInstanced', 'drawRangeElements'])
    before(name, () => { c.draws++; });
  before('clear', () => { if (stats.recording) stats.glFrames.push({ step: stats.step, ...c }); });

  const raw = window.requestAnimationFrame.bind(window);
  window.__rawRequestAnimationFrame = raw;
  window.requestAnimationFrame = (callback) => raw((time) => {
    const start = { ...c };
    const drawn = () => (window.explorer && window.explorer.frames ? window.explorer.frames() : 0);
    const framesBefore = drawn();
    const timesBefore = window.__explorerFrameTimes ? window.__explorerFrameTimes.length : 0;
    const t0 = performance.now();
    try {
      return callback(time);
    } finally {
      const t1 = performance.now();
      // Only the callbacks that drew a frame of the widget (the page's own are not frames).
      if (stats.recording && drawn() > framesBefore) {
        const frame = { ms: t1 - t0, at: t0, drew: drawn() - framesBefore, step: stats.step, buildMs: 0, drawMs: 0 };
        for (const [build, draw] of (window.__explorerFrameTimes || []).slice(timesBefore)) {
          frame.buildMs += build;
          frame.drawMs += draw;
        }
        for (const key of Object.keys(c)) frame[key] = c[key] - start[key];
        stats.frames.push(frame);
      }
    }
  });
}

const quantile = (values, q) => {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1) + 0.5))];
};
const median = (values) => quantile(values, 0.5);

async function frames(page) { return page.evaluate(() => window.explorer.frames()); }

// Waits until the widget draws nothing more for 300 ms.
async function still(page, timeout) {
  await page.waitForFunction(() => new Promise((done) => {
    const before = window.explorer.frames();
    setTimeout(() => done(window.explorer.frames() === before), 300);
  }), null, { timeout, polling: 100 });
}

// The layout's settled places, at once: the keyboard's step from a node needs every node's
// settled place (NetworkScene::placedNodes finishes the layout).
export async function finishLayout(page, known) {
  // The mirror catches up with a new dataset a little after its first frame.
  await page.waitForFunction((entity) => {
    if (entity) return !!document.querySelector(`#explorer-mirror [data-node="network/projects/${entity}"]`);
    const first = document.querySelector('#explorer-mirror [data-node^="network/projects/"][data-node$="/select"]');
    return !!first && !(window.__mirrorBefore || []).includes(first.getAttribute('data-node').replace(/\/select$/, ''));
  }, known || null, { timeout: 120000 });
  const id = known || await page.evaluate(() => {
    const node = document.querySelector('#explorer-mirror [data-node^="network/projects/"][data-node$="/select"]')
      || document.querySelector('#explorer-mirror [data-node^="network/"][data-node$="/select"]');
    return node ? node.getAttribute('data-node').split('/')[2] : null;
  });
  if (!id) return false;
  await page.evaluate((entity) => window.explorer.select(entity), id);
  const focus = `[data-node="network/focus/${id}/node"]`;
  await page.waitForSelector(focus, { state: 'attached', timeout: 180000 });
  await page.focus(focus);
  await page.keyboard.press('ArrowRight');
  await page.evaluate(() => { window.explorer.select(null); window.explorer.setState({ camera: 'fit' }); });
  return true;
}

// Presses at (x0, y0), drags past ImGui's threshold, then moves the pointer `framesWanted` times
// along a loop, each move waited for until a frame shows it, with the page's frames recorded.
async function dragRecorded(page, x0, y0, framesWanted) {
  await page.mouse.down();
  await page.mouse.move(x0 + 12, y0 + 4); // past ImGui's drag threshold
  await page.evaluate(() => new Promise((done) => window.__rawRequestAnimationFrame(() => setTimeout(done, 0))));
  await page.evaluate(() => { window.__renderBench.frames = []; window.__renderBench.recording = true; });
  for (let i = 1; i <= framesWanted; i++) {
    const angle = i / 8;
    const before = await page.evaluate((step) => { window.__renderBench.step = step; return window.explorer.frames(); }, i);
    await page.mouse.move(x0 + 12 + 80 * Math.sin(angle), y0 + 4 + 50 * (1 - Math.cos(angle)));
    await page.waitForFunction((n) => window.explorer.frames() > n, before, { polling: 'raf', timeout: 60000 });
  }
}

async function measure(page, label, { framesWanted, settle, entity }) {
  const t0 = Date.now();
  if (settle === 'finish') await finishLayout(page, entity);
  if (settle !== 'none') await still(page, settle === 'wait' ? 900000 : 300000);
  const settleMs = Date.now() - t0;
  await sleep(200);
  const box = await page.evaluate(() => {
    const r = document.getElementById('explorer-canvas').getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  // Press on the graph area (left of the details column, above the toolbar) and drag in a loop.
  const x0 = box.x + box.width * 0.35, y0 = box.y + box.height * 0.5;
  await page.mouse.move(x0, y0);
  await still(page, 60000).catch(() => {});
  await dragRecorded(page, x0, y0, framesWanted);
  await page.waitForFunction(() => new Promise((done) => {
    const before = window.explorer.frames();
    setTimeout(() => done(window.explorer.frames() === before), 300);
  }), null, { timeout: 60000, polling: 100 }).catch(() => {});
  const { pan, glFrames } = await page.evaluate(() => {
    const bench = window.__renderBench;
    bench.recording = false;
    bench.glFrames.push({ step: -1, ...bench.counters }); // closes the last frame
    return { pan: bench.frames, glFrames: bench.glFrames };
  });
  await page.mouse.up();
  await still(page, 60000).catch(() => {});
  // How many frames one input event asks for: a 1-pixel move of the pointer over the graph.
  const framesBeforeMove = await frames(page);
  await page.mouse.move(x0 + 1, y0 + 1);
  await still(page, 60000).catch(() => {});
  const framesPerEvent = (await frames(page)) - framesBeforeMove;

  // The pan frames: the first frame drawn after each move (the one that shows it). The frames
  // that follow it before the next move are counted apart (what the widget asks for after an event).
  const firstOfStep = new Set();
  // (The page's mirror may draw them from its own animation-frame callback, two in one: the
  // pan frame and its follow-up; the time is then shared, the uploads are the pan frame's.)
  const drawnFrames = pan.filter((f) => {
    if (f.drew <= 0 || f.step < 1 || firstOfStep.has(f.step)) return false;
    firstOfStep.add(f.step);
    return true;
  });
  const followUps = pan.filter((f) => f.drew > 0 && f.step >= 1).reduce((n, f) => n + f.drew, 0) - drawnFrames.length;
  const perFrame = drawnFrames.map((f) => f.ms / f.drew);
  const buildPerFrame = drawnFrames.map((f) => f.buildMs / f.drew);
  const drawPerFrame = drawnFrames.map((f) => f.drawMs / f.drew);
  // Main-thread time spent drawing between one move and the next (all its frames).
  const steps = new Map();
  for (const f of pan.filter((f) => f.drew > 0 && f.step >= 1)) steps.set(f.step, (steps.get(f.step) || 0) + f.ms);
  const stepMs = [...steps.values()];
  const framesDrawn = drawnFrames.length;
  // What each pan frame sent to WebGL, exactly: from its clear to the next frame's (the first
  // frame drawn after each move).
  const glPan = [];
  const seen = new Set();
  for (let i = 0; i + 1 < glFrames.length; i++) {
    if (glFrames[i].step < 1 || seen.has(glFrames[i].step)) continue;
    seen.add(glFrames[i].step);
    const frame = {};
    for (const key of Object.keys(glFrames[i])) frame[key] = glFrames[i + 1][key] - glFrames[i][key];
    glPan.push(frame);
  }
  const perFrameOf = (key) => glPan.map((f) => f[key]);
  const uploads = glPan.map((f) => f.vertexBytes + f.indexBytes + f.otherBufferBytes + f.textureBytes);
  const result = {
    dataset: label,
    summary: await page.evaluate(() => window.explorer.summary()),
    settleMs,
    moves: framesWanted,
    framesDrawn,
    followUps,
    frameMs: { median: median(perFrame), p95: quantile(perFrame, 0.95), max: Math.max(...perFrame) },
    buildMs: { median: median(buildPerFrame), p95: quantile(buildPerFrame, 0.95) },
    drawMs: { median: median(drawPerFrame), p95: quantile(drawPerFrame, 0.95) },
    stepMs: { median: median(stepMs), p95: quantile(stepMs, 0.95) },
    uploadBytesPerFrame: { median: median(uploads), max: Math.max(...uploads) },
    vertexBytes: median(perFrameOf('vertexBytes')), indexBytes: median(perFrameOf('indexBytes')),
    otherBufferBytes: median(perFrameOf('otherBufferBytes')),
    bufferCalls: median(perFrameOf('bufferCalls')), textureBytes: median(perFrameOf('textureBytes')),
    glQueries: median(perFrameOf('queries')), drawCalls: median(perFrameOf('draws')),
    framesPerEvent,
  };
  return result;
}

// ---- The peer: sigma.js (WebGL, the reference for big graphs in the browser), drawing the same
// synthetic graph in a page of the same size, in the same browser, in the same run. Its nodes get
// positions from graphology's ForceAtlas2 (100 iterations from a seeded circle), sizes by degree,
// the labels sigma's defaults choose (its label grid); the pan is the same drag of the pointer.
const require = createRequire(import.meta.url);

export function graphFromCsv(csv) {
  const ids = new Map();
  const nodes = [];
  const edges = [];
  const idOf = (name) => {
    if (!ids.has(name)) { ids.set(name, nodes.length); nodes.push({ name, degree: 0 }); }
    return ids.get(name);
  };
  const seen = new Set();
  for (const line of csv.split('\n').slice(1)) {
    if (!line) continue;
    const [source, target] = line.split(',');
    const a = idOf(source), b = idOf(target);
    const key = a < b ? `${a}:${b}` : `${b}:${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    edges.push([a, b]);
    nodes[a].degree++; nodes[b].degree++;
  }
  return { nodes, edges };
}

export function sigmaPage(graph) {
  const Graph = require('graphology');
  const forceAtlas2 = require('graphology-layout-forceatlas2');
  const g = new Graph({ type: 'undirected' });
  graph.nodes.forEach((n, i) => {
    const angle = (i * 2.399963) % (2 * Math.PI); // golden angle: a deterministic spread
    const radius = Math.sqrt(i + 1);
    g.addNode(String(i), { x: radius * Math.cos(angle), y: radius * Math.sin(angle) });
  });
  for (const [a, b] of graph.edges) g.addEdge(String(a), String(b));
  forceAtlas2.assign(g, { iterations: 100, settings: { ...forceAtlas2.inferSettings(g), barnesHutOptimize: true } });
  const nodes = graph.nodes.map((n, i) => {
    const { x, y } = g.getNodeAttributes(String(i));
    return [n.name, +x.toFixed(2), +y.toFixed(2), Math.min(12, 2 + Math.sqrt(n.degree))];
  });
  // (Their package exports hide dist/: the files are read from node_modules.)
  const lib = (name) => readFileSync(join(root, 'node_modules', name), 'utf8');
  return `<!doctype html><meta charset="utf-8"><style>html,body{margin:0;height:100%}#c{width:100%;height:100%}</style>
<div id="c"></div>
<script>${lib('graphology/dist/graphology.umd.min.js')}</script>
<script>${lib('sigma/dist/sigma.min.js')}</script>
<script>
const data = ${JSON.stringify({ nodes, edges: graph.edges })};
const g = new graphology.Graph({ type: 'undirected' });
data.nodes.forEach(([label, x, y, size], i) => g.addNode(String(i), { label, x, y, size, color: i % 10 ? '#5a7' : '#c53' }));
data.edges.forEach(([a, b]) => g.addEdge(String(a), String(b), { color: '#ccc' }));
window.__renders = 0;
const renderer = new Sigma(g, document.getElementById('c'));
renderer.on('afterRender', () => { window.__renders++; });
window.__renders++; // the constructor drew the first frame before the handler was set
window.explorer = { frames: () => window.__renders };
</script>`;
}

async function measureSigma(context, label, csv, framesWanted) {
  const graph = graphFromCsv(csv);
  const dir = mkdtempSync(join(tmpdir(), 'bench-sigma-'));
  const file = join(dir, 'sigma.html');
  writeFileSync(file, sigmaPage(graph));
  const page = await context.newPage();
  try {
    await page.addInitScript(instrument);
    await page.setViewportSize({ width: 1200, height: 800 });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => window.__renders > 0, null, { timeout: 120000 });
    await still(page, 60000).catch(() => {});
    const x0 = 1200 * 0.35, y0 = 800 * 0.5;
    await page.mouse.move(x0, y0);
    await dragRecorded(page, x0, y0, framesWanted);
    const pan = await page.evaluate(() => { window.__renderBench.recording = false; return window.__renderBench.frames; });
    await page.mouse.up();
    const firstOfStep = new Set();
    const perFrame = pan.filter((f) => f.drew > 0 && f.step >= 1 && !firstOfStep.has(f.step) && firstOfStep.add(f.step))
      .map((f) => f.ms / f.drew);
    return { dataset: label, nodes: graph.nodes.length, edges: graph.edges.length,
             frameMs: { median: median(perFrame), p95: quantile(perFrame, 0.95), max: Math.max(...perFrame) } };
  } finally {
    await page.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function print(r) {
  const ms = (v) => `${v.toFixed(1)} ms`;
  const s = r.summary;
  const nodes = s.projects + s.organisations + s.models + s.initiatives;
  console.log(`== ${r.dataset}: ${nodes} nodes, ${s.links} relations (layout settled in ${(r.settleMs / 1000).toFixed(1)} s)`);
  console.log(`  pan frame, main thread   median ${ms(r.frameMs.median)}, p95 ${ms(r.frameMs.p95)}, max ${ms(r.frameMs.max)} ` +
              `(${r.framesDrawn} pan frames; ${r.followUps} more frames drawn after them for ${r.moves} pointer moves)`);
  console.log(`    of which the wasm      median ${ms(r.buildMs.median)}, p95 ${ms(r.buildMs.p95)} building the UI (fonts, ImGui, the views)`);
  console.log(`    and drawing it         median ${ms(r.drawMs.median)}, p95 ${ms(r.drawMs.p95)} (our renderer's wasm and its WebGL calls)`);
  console.log(`  per pointer move         median ${ms(r.stepMs.median)}, p95 ${ms(r.stepMs.p95)} (every frame it caused)`);
  console.log(`  uploaded per pan frame   median ${Math.round(r.uploadBytesPerFrame.median)} bytes, max ${Math.round(r.uploadBytesPerFrame.max)} ` +
              `(vertex buffers ${Math.round(r.vertexBytes)} = ${Math.round(r.vertexBytes / 20)} ImGui vertices, index ${Math.round(r.indexBytes)}, ` +
              `other ${Math.round(r.otherBufferBytes)}, texture ${Math.round(r.textureBytes)}; ${r.bufferCalls} buffer calls)`);
  console.log(`  GL queries per frame     ${r.glQueries}`);
  console.log(`  draw calls per frame     ${r.drawCalls}`);
  console.log(`  frames per input event   ${r.framesPerEvent} (a 1-pixel pointer move)`);
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const pageUrl = pathToFileURL(args.page).href;
  const results = [];
  const { context, close } = await launch();
  try {
    const jobs = [];
    if (args.shipped) jobs.push({ label: 'shipped data', text: null });
    for (const n of args.nodes) jobs.push({ label: `synthetic ${n} nodes`, text: syntheticCsv(n), format: 'csv', entity: 'project:project-0' });
    for (const file of args.data) {
      const text = readFileSync(file, 'utf8');
      const format = /\.csv$/i.test(file) ? 'csv' : 'json';
      // A node to step from (finishLayout): a project of the file, for JSON; for CSV the mirror's first.
      let entity;
      if (format === 'json') {
        try {
          const entities = JSON.parse(text).entities || [];
          entity = (entities.find((e) => e.kind === 'project') || entities[0] || {}).id;
        } catch { /* the widget says what is wrong with it */ }
      }
      jobs.push({ label: basename(file), text, format, entity });
    }
    for (const job of jobs) {
      const page = await context.newPage();
      await page.addInitScript(instrument);
      await page.setViewportSize({ width: 1200, height: 800 });
      await page.emulateMedia({ colorScheme: 'light' });
      await page.goto(pageUrl);
      await waitReady(page, 60000);
      if (job.text !== null) {
        // What the mirror lists before: a CSV's first project is read from the mirror once it changed.
        await page.evaluate(() => {
          window.__mirrorBefore = [...document.querySelectorAll('#explorer-mirror [data-node^="network/projects/"]')]
            .map((e) => e.getAttribute('data-node'));
        });
        const loaded = await page.evaluate(([text, format]) => window.explorer.loadDataset(text, format), [job.text, job.format]);
        if (!loaded.ok) throw new Error(`${job.label} refused: ${JSON.stringify(loaded.problems).slice(0, 500)}`);
      }
      const result = await measure(page, job.label, { framesWanted: args.frames, settle: job.text === null ? 'wait' : args.settle,
                                                      entity: job.entity });
      results.push(result);
      if (!args.json) print(result);
      await page.close();
      if (job.format === 'csv' && args.peer) {
        const peer = await measureSigma(context, `sigma.js on ${job.label}`, job.text, args.frames);
        result.peer = peer;
        if (!args.json) {
          const ms = (v) => `${v.toFixed(1)} ms`;
          console.log(`  peer: sigma.js 4 (WebGL), same graph (${peer.nodes} nodes, ${peer.edges} edges): pan frame median ` +
                      `${ms(peer.frameMs.median)}, p95 ${ms(peer.frameMs.p95)}, max ${ms(peer.frameMs.max)}`);
          console.log(`  ratio ours / sigma.js    median ${(result.frameMs.median / peer.frameMs.median).toFixed(2)}, ` +
                      `p95 ${(result.frameMs.p95 / peer.frameMs.p95).toFixed(2)} (below 1: ours is faster)`);
        }
      }
    }
  } finally {
    await close();
  }
  if (args.json) console.log(JSON.stringify(results, null, 2));
}

// Run as a script (imported, it only lends its helpers: syntheticCsv, finishLayout).
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await main();
