// End-to-end: consortia of 10,000 nodes (issue 12), the synthetic shape of scripts/bench-render.mjs
// (power-law memberships, several roles), loaded as a CSV into the built page. What a reader
// notices: the data loads, the table lists the participants sorted by name and builds only the rows
// on screen, the keyboard's search finds a name deep in the list, the views switch, and the network
// keeps drawing while its layout settles; a map laid out beforehand opens still. No timing is
// asserted (scripts/bench.sh prints the figures); every wait is bounded, so a freeze fails the test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, waitReady, distUrl, root } from './browser.mjs';
import { syntheticCsv } from '../../scripts/bench-render.mjs';

const shots = join(root, 'test-results');
let browser;
before(async () => { browser = await launch(); mkdirSync(shots, { recursive: true }); });
after(async () => { await browser.close(); });

test('10,000 nodes: load, search, select, table, matrix, then the network while its layout settles', async () => {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.setViewportSize({ width: 1200, height: 800 });
  // The table first: software WebGL (SwiftShader) takes seconds for each frame of a moving
  // 10,000-node network, which the last part of the test looks at.
  await page.goto(distUrl('explorer.html') + '#lang=en&view=table');
  await waitReady(page);

  const loaded = await page.evaluate((text) => window.explorer.loadDataset(text, 'csv'), syntheticCsv(10000));
  assert.equal(loaded.ok, true, JSON.stringify(loaded.problems || []).slice(0, 300));
  const summary = await page.evaluate(() => window.explorer.summary());
  assert.equal(summary.projects + summary.organisations + summary.models + summary.initiatives, 10000);
  assert.equal(summary.projects, 1000);

  // The table: only the rows on screen are built, in the order of the names (digits by value).
  await page.waitForSelector('#explorer-mirror [data-node="table/participants"]', { state: 'attached', timeout: 30000 });
  const rowHeaders = '#explorer-mirror [data-node^="table/participants/row/"][role=rowheader]';
  await page.waitForFunction((selector) => document.querySelectorAll(selector).length >= 10, rowHeaders, { timeout: 30000 });
  const names = await page.evaluate((selector) => [...document.querySelectorAll(selector)].map((cell) => cell.textContent), rowHeaders);
  assert.ok(names.length < 200, `only the rows on screen are built (${names.length})`);
  const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });
  assert.deepEqual([...names].sort(collator.compare), names, 'rows sorted by name');
  writeFileSync(join(shots, 'big-10k-table.png'), await page.screenshot());

  // The keyboard's search lists an organisation deep in the list.
  await page.locator('#explorer-canvas').click({ position: { x: 600, y: 20 } });
  await page.keyboard.press('/');
  await page.keyboard.type('Org 8321', { delay: 20 });
  await page.waitForFunction(() => [...document.querySelectorAll('#explorer-search-results [role=option]')]
    .some((o) => o.textContent === 'Org 8321'), null, { timeout: 30000 });
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.explorer.selection() === 'org:org-8321', null, { timeout: 30000 });
  await page.waitForFunction(() => {
    const region = document.querySelector('#explorer-mirror [data-node="details"]');
    return region && /Org 8321/.test(region.textContent);
  }, null, { timeout: 30000 });

  await page.evaluate(() => { window.explorer.setState({ search: '' }); window.explorer.setView('matrix'); });
  await page.waitForSelector('#explorer-mirror [data-node^="matrix/"]', { state: 'attached', timeout: 30000 });
  writeFileSync(join(shots, 'big-10k-matrix.png'), await page.screenshot());

  // The network, its layout still running: frames keep coming without input, the selection stays.
  await page.evaluate(() => window.explorer.setView('network'));
  const framesBefore = await page.evaluate(() => window.explorer.frames());
  await page.waitForFunction((n) => window.explorer.frames() > n + 2, framesBefore, { timeout: 60000, polling: 250 });
  assert.equal(await page.evaluate(() => window.explorer.selection()), 'org:org-8321');
  writeFileSync(join(shots, 'big-10k-network.png'), await page.screenshot());
  assert.deepEqual(errors, []);
  await page.close();
});

// A map laid out beforehand (`explorer-data layout`, natively) opens settled: no simulation runs in
// the page, so the widget stops drawing at once, where the same data without positions keeps moving.
test('10,000 nodes with positions from explorer-data layout open already laid out', async () => {
  const cli = join(root, 'build/native/tools/explorer-data');
  const dir = mkdtempSync(join(tmpdir(), 'explorer-laid-'));
  try {
    const plain = join(dir, 'plain.json');
    writeFileSync(plain, execFileSync(cli, ['synth', '--projects', '1000', '--orgs', '9000', '--seed', '3'], { maxBuffer: 1 << 28 }));
    const laid = execFileSync(cli, ['layout', plain], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] }).toString('utf8');
    const framesAfter = async (text) => {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 1200, height: 800 });
      await page.goto(distUrl('explorer.html') + '#lang=en');
      await waitReady(page);
      const loaded = await page.evaluate((t) => window.explorer.loadDataset(t, 'json'), text);
      assert.equal(loaded.ok, true, JSON.stringify(loaded.problems || []).slice(0, 300));
      const start = await page.evaluate(() => window.explorer.frames());
      await page.waitForTimeout(3000);
      const later = await page.evaluate(() => window.explorer.frames());
      await page.waitForTimeout(1500);
      const last = await page.evaluate(() => window.explorer.frames());
      if (text === laid) writeFileSync(join(shots, 'big-10k-laid-out.png'), await page.screenshot());
      await page.close();
      return { start, later, last };
    };
    const settled = await framesAfter(laid);
    assert.equal(settled.last, settled.later, `laid out: nothing moves (${JSON.stringify(settled)})`);
    const moving = await framesAfter(readFileSync(plain, 'utf8'));
    assert.ok(moving.last > moving.later, `without positions the layout is still running (${JSON.stringify(moving)})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
