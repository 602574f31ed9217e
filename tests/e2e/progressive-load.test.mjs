// End-to-end: a big dataset the reader opens is read a slice at a time (issue 12, "loaded without
// freezing the page"). Through the file input, summary().loading reports growing progress while
// the counts are still those of the dataset shown, then the new counts replace them; a broken file
// leaves the data shown and its problems are those the one-shot call lists; a load started while
// another runs replaces it. No timing is asserted: progress values are read by the page itself
// between slices, every wait is bounded.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, waitReady, distUrl, root } from './browser.mjs';
import { syntheticCsv } from '../../scripts/bench-render.mjs';

let browser;
let dir;
before(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'explorer-progressive-'));
});
after(async () => {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
});

const entityCount = (s) => s.projects + s.organisations + s.models + s.initiatives;

// The table first: software WebGL takes seconds for each frame of a big moving network.
async function openTable() {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(distUrl('explorer.html') + '#lang=en&view=table');
  const shipped = await waitReady(page);
  return { page, errors, shipped };
}

// Records, in the page, summary() after every task until no load is under way any more.
function watchLoading(page) {
  return page.evaluate(() => {
    window.loadSamples = [];
    window.loadWatch = new Promise((resolve) => {
      let seenLoading = false;
      const poll = () => {
        const summary = window.explorer.summary();
        if (summary.loading) {
          // The reader goes on with the dataset shown: selecting in it works mid-load.
          if (!seenLoading) window.selectedWhileLoading = window.explorer.select('org:inria') && window.explorer.selection();
          seenLoading = true;
          window.loadSamples.push({ progress: summary.loading.progress, entities: summary.projects + summary.organisations + summary.models + summary.initiatives });
        } else if (seenLoading) {
          resolve(summary);
          return;
        }
        setTimeout(poll, 0);
      };
      poll();
    });
  });
}

test('a big CSV opened by the reader loads in slices, the shown data in use until the new one replaces it', async () => {
  const { page, errors, shipped } = await openTable();
  const file = join(dir, 'consortium.csv');
  writeFileSync(file, syntheticCsv(60000));
  await page.evaluate(() => {
    window.heard = [];
    const live = document.getElementById('explorer-announce');
    new MutationObserver(() => window.heard.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  });
  await watchLoading(page);
  await page.setInputFiles('#explorer-file', file);
  const done = await page.evaluate(() => window.loadWatch);
  const heard = await page.evaluate(() => window.heard);
  const samples = await page.evaluate(() => window.loadSamples);

  const progress = samples.map((s) => s.progress);
  const distinct = [...new Set(progress)];
  assert.ok(distinct.length >= 5, `several progress values seen while loading: ${JSON.stringify(distinct.slice(0, 20))}`);
  for (let i = 1; i < progress.length; i++) assert.ok(progress[i] >= progress[i - 1], `progress never goes back (${progress[i - 1]} then ${progress[i]})`);
  assert.ok(progress.every((p) => p >= 0 && p < 1));
  assert.ok(samples.every((s) => s.entities === entityCount(shipped)), 'the counts stay those of the dataset shown while loading');
  assert.equal(await page.evaluate(() => window.selectedWhileLoading), 'org:inria');
  assert.ok(heard.includes('Reading the new dataset…'), `a screen reader hears the load start: ${JSON.stringify(heard)}`);

  assert.equal(done.loading, null);
  assert.equal(entityCount(done), 60000);
  assert.equal(done.projects, 6000);
  // The reader can use the new data: its rows are listed and an entity of it selects.
  assert.equal(await page.evaluate(() => window.explorer.select('org:org-50999')), true);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a broken file leaves the data shown, with the problems the one-shot load lists', async () => {
  const { page, errors, shipped } = await openTable();
  // A quote never closed, far into the file: found only after many slices.
  const broken = syntheticCsv(20000) + 'Project 1,"Org never closed,partner,project,company\n';
  const file = join(dir, 'broken.csv');
  writeFileSync(file, broken);
  await watchLoading(page);
  await page.setInputFiles('#explorer-file', file);
  const after = await page.evaluate(() => window.loadWatch);
  assert.equal(after.loading, null);
  // A screen reader is told (the polite live region of the mirror).
  await page.waitForFunction(() => /Dataset not opened: 1 problem/.test(document.getElementById('explorer-announce').textContent),
                             null, { timeout: 10000 });
  assert.equal(entityCount(after), entityCount(shipped), 'the data shown stays');
  assert.equal(after.links, shipped.links);

  const [sliced, oneShot] = await page.evaluate(async (text) => {
    const progressive = await window.explorer.loadDataset(text, 'csv', { progressive: true });
    return [progressive, window.explorer.loadDataset(text, 'csv')];
  }, broken);
  assert.equal(sliced.ok, false);
  assert.ok(sliced.problems.length >= 1);
  assert.equal(sliced.problems[0].code, 'csv_bad_quote');
  assert.deepEqual(sliced, oneShot, 'the same problems, at the same places, in the same words');
  assert.equal(entityCount(await page.evaluate(() => window.explorer.summary())), entityCount(shipped));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a load started while another runs replaces it; a JSON dataset loads in slices too', async () => {
  const { page, errors } = await openTable();
  const results = await page.evaluate(async (texts) => {
    const first = window.explorer.loadDataset(texts.big, 'csv', { progressive: true });
    const second = window.explorer.loadDataset(texts.small, 'json', { progressive: true });
    return Promise.all([first, second]);
  }, { big: syntheticCsv(30000), small: readFileSync(join(root, 'tests/fixtures/valid_small.json'), 'utf8') });
  assert.deepEqual(results[0], { ok: false, problems: [], replaced: true });
  assert.deepEqual(results[1], { ok: true, problems: [] });
  const summary = await page.evaluate(() => window.explorer.summary());
  assert.equal(summary.loading, null);
  assert.equal(entityCount(summary), 9, 'the second dataset is shown, not the first');
  assert.deepEqual(errors, []);
  await page.close();
});
