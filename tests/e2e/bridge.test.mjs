// End-to-end: the bridge between the page and the module (src/web/bridge.cpp, web/host/*.js):
// calls made before the module has started, hostile host values, and what a dataset change resets.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, openPage, waitReady, distUrl } from './browser.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

test('calls made before the module has started are queued, applied in order, and resolve to their result', async () => {
  const { page } = await openPage(browser.context, 'about:blank', { viewport: { width: 1000, height: 700 }, locale: 'en-GB' });
  // The calls are made the moment the page script publishes window.explorer, which is always
  // before the module can start (its instantiation is asynchronous). Waiting for DOMContentLoaded
  // instead raced the start on a loaded machine.
  await page.addInitScript(() => {
    let published;
    Object.defineProperty(window, 'explorer', {
      configurable: true,
      get: () => published,
      set: (early) => {
        published = early;
        Object.defineProperty(window, 'explorer', { value: early, writable: true, configurable: true });
        window.__early = {
          view: early.setView('matrix'),
          select: early.select('org:inria'),
          unknown: early.select('org:nobody'),
          notices: early.setState({ lang: 'fr', filters: { axes: ['no-such-axis'] } }),
        };
        window.__earlyWasPromise = window.__early.select instanceof Promise;
      },
    });
  });
  await page.goto(distUrl('explorer.html'));
  await waitReady(page);
  const early = await page.evaluate(async () => ({
    wasPromise: window.__earlyWasPromise,
    view: await window.__early.view,
    select: await window.__early.select,
    unknown: await window.__early.unknown,
    notices: await window.__early.notices,
  }));
  assert.equal(early.wasPromise, true, 'before the start, a call returns a promise');
  assert.equal(early.view, true);
  assert.equal(early.select, true);
  assert.equal(early.unknown, false);
  assert.ok(early.notices.some((n) => n.key === 'filters.axes' || n.reason === 'unknown_id'), JSON.stringify(early.notices));
  const state = await page.evaluate(() => window.explorer.getState());
  assert.equal(state.view, 'matrix');
  assert.equal(state.selection, 'org:inria');
  assert.equal(state.lang, 'fr');
  assert.deepEqual(state.filters.axes, []);
  // After the start, the same calls answer at once, as documented.
  assert.equal(await page.evaluate(() => window.explorer.select('org:cnrs')), true);
  await page.close();
});

test('a 10,000-deep state value or a cycle gives notices, never an exception, and the view stays', async () => {
  const { page } = await openPage(browser.context, distUrl('explorer.html'), { viewport: { width: 1000, height: 700 } });
  await waitReady(page);
  const outcome = await page.evaluate(() => {
    const before = JSON.stringify(window.explorer.getState());
    let deep = [];
    for (let i = 0; i < 10000; i++) deep = [deep];
    const cyclic = { view: 'matrix' };
    cyclic.self = cyclic;
    const results = [];
    for (const value of [{ filters: { axes: deep } }, deep, cyclic]) {
      try {
        results.push({ notices: window.explorer.setState(value) });
      } catch (e) {
        results.push({ threw: String(e) });
      }
    }
    return { results, unchanged: JSON.stringify(window.explorer.getState()) === before };
  });
  for (const result of outcome.results) {
    assert.equal(result.threw, undefined, result.threw);
    assert.ok(Array.isArray(result.notices) && result.notices.length > 0, JSON.stringify(result));
  }
  assert.equal(outcome.unchanged, true, 'a refused value changes nothing');
  await page.close();
});

test('a filter that names what the new dataset lacks is dropped with a notice when a CSV loads', async () => {
  const { page } = await openPage(browser.context, distUrl('explorer.html'), { viewport: { width: 1000, height: 700 } });
  await waitReady(page);
  await page.evaluate(() => window.explorer.setState({ filters: { axes: ['evaluation'] }, selection: 'org:inria' }));
  const csv = 'source,target,role\nAlpha,Acme,lead\nAlpha,Beta Lab,partner\n';
  const result = await page.evaluate((t) => window.explorer.loadDataset(t, 'csv'), csv);
  assert.equal(result.ok, true, JSON.stringify(result.problems));
  const state = await page.evaluate(() => window.explorer.getState());
  assert.deepEqual(state.filters.axes, [], 'the old axis no longer hides every project');
  assert.equal(state.selection, null);
  assert.ok(await page.evaluate(() => window.explorer.locate('project:alpha') !== null || window.explorer.summary().projects === 1));
  await page.close();
});
