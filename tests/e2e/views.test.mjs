// End-to-end: what a reader does in the explorer (issue "Explore the consortia").
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, openPage, waitReady, imageStats, distUrl, root } from './browser.mjs';

const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function open(options = {}) {
  const { page } = await openPage(browser.context, distUrl('explorer.html') + (options.hash || ''), options);
  await waitReady(page);
  return page;
}

async function clickEntity(page, id) {
  const rect = await page.evaluate((entity) => window.explorer.locate(entity), id);
  assert.ok(rect, `${id} is not drawn in the current view`);
  await page.mouse.click(rect.x + rect.width / 2, rect.y + rect.height / 2);
  // Input wakes the widget; give it its few frames.
  await page.waitForFunction(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(true)))));
}

test('every view can be switched to, and an organisation clicked in it opens its details', async () => {
  const page = await open({ viewport: { width: 1200, height: 800 }, locale: 'en-GB' });
  for (const view of ['network', 'matrix', 'table', 'projects']) {
    assert.equal(await page.evaluate((v) => window.explorer.setView(v), view), true);
    await page.evaluate(() => window.explorer.select(null));
    await clickEntity(page, 'org:inria');
    assert.equal(await page.evaluate(() => window.explorer.selection()), 'org:inria', `click in ${view}`);
    assert.equal((await page.evaluate(() => window.explorer.getState())).view, view);
    writeFileSync(join(shots, `view-${view}-inria.png`), await page.screenshot());
  }
  assert.equal(await page.evaluate(() => window.explorer.setView('pie-chart')), false, 'unknown view names are refused');
  await page.close();
});

test('details show the selection, and a relation in them leads to the other entity', async () => {
  const page = await open({ viewport: { width: 1200, height: 800 }, locale: 'en-GB' });
  await page.evaluate(() => { window.explorer.setView('projects'); window.explorer.select('org:linagora'); });
  // In the details panel, LINAGORA's relations list OpenLLM-France: clicking it moves there.
  await clickEntity(page, 'project:openllm-france');
  assert.equal(await page.evaluate(() => window.explorer.selection()), 'project:openllm-france');
  await page.close();
});

test('search finds an organisation by alias, accent- and case-insensitively, and Enter selects it', async () => {
  const page = await open({ viewport: { width: 1200, height: 800 }, locale: 'en-GB' });
  await page.evaluate(() => window.explorer.setView('table'));
  // Focus the canvas, then the search field (Tab moves through the controls) and type.
  const canvas = page.locator('#explorer-canvas');
  await canvas.click({ position: { x: 5, y: 5 } });
  await page.evaluate(() => window.explorer.setState({ search: '' }));
  for (const [query, expected] of [['oecd', 'org:oecd'], ['BNF', 'org:bnf'], ['education nationale', 'org:education-nationale']]) {
    await page.evaluate(() => window.explorer.select(null));
    await page.evaluate((q) => window.explorer.setState({ search: q }), query);
    const hit = await page.evaluate((id) => window.explorer.locate(id), expected);
    assert.ok(hit, `"${query}" lists ${expected}`);
    await page.mouse.click(hit.x + hit.width / 2, hit.y + hit.height / 2);
    await page.waitForFunction((id) => window.explorer.selection() === id, expected, { timeout: 5000 });
  }
  await page.close();
});

test('filters apply to every view: "member of two or more projects" keeps Inria and CNRS, not Mistral AI', async () => {
  const page = await open({ viewport: { width: 1200, height: 800 }, locale: 'en-GB' });
  await page.evaluate(() => window.explorer.setState({ filters: { multiProject: true } }));
  for (const view of ['network', 'matrix', 'table']) {
    await page.evaluate((v) => window.explorer.setView(v), view);
    for (const id of ['org:inria', 'org:cnrs']) {
      assert.ok(await page.evaluate((e) => window.explorer.locate(e), id), `${id} shown in ${view}`);
    }
    assert.equal(await page.evaluate(() => window.explorer.locate('org:mistral-ai')), null, `Mistral AI hidden in ${view}`);
    assert.equal(await page.evaluate(() => window.explorer.locate('org:sequoia-capital')), null, `Sequoia hidden in ${view}`);
  }
  await page.close();
});

for (const width of [320, 640, 1200]) {
  for (const scheme of ['light', 'dark']) {
    test(`screenshots at ${width} px, ${scheme} theme: drawn, themed, nothing outside the widget`, async () => {
      const page = await open({ viewport: { width, height: 720 }, colorScheme: scheme, locale: 'fr-FR' });
      for (const view of ['network', 'projects']) {
        await page.evaluate((v) => window.explorer.setView(v), view);
        await page.evaluate(() => window.explorer.locate('project:scribe'));
        const png = await page.screenshot();
        writeFileSync(join(shots, `${view}-${width}-${scheme}.png`), png);
        const stats = await imageStats(page, png);
        assert.equal(stats.width, width);
        assert.ok(stats.distinctColours > 20, `${view} looks blank`);
        if (scheme === 'dark') assert.ok(stats.meanLuminance < 100, `dark theme is dark (${stats.meanLuminance})`);
        else assert.ok(stats.meanLuminance > 150, `light theme is light (${stats.meanLuminance})`);
        const state = await page.evaluate(() => window.explorer.getState());
        assert.equal(state.lang, 'fr', 'French browser, French widget');
      }
      // Every project card and node the view located lies inside the viewport.
      for (const view of ['network', 'projects', 'matrix', 'table']) {
        await page.evaluate((v) => window.explorer.setView(v), view);
        const rect = await page.evaluate(() => window.explorer.locate('project:ai-for-democracy'));
        if (rect) {
          assert.ok(rect.x >= -1 && rect.x + rect.width <= width + 1, `${view}: x inside (${JSON.stringify(rect)})`);
        }
      }
      await page.close();
    });
  }
}

test('search by keyboard: "/" focuses the field, arrows move through results, Enter selects', async () => {
  const page = await open({ viewport: { width: 1200, height: 800 }, locale: 'en-GB' });
  await page.locator('#explorer-canvas').click({ position: { x: 600, y: 20 } });
  await page.keyboard.press('/');
  // Typed at once, before the field has taken the focus: nothing is lost.
  await page.keyboard.type('oecd');
  await page.waitForFunction(() => window.explorer.locate('org:oecd') !== null, null, { timeout: 5000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.explorer.selection() === 'org:oecd', null, { timeout: 5000 });
  assert.equal((await page.evaluate(() => window.explorer.getState())).search, 'oecd');
  writeFileSync(join(shots, 'search-oecd.png'), await page.screenshot());
  await page.close();
});

// Issue 9: the ring and "in two or more projects" count members only; a connection is explained.
test('Mistral AI: a member of ArGiMi, connected to OpenLLM-France through Mistral 7B, without the ring', async () => {
  const page = await open({ viewport: { width: 1200, height: 800 }, locale: 'en-GB' });
  const mistral = await page.evaluate(() => window.explorer.describe('org:mistral-ai'));
  assert.equal(mistral.severalProjects, false, 'no ring: one project as a member');
  assert.deepEqual(mistral.memberOf.map((p) => p.id), ['project:argimi']);
  assert.deepEqual(mistral.connectedTo.map((p) => p.id), ['project:openllm-france']);
  assert.equal(mistral.connectedTo[0].through.name, 'Mistral 7B');
  assert.equal(mistral.connectedTo[0].chain[0], 'Mistral AI develops Mistral 7B');
  for (const id of ['org:cnrs', 'org:inria']) {
    const d = await page.evaluate((e) => window.explorer.describe(e), id);
    assert.equal(d.severalProjects, true, id);
    assert.deepEqual(d.memberOf.map((p) => p.id).sort(), ['project:ai-for-democracy', 'project:scribe'], id);
  }
  assert.equal(await page.evaluate(() => window.explorer.describe('org:nobody')), null);
  // The filter "member of two or more projects" leaves CNRS and Inria, not Mistral AI.
  await page.evaluate(() => window.explorer.setState({ filters: { multiProject: true } }));
  assert.ok(await page.evaluate(() => window.explorer.locate('org:inria')));
  assert.equal(await page.evaluate(() => window.explorer.locate('org:mistral-ai')), null);
  // Its details panel, opened by a click, says how it is connected (seen in the screenshot).
  await page.evaluate(() => window.explorer.setState({ filters: { multiProject: false } }));
  await clickEntity(page, 'org:mistral-ai');
  assert.equal(await page.evaluate(() => window.explorer.selection()), 'org:mistral-ai');
  writeFileSync(join(shots, 'details-mistral-connected.png'), await page.screenshot());
  // French: the same answer in the reader's language.
  await page.evaluate(() => window.explorer.setState({ lang: 'fr' }));
  const fr = await page.evaluate(() => window.explorer.describe('org:mistral-ai'));
  assert.equal(fr.connectedTo[0].chain[0], 'Mistral AI développe Mistral 7B');
  await page.close();
});
