// End-to-end: how the widget draws (src/web/gl_renderer.hpp). Panning the network uploads none of
// the graph's geometry (its nodes and edges are instances in buffers rebuilt only when what is
// drawn changes; the camera is a uniform), no frame queries GL state (each query is a synchronous
// round trip to the GPU process), and one pointer event asks for one frame.
//
// The page's WebGL2 context is watched from outside: its prototype is wrapped before the page's
// scripts run. The graph's instance buffers are the ones filled with DYNAMIC_DRAW (ImGui's draw
// lists use STREAM_DRAW), which is how the test tells them apart.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, waitReady, settle, distUrl } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

function watchWebGl() {
  const log = { graphUploads: 0, graphBytes: 0, imguiBytes: 0, queries: 0 };
  window.__gl = log;
  const P = WebGL2RenderingContext.prototype;
  const DYNAMIC_DRAW = 0x88E8;
  const bytesOf = (data, srcOffset, length) => {
    if (typeof data === 'number' || data == null) return 0;
    const element = data.BYTES_PER_ELEMENT || 1;
    if (length) return length * element;
    return data.byteLength - (srcOffset || 0) * element;
  };
  const bufferData = P.bufferData;
  P.bufferData = function (target, data, usage, srcOffset, length) {
    const bytes = bytesOf(data, srcOffset, length);
    if (usage === DYNAMIC_DRAW) { log.graphUploads++; log.graphBytes += bytes; } else log.imguiBytes += bytes;
    return bufferData.apply(this, arguments);
  };
  const bufferSubData = P.bufferSubData;
  P.bufferSubData = function () { log.graphUploads++; return bufferSubData.apply(this, arguments); };
  for (const name of ['getParameter', 'getError', 'isEnabled', 'isProgram', 'getVertexAttrib', 'getBufferParameter']) {
    const original = P[name];
    P[name] = function () { log.queries++; return original.apply(this, arguments); };
  }
}

async function openWatched(hash = '') {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.addInitScript(watchWebGl);
  await page.goto(distUrl('explorer.html') + hash);
  await waitReady(page);
  await settle(page, 200);
  return page;
}

const counters = (page) => page.evaluate(() => ({ ...window.__gl, frames: window.explorer.frames() }));
const reset = (page) => page.evaluate(() => { for (const key of Object.keys(window.__gl)) window.__gl[key] = 0; });

// Moves the pointer and waits for the frame that shows it.
async function moveAndDraw(page, x, y) {
  const before = await page.evaluate(() => window.explorer.frames());
  await page.mouse.move(x, y);
  await page.waitForFunction((n) => window.explorer.frames() > n, before, { polling: 'raf', timeout: 10000 });
}

test('panning the network uploads none of the graph and queries no GL state', async () => {
  const page = await openWatched();
  const atStart = await counters(page);
  assert.ok(atStart.graphUploads >= 1, 'the graph went up once');
  // 68 nodes of 20 bytes and 71 edges of 32: the shipped graph, uploaded whole.
  assert.ok(atStart.graphBytes >= 68 * 20 + 71 * 32, `graph bytes ${atStart.graphBytes}`);

  // Press on an empty part of the graph area and drag in a loop.
  const canvas = await page.evaluate(() => document.getElementById('explorer-canvas').getBoundingClientRect().toJSON());
  const x0 = canvas.x + canvas.width * 0.12, y0 = canvas.y + canvas.height * 0.3;
  await page.mouse.move(x0, y0);
  await settle(page, 0);
  await page.mouse.down();
  await moveAndDraw(page, x0 + 15, y0 + 5);
  await reset(page);
  for (let i = 1; i <= 12; i++) await moveAndDraw(page, x0 + 15 + 60 * Math.sin(i / 4), y0 + 5 + 30 * (1 - Math.cos(i / 4)));
  const during = await counters(page);
  await page.mouse.up();
  await settle(page, 0);
  const camera = await page.evaluate(() => window.explorer.getState().camera);
  assert.ok(camera, 'the drag moved the camera');
  assert.ok(during.frames >= 12, `frames drawn while panning: ${during.frames}`);
  assert.equal(during.graphUploads, 0, 'no graph upload while panning');
  assert.equal(during.queries, 0, 'no GL state query in a frame');
  // What ImGui still sends per pan frame: the canvas' labels, legend and toolbar (panels that
  // did not change are not sent again), far below the graph's tessellation of old (~450 KB).
  assert.ok(during.imguiBytes / during.frames < 250000, `ImGui bytes per pan frame: ${during.imguiBytes / during.frames}`);

  // Hovering a node changes the highlight: the graph goes up again, once.
  await reset(page);
  const inria = await page.evaluate(() => window.explorer.locate('org:inria'));
  assert.ok(inria, 'Inria is drawn');
  await moveAndDraw(page, inria.x + inria.width / 2, inria.y + inria.height / 2);
  await settle(page, 0);
  const hovered = await counters(page);
  assert.equal(hovered.graphUploads, 2, 'nodes and edges uploaded once for the new highlight');
  await page.close();
});

test('one pointer event asks for one frame', async () => {
  const page = await openWatched();
  const canvas = await page.evaluate(() => document.getElementById('explorer-canvas').getBoundingClientRect().toJSON());
  const x = canvas.x + canvas.width * 0.12, y = canvas.y + canvas.height * 0.3; // empty graph area
  await page.mouse.move(x, y);
  await settle(page, 0);
  for (const dx of [1, 2, 3]) {
    const before = await page.evaluate(() => window.explorer.frames());
    await page.mouse.move(x + dx, y);
    await settle(page, 0);
    assert.equal(await page.evaluate(() => window.explorer.frames()) - before, 1, 'a move over an empty part of the graph');
  }
  await page.close();
});
