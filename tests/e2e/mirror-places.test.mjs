// End-to-end: the mirror's elements lie where the canvas draws their nodes (ExplorerApp::placeOf,
// bridge.cpp addRects, web/host/mirror.js), not only the entities of the view: the view buttons,
// the filters, the details and its close button, headers and cells. Every placed element lies
// inside the canvas, and a real mouse click at the centre of an element does what the drawn
// control under it does (the mirror lets the pointer through to the canvas), so each element is
// over the control it stands for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, settle, openMirrored } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function open(query = '?lang=en') {
  const opened = await openMirrored(browser.context, query);
  await settle(opened.page);
  return opened;
}

// Where the element of node `id` is, in page pixels; null when it has no place.
function placeOf(page, id) {
  return page.evaluate((nodeId) => {
    const element = document.querySelector(`#explorer-mirror [data-node="${nodeId}"]`);
    return element && element.hasAttribute('data-placed') ? element.getBoundingClientRect().toJSON() : null;
  }, id);
}

async function clickCentreOf(page, id) {
  const r = await placeOf(page, id);
  assert.ok(r && r.width >= 1 && r.height >= 1, `${id} is placed: ${JSON.stringify(r)}`);
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
}

test('every placed mirror element lies inside the canvas, in every view, with details and filters', async () => {
  const { page, consoleErrors } = await open();
  const states = [];
  for (const view of ['network', 'matrix', 'table', 'projects']) {
    states.push({ view, selection: null });
    states.push({ view, selection: 'org:inria' });
  }
  for (const state of states) {
    await page.evaluate((s) => window.explorer.setState(s), state);
    await settle(page);
    const found = await page.evaluate(() => {
      const canvas = document.getElementById('explorer-canvas').getBoundingClientRect();
      const placed = [...document.querySelectorAll('#explorer-mirror [data-placed]')];
      const outside = placed.map((e) => ({ id: e.getAttribute('data-node'), r: e.getBoundingClientRect() }))
        .filter(({ r }) => r.width < 1 || r.height < 1 || r.left < canvas.left - 1 || r.top < canvas.top - 1 ||
                           r.right > canvas.right + 1 || r.bottom > canvas.bottom + 1)
        .map(({ id, r }) => `${id} ${JSON.stringify(r.toJSON())}`);
      const ids = new Set(placed.map((e) => e.getAttribute('data-node')));
      return { count: placed.length, outside, ids: [...ids] };
    });
    const name = `${state.view}${state.selection ? ' + ' + state.selection : ''}`;
    assert.deepEqual(found.outside, [], name);
    for (const id of ['views', 'views/network', 'views/matrix', 'views/table', 'views/projects', 'search', 'filters', `view/${state.view}`]) {
      assert.ok(found.ids.includes(id), `${name}: ${id} is placed`);
    }
    if (state.selection) {
      for (const id of ['details', 'details/org:inria/heading', 'details/org:inria/close']) {
        assert.ok(found.ids.includes(id), `${name}: ${id} is placed`);
      }
    }
    if (state.view === 'matrix') {
      // (Beside the details, the last columns are scrolled out of sight: any header will do.)
      assert.ok(found.ids.some((id) => /^matrix\/col\/project:[^/]+$/.test(id)), `${name}: column headers are placed`);
      assert.ok(found.ids.some((id) => id.startsWith('matrix/cell/')), `${name}: cells are placed`);
      assert.ok(found.ids.includes('legend'), `${name}: the legend is placed`);
    }
    if (state.view === 'table') assert.ok(found.ids.includes('table/participants/col/name'), name);
    if (state.view === 'projects') assert.ok(found.ids.some((id) => /^projects\/project:[^/]+$/.test(id)), `${name}: cards are placed`);
    assert.ok(found.count > 20, `${name}: ${found.count} placed elements`);
  }
  assert.deepEqual(consoleErrors, []);
  await page.close();
});

test('a real click at the centre of a placed element does what the control drawn under it does', async () => {
  const { page, consoleErrors } = await open();
  assert.equal(await page.evaluate(() => window.explorer.getState().view), 'network');
  // The view button: the element lies over the drawn button.
  await clickCentreOf(page, 'views/matrix');
  await page.waitForFunction(() => window.explorer.getState().view === 'matrix', null, { timeout: 5000 });
  await settle(page);
  // A matrix column header selects its project.
  await clickCentreOf(page, 'matrix/col/project:scribe');
  await page.waitForFunction(() => window.explorer.selection() === 'project:scribe', null, { timeout: 5000 });
  await settle(page);
  // The details' close button, a child placed inside the placed details region.
  const details = await placeOf(page, 'details');
  const close = await placeOf(page, 'details/project:scribe/close');
  assert.ok(details && close, 'details and its close button are placed');
  assert.ok(close.left >= details.left - 1 && close.right <= details.right + 1 && close.top >= details.top - 1 &&
            close.bottom <= details.bottom + 1, `close ${JSON.stringify(close)} inside details ${JSON.stringify(details)}`);
  await clickCentreOf(page, 'details/project:scribe/close');
  await page.waitForFunction(() => window.explorer.selection() === null, null, { timeout: 5000 });
  await settle(page);
  // Closed, the filters region lies over the button that opens it; open, over the panel, whose
  // checkboxes lie over the drawn checkboxes.
  const button = await placeOf(page, 'filters');
  await clickCentreOf(page, 'filters');
  await settle(page);
  // Opening the panel changes no state: no statechange asks the mirror to follow, so a resize
  // does (the mirror does not yet follow frames drawn for input alone).
  await page.evaluate(() => window.dispatchEvent(new Event('resize')));
  await settle(page);
  const panel = await placeOf(page, 'filters');
  assert.ok(panel.height > button.height * 2, `the open panel ${JSON.stringify(panel)}`);
  await clickCentreOf(page, 'filters/multi');
  await page.waitForFunction(() => window.explorer.getState().filters.multiProject === true, null, { timeout: 5000 });
  assert.deepEqual(consoleErrors, []);
  await page.close();
});
