// End-to-end: a reader with a keyboard only (issue 11): Tab in, "/" to the search field (a real
// <input> over the canvas's, web/host/search-field.js), type, Enter, arrows from node to connected
// node (web/host/keyboard.js, core/network_navigation.hpp), Escape, Tab out; the grids' roving
// focus; input-method composition; what Chromium's accessibility tree then holds.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { launch, openMirrored, root, sleep } from './browser.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

const searchField = '#explorer-mirror input[role=combobox][data-placed]';
const open = (query = '', options = {}) => openMirrored(browser.context, query, { mirrorSelector: searchField, ...options });

const active = (page) => page.evaluate(() => {
  const e = document.activeElement;
  return { tag: e.tagName, role: e.getAttribute('role'), node: e.getAttribute('data-node'),
           inWidget: !!e.closest('#explorer'), type: e.type || null };
});

// Every node of the accessibility tree whose role and name match, with the names below it.
async function axRegions(page, name) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  const byId = new Map(nodes.map((n) => [n.nodeId, n]));
  const below = (node, out = []) => {
    for (const id of node.childIds || []) {
      const child = byId.get(id);
      if (!child) continue;
      if (child.name && child.name.value) out.push(child.name.value);
      below(child, out);
    }
    return out;
  };
  return nodes.filter((n) => n.role && n.role.value === 'region' && n.name && n.name.value === name)
    .map((n) => below(n));
}

test('keyboard only: Tab in, / search, Enter, arrow to a connected node, Escape, Tab out', async () => {
  const { page, consoleErrors } = await open();
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  await page.keyboard.press('Tab');
  assert.ok((await active(page)).inWidget, 'Tab enters the widget');

  await page.keyboard.press('/');
  let now = await active(page);
  assert.equal(now.tag, 'INPUT', 'the search is a real input');
  assert.equal(now.role, 'combobox');
  await page.keyboard.type('inria', { delay: 30 });
  await page.waitForFunction(() => document.querySelectorAll('#explorer-search-results.explorer-open [role=option]').length > 0);
  const list = await page.evaluate(() => {
    const field = document.activeElement;
    const options = [...document.querySelectorAll('#explorer-search-results [role=option]')];
    const box = document.getElementById('explorer-search-results').getBoundingClientRect();
    return { expanded: field.getAttribute('aria-expanded'), activeDescendant: field.getAttribute('aria-activedescendant'),
             first: options[0].textContent, firstId: options[0].id, visible: box.width > 100 && box.height > 10,
             search: window.explorer.getState().search };
  });
  assert.equal(list.expanded, 'true');
  assert.equal(list.first, 'Inria');
  assert.equal(list.activeDescendant, list.firstId);
  assert.ok(list.visible, 'the results are shown under the field');
  assert.equal(list.search, 'inria', 'what is typed is the search');
  writeFileSync(join(shots, 'keyboard-search.png'), await page.screenshot());
  // The open list, as a screen reader meets it: axe-core finds nothing.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(() => window.axe.run(document).then((r) => r.violations.map((v) => v.id + ': ' +
    v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '))));
  assert.deepEqual(violations, []);

  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => window.explorer.selection()), 'org:inria');
  now = await active(page);
  assert.equal(now.node, 'network/focus/org:inria/node', 'focus goes to Inria in the network');
  assert.equal(now.role, 'application', 'a screen reader hands the keys to the node');

  // The accessibility tree: a region named Inria (the details) lists its two projects.
  const regions = await axRegions(page, 'Inria');
  assert.ok(regions.some((names) => names.some((n) => /AI for Democracy/.test(n)) && names.some((n) => /Scribe/.test(n))),
    'a region named Inria lists AI for Democracy and Scribe');

  // Arrows: each step lands on a node connected to the one before, and says so.
  const neighbours = await page.evaluate(() => [...document.querySelectorAll('[data-node^="network/focus/org:inria/links"] [data-target]')]
    .map((b) => b.getAttribute('data-target')));
  assert.ok(neighbours.length > 0);
  let stepped = null;
  for (const key of ['ArrowRight', 'ArrowDown', 'ArrowLeft', 'ArrowUp']) {
    await page.keyboard.press(key);
    const selection = await page.evaluate(() => window.explorer.selection());
    if (selection !== 'org:inria') { stepped = selection; break; }
  }
  assert.ok(stepped && neighbours.includes(stepped), `an arrow steps to a neighbour of Inria (got ${stepped})`);
  now = await active(page);
  assert.equal(now.node, 'network/focus/' + stepped + '/node', 'focus follows the step');
  await page.waitForFunction(() => /:/.test(document.getElementById('explorer-announce').textContent));
  const said = await page.evaluate(() => document.getElementById('explorer-announce').textContent);
  const name = await page.evaluate((id) => window.explorer.describe(id).name, stepped);
  assert.ok(said.startsWith(name + ':') && /Inria/.test(said), `the step is said: ${said}`);
  // The ring is drawn over the node stepped to.
  const ring = await page.evaluate((id) => {
    const ringBox = document.getElementById('explorer-focus-ring').getBoundingClientRect();
    const at = window.explorer.locate(id);
    return { hidden: document.getElementById('explorer-focus-ring').hidden, ringBox: ringBox.toJSON(), at };
  }, stepped);
  assert.equal(ring.hidden, false);
  assert.ok(ring.at && Math.abs(ring.ringBox.x + 3 - ring.at.x) < 6 && Math.abs(ring.ringBox.y + 3 - ring.at.y) < 6,
    `ring over the node: ${JSON.stringify(ring)}`);
  writeFileSync(join(shots, 'keyboard-step.png'), await page.screenshot());

  // + zooms, 0 fits.
  await page.keyboard.press('+');
  assert.ok(await page.evaluate(() => window.explorer.getState().camera && window.explorer.getState().camera.zoom > 1));
  await page.keyboard.press('0');
  assert.ok(await page.evaluate(() => !window.explorer.getState().camera || window.explorer.getState().camera.zoom === 1));

  await page.keyboard.press('Enter');
  assert.equal((await active(page)).node, 'details', 'Enter goes to the details');
  await page.keyboard.press('Escape');
  assert.equal(await page.evaluate(() => window.explorer.selection()), null, 'Escape closes the details');
  now = await active(page);
  assert.ok(now.inWidget && /^(view\/network|network\/)/.test(now.node), `focus returns to the view: ${now.node}`);

  let left = false;
  for (let i = 0; i < 400 && !left; i++) {
    await page.keyboard.press('Tab');
    left = !(await active(page)).inWidget;
  }
  assert.ok(left, 'Tab leaves the widget: no trap');
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('the matrix is one Tab stop; arrows move between cells and Enter selects', async () => {
  const { page } = await open('#view=matrix');
  await page.evaluate(() => window.explorer.setView('matrix'));
  await sleep(300);
  const stops = await page.evaluate(() => [...document.querySelectorAll('#explorer-mirror [role=grid] [tabindex="0"]')].length);
  assert.equal(stops, 1, 'one cell of the grid is in the Tab order');
  await page.evaluate(() => document.querySelector('#explorer-mirror [role=grid] [tabindex="0"]').focus());
  await page.keyboard.press('ArrowDown');
  let now = await active(page);
  assert.equal(now.role, 'rowheader');
  await page.keyboard.press('ArrowRight');
  now = await active(page);
  assert.equal(now.role, 'gridcell');
  assert.match(now.node, /^matrix\/cell\//);
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  const row = now.node.split('/')[2];
  assert.equal(await page.evaluate(() => window.explorer.selection()), row, 'Enter on the row header selects its participant');
  await page.close();
});

test('input methods compose in the search field; paste works', async () => {
  const { page } = await open();
  await page.focus('#explorer-mirror input[role=combobox]');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Input.imeSetComposition', { text: 'とう', selectionStart: 2, selectionEnd: 2 });
  await sleep(100);
  const during = await page.evaluate(() => window.explorer.getState().search);
  assert.equal(during, '', 'nothing is searched while the input method composes');
  await cdp.send('Input.insertText', { text: '東京' });
  await page.waitForFunction(() => window.explorer.getState().search === '東京');
  assert.equal(await page.evaluate(() => document.activeElement.value), '東京');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'INPUT');
  // Paste: text inserted at once (as a paste does) becomes the search.
  await page.evaluate(() => { document.activeElement.value = ''; });
  await cdp.send('Input.insertText', { text: 'Scribe' });
  await page.waitForFunction(() => window.explorer.getState().search === 'Scribe');
  await page.close();
});

test('on a phone, a tap on the search field focuses a real input, and typing searches', async () => {
  const { page } = await open('', { viewport: { width: 390, height: 700 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  const box = await page.evaluate(() => document.querySelector('#explorer-mirror input[role=combobox]').getBoundingClientRect().toJSON());
  assert.ok(box.width > 100 && box.height > 15, `the field is where the canvas draws it: ${JSON.stringify(box)}`);
  const x = box.x + box.width / 2, y = box.y + box.height / 2;
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await page.waitForFunction(() => document.activeElement && document.activeElement.getAttribute('role') === 'combobox', null, { timeout: 5000 });
  const field = await page.evaluate(() => ({ tag: document.activeElement.tagName, inputmode: document.activeElement.getAttribute('inputmode') }));
  assert.deepEqual(field, { tag: 'INPUT', inputmode: 'search' }, 'a real input: the phone shows its keyboard');
  await cdp.send('Input.insertText', { text: 'scribe' });
  await page.waitForFunction(() => window.explorer.getState().search === 'scribe');
  await page.waitForFunction(() => document.querySelectorAll('#explorer-search-results.explorer-open [role=option]').length > 0);
  writeFileSync(join(shots, 'phone-search.png'), await page.screenshot());
  await page.close();
});
