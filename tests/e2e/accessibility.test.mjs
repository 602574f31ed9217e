// End-to-end: the mirror (web/host/mirror.js) — what the canvas shows, as HTML elements for
// assistive technology, kept in sync with the semantic tree (src/core/semantic_tree.hpp) and placed
// over the canvas. Audited by axe-core (npm axe-core) in every view and both themes, read through
// Chromium's accessibility tree (DevTools Protocol), checked for touch exploration (each element
// over its entity) and for activation (the same path as a click).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, openPage, imageStats, distUrl, root, settle, openMirrored } from './browser.mjs';

const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const open = ({ query = '', ...options } = {}) => openMirrored(browser.context, query, options);

async function axeViolations(page) {
  if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(axeSource);
  return page.evaluate(() => window.axe.run(document).then((result) => result.violations.map((v) => ({
    id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 5).map((n) => n.target.join(' ') + ' — ' + n.failureSummary),
  }))));
}

test('axe-core finds no violation in any view, theme, with details open and with search results', async () => {
  const found = [];
  for (const colorScheme of ['light', 'dark']) {
    const { page, consoleErrors } = await open({ colorScheme });
    const cases = [];
    for (const view of ['network', 'matrix', 'table', 'projects']) {
      cases.push({ name: `${view}`, state: { view, selection: null, search: '' } });
      cases.push({ name: `${view}-inria`, state: { view, selection: 'org:inria', search: '' } });
    }
    cases.push({ name: 'table-search', state: { view: 'table', selection: null, search: 'lab' } });
    cases.push({ name: 'network-search', state: { view: 'network', selection: null, search: 'inria' } });
    for (const c of cases) {
      await page.evaluate((state) => window.explorer.setState(state), c.state);
      await settle(page);
      const violations = await axeViolations(page);
      for (const v of violations) found.push({ theme: colorScheme, case: c.name, ...v });
    }
    writeFileSync(join(shots, `a11y-search-${colorScheme}.png`), await page.screenshot());
    assert.deepEqual(consoleErrors, []);
    await page.close();
  }
  assert.deepEqual(found, [], JSON.stringify(found, null, 1));
});

// The computed accessibility tree, as a screen reader reads it.
async function axTree(page) {
  const session = await page.context().newCDPSession(page);
  const { nodes } = await session.send('Accessibility.getFullAXTree');
  await session.detach();
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const role = (n) => n.role && n.role.value;
  const name = (n) => (n.name && n.name.value) || '';
  const descendants = (n) => {
    const out = [];
    const walk = (m) => (m.childIds || []).forEach((id) => { const c = byId.get(id); if (c) { out.push(c); walk(c); } });
    walk(n);
    return out;
  };
  return { nodes, role, name, descendants };
}

test('the accessibility tree: Inria\'s details region lists its projects; the matrix grid has headers', async () => {
  const { page } = await open({ query: '?lang=en' });
  await page.evaluate(() => window.explorer.select('org:inria'));
  await settle(page);
  let ax = await axTree(page);
  const canvasNode = ax.nodes.find((n) => ax.role(n) === 'canvas' && !n.ignored);
  assert.equal(canvasNode, undefined, 'the canvas is hidden from assistive technology');
  const region = ax.nodes.find((n) => ax.role(n) === 'region' && ax.name(n) === 'Inria');
  assert.ok(region, 'a region named Inria');
  const names = ax.descendants(region).map(ax.name);
  assert.ok(names.some((n) => /AI for Democracy/.test(n)), `AI for Democracy in ${names.join(' | ')}`);
  assert.ok(names.some((n) => /Scribe/.test(n)), 'Scribe in the details');
  assert.ok(ax.nodes.some((n) => ax.role(n) === 'heading' && ax.name(n) && n.properties?.some((p) => p.name === 'level' && p.value.value === 1)),
            'a level-one heading');

  await page.evaluate(() => window.explorer.setView('matrix'));
  await settle(page);
  ax = await axTree(page);
  const grid = ax.nodes.find((n) => ax.role(n) === 'grid');
  assert.ok(grid, 'a grid in the matrix view');
  const inGrid = ax.descendants(grid);
  const columnHeaders = inGrid.filter((n) => ax.role(n) === 'columnheader');
  const rowHeaders = inGrid.filter((n) => ax.role(n) === 'rowheader');
  assert.ok(columnHeaders.length >= 7, `column headers: ${columnHeaders.map(ax.name)}`);
  assert.ok(rowHeaders.length >= 10, `row headers: ${rowHeaders.length}`);
  assert.ok(columnHeaders.map(ax.name).some((n) => /Scribe/.test(n)));
  assert.ok(rowHeaders.map(ax.name).some((n) => /Inria/.test(n)));
  await page.close();
});

test('touch exploration: each network node\'s mirror element lies over where it is drawn', async () => {
  const { page } = await open({ query: '?lang=en' });
  await settle(page);
  const placed = await page.evaluate(() => [...document.querySelectorAll('#explorer-mirror [data-node^="network/"][data-placed]')].map((e) => {
    const r = e.getBoundingClientRect();
    return { id: e.getAttribute('data-target'), x: r.x, y: r.y, width: r.width, height: r.height };
  }));
  assert.ok(placed.length >= 7, `placed elements: ${placed.length}`);
  for (const p of placed) {
    const at = await page.evaluate((id) => window.explorer.locate(id), p.id);
    assert.ok(at, `${p.id} is drawn`);
    for (const k of ['x', 'y', 'width', 'height']) {
      assert.ok(Math.abs(at[k] - p[k]) <= 4, `${p.id} ${k}: mirror ${p[k]}, drawn ${at[k]}`);
    }
  }
  // The pointer pans the view: the mirror follows.
  await page.mouse.move(900, 700);
  await page.mouse.down();
  await page.mouse.move(800, 640, { steps: 5 });
  await page.mouse.up();
  await settle(page);
  const moved = await page.evaluate((id) => {
    const r = document.querySelector(`#explorer-mirror [data-target="${id}"][data-placed]`).getBoundingClientRect();
    return { mirror: { x: r.x, y: r.y }, drawn: window.explorer.locate(id) };
  }, placed[0].id);
  assert.ok(Math.abs(moved.drawn.x - placed[0].x) > 20, 'the view was panned');
  assert.ok(Math.abs(moved.mirror.x - moved.drawn.x) <= 4 && Math.abs(moved.mirror.y - moved.drawn.y) <= 4, JSON.stringify(moved));
  // Keyboard focus on a node shows a ring around it.
  await page.focus(`#explorer-mirror [data-target="${placed[0].id}"][data-placed]`);
  const ring = await page.evaluate(() => { const r = document.getElementById('explorer-focus-ring'); return r.hidden ? null : r.getBoundingClientRect().toJSON(); });
  assert.ok(ring && Math.abs(ring.x + 3 - moved.mirror.x) <= 4, `ring ${JSON.stringify(ring)}`);
  writeFileSync(join(shots, 'a11y-focus-ring.png'), await page.screenshot());
  // The mouse still reaches the canvas: the element under a node is the canvas.
  const first = placed[0];
  const under = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y).id, { x: first.x + first.width / 2, y: first.y + first.height / 2 });
  assert.equal(under, 'explorer-canvas');
  await page.close();
});

test('activating a mirror element selects, as a click does; the live region says so; nothing of the mirror shows', async () => {
  const { page } = await open({ query: '?lang=en' });
  await settle(page);
  const plain = await page.screenshot();
  writeFileSync(join(shots, 'a11y-network.png'), plain);
  // Nothing of the mirror shows but the real search field, which lies over the canvas's own.
  const shown = await page.evaluate(() => [...document.querySelectorAll('#explorer-mirror > h1, #explorer-mirror > section > *')]
    .filter((e) => getComputedStyle(e).opacity !== '0' && getComputedStyle(e).display !== 'none').map((e) => e.getAttribute('data-node')));
  assert.deepEqual(shown, ['search']);
  // element.click()
  await page.evaluate(() => document.querySelector('#explorer-mirror [data-target="project:scribe"]').click());
  await page.waitForFunction(() => window.explorer.selection() === 'project:scribe', null, { timeout: 5000 });
  await page.waitForFunction(() => /Scribe selected/.test(document.getElementById('explorer-announce').textContent), null, { timeout: 5000 });
  // Keyboard: Enter on the focused button (the details' close button clears the selection).
  await page.focus('#explorer-mirror [data-node$="/close"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.explorer.selection() === null, null, { timeout: 5000 });
  await page.waitForFunction(() => /Selection cleared/.test(document.getElementById('explorer-announce').textContent), null, { timeout: 5000 });
  // A filter checkbox: the live region counts what is shown.
  await page.evaluate(() => document.querySelector('#explorer-mirror input[type="checkbox"][data-node="filters/multi"]').click());
  await page.waitForFunction(() => window.explorer.getState().filters.multiProject === true, null, { timeout: 5000 });
  await page.waitForFunction(() => /organisations shown/.test(document.getElementById('explorer-announce').textContent), null, { timeout: 5000 });
  // A view button, by keyboard.
  await page.focus('#explorer-mirror [data-node="views/matrix"]');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => window.explorer.getState().view === 'matrix', null, { timeout: 5000 });
  await settle(page);
  const png = await page.screenshot();
  writeFileSync(join(shots, 'a11y-matrix-focused.png'), png);
  const stats = await imageStats(page, png);
  assert.ok(stats.distinctColours > 20, 'the widget is drawn');
  await page.close();
});

test('the text version is hidden once the widget starts; the canvas is aria-hidden and the container a region', async () => {
  const { page } = await open();
  const facts = await page.evaluate(() => ({
    fallbackHidden: document.getElementById('explorer-fallback').hidden,
    canvasHidden: document.getElementById('explorer-canvas').getAttribute('aria-hidden'),
    role: document.getElementById('explorer').getAttribute('role'),
    label: document.getElementById('explorer').getAttribute('aria-label'),
    live: document.getElementById('explorer-announce').getAttribute('aria-live'),
  }));
  assert.deepEqual({ ...facts, label: !!facts.label }, { fallbackHidden: true, canvasHidden: 'true', role: 'region', label: true, live: 'polite' });
  await page.close();
});

test('the text version, shown without WebGL 2, has no axe violation either', async () => {
  for (const colorScheme of ['light', 'dark']) {
    const { page } = await openPage(browser.context, 'about:blank', { colorScheme });
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : original.call(this, type, ...rest);
      };
    });
    await page.goto(distUrl('explorer.html'));
    await page.evaluate(() => window.explorer.ready.catch(() => null));
    assert.equal(await page.evaluate(() => document.getElementById('explorer-fallback').hidden), false);
    await page.evaluate(() => document.querySelectorAll('#explorer-fallback details').forEach((d) => { d.open = true; }));
    assert.deepEqual(await axeViolations(page), [], colorScheme);
    await page.close();
  }
});
