// End-to-end: every writing system drawn from the reader's own fonts (issue 13). The page holds no
// font: its glyphs come from the browser (web/host/glyphs.js), texts that need shaping or run right
// to left are drawn by the browser as whole runs (src/ui/text_runs.hpp).
//
//  - tests/fixtures/csv/world-scripts.csv (Greek, Cyrillic, Arabic, Hebrew, Devanagari, Thai,
//    Chinese, Japanese, Korean) loads, and with the Noto fonts scripts/setup.sh installs nothing
//    is missing (summary().missingGlyphs === 0);
//  - screenshots of the network and the table go to test-results/ (scripts-network.png,
//    scripts-table.png), to be looked at;
//  - searches typed in Greek, Cyrillic, Chinese and Arabic find their names;
//  - the pixel test: a non-Latin name drawn by the canvas has the shape the browser gives the same
//    string in a <span> of the same font and size (normalised cross-correlation of the two inks).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch, waitReady, settle, distUrl, root } from './browser.mjs';

const shots = join(root, 'test-results');
const fixture = readFileSync(join(root, 'tests/fixtures/csv/world-scripts.csv'), 'utf8');
// The pixel test's threshold: the canvas draws the browser's own rasterisation of the run, so only
// texture sampling and the grid alignment of the two pictures may differ.
const MIN_CORRELATION = 0.9;

let browser;
before(async () => {
  browser = await launch();
  mkdirSync(shots, { recursive: true });
});
after(async () => { await browser.close(); });

async function openWithScripts(view) {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(distUrl('explorer.html') + '?lang=en&theme=light');
  await waitReady(page);
  const result = await page.evaluate((text) => window.explorer.loadDataset(text, 'csv'), fixture);
  assert.equal(result.ok, true, JSON.stringify(result.problems));
  await page.evaluate((v) => window.explorer.setView(v), view);
  await page.mouse.move(1, 799);
  await settle(page, 300);
  return page;
}

// Grey levels (0 = paper, 1 = ink) of a PNG, decoded by the browser: {width, height, ink}.
async function inkOf(page, png) {
  return page.evaluate(async (base64) => {
    const blob = await (await fetch('data:image/png;base64,' + base64)).blob();
    const bitmap = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const g = c.getContext('2d');
    g.drawImage(bitmap, 0, 0);
    const { data } = g.getImageData(0, 0, bitmap.width, bitmap.height);
    const grey = [];
    for (let i = 0; i < data.length; i += 4) grey.push(0.2126 * data[i] + 0.7152 * data[i + 1] + 0.0722 * data[i + 2]);
    const paper = Math.max(...grey), darkest = Math.min(...grey);
    const ink = grey.map((v) => (paper - v) / Math.max(1, paper - darkest));
    return { width: bitmap.width, height: bitmap.height, ink };
  }, png.toString('base64'));
}

// The ink's bounding box (coverage above a quarter) and the ink inside it.
function cropInk({ width, height, ink }) {
  let minX = width, minY = height, maxX = -1, maxY = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (ink[y * width + x] > 0.25) {
        minX = Math.min(minX, x); maxX = Math.max(maxX, x);
        minY = Math.min(minY, y); maxY = Math.max(maxY, y);
      }
    }
  }
  assert.ok(maxX >= 0, 'some ink');
  const w = maxX - minX + 1, h = maxY - minY + 1;
  const out = new Float64Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) out[y * w + x] = ink[(minY + y) * width + minX + x];
  return { width: w, height: h, ink: out };
}

// Normalised cross-correlation of two inks of (nearly) the same size, at the best shift of ±1 px.
function correlation(a, b) {
  let best = -1;
  for (let dy = -1; dy <= 1; dy++) {
    for (let dx = -1; dx <= 1; dx++) {
      const w = Math.min(a.width, b.width), h = Math.min(a.height, b.height);
      let sa = 0, sb = 0, n = 0;
      const pairs = [];
      for (let y = 0; y < h; y++) {
        for (let x = 0; x < w; x++) {
          const bx = x + dx, by = y + dy;
          const va = a.ink[y * a.width + x];
          const vb = bx >= 0 && by >= 0 && bx < b.width && by < b.height ? b.ink[by * b.width + bx] : 0;
          pairs.push(va, vb);
          sa += va; sb += vb; n++;
        }
      }
      const ma = sa / n, mb = sb / n;
      let num = 0, da = 0, db = 0;
      for (let i = 0; i < pairs.length; i += 2) {
        const u = pairs[i] - ma, v = pairs[i + 1] - mb;
        num += u * v; da += u * u; db += v * v;
      }
      best = Math.max(best, num / Math.sqrt(da * db));
    }
  }
  return best;
}

// The mirror's element for the entity named `name` in the current view (it lies where the canvas
// draws the name: web/host/mirror.js).
async function placeOfName(page, name) {
  return page.evaluate((wanted) => {
    const nodes = Array.from(document.querySelectorAll('#explorer-mirror [data-target][data-placed]'));
    const node = nodes.find((n) => n.textContent.trim() === wanted);
    if (!node) return null;
    const r = node.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  }, name);
}

test('the nine scripts of the fixture load, and the reader\'s fonts have every character', async () => {
  const page = await openWithScripts('network');
  const summary = await page.evaluate(() => window.explorer.summary());
  assert.equal(summary.organisations + summary.projects > 15, true, JSON.stringify(summary));
  assert.equal(summary.missingGlyphs, 0, 'Debian\'s Noto fonts (scripts/setup.sh) cover the nine scripts');
  const font = await page.evaluate(() => document.getElementById('explorer-canvas').getAttribute('data-font-stack'));
  assert.match(font, /system-ui/);
  writeFileSync(join(shots, 'scripts-network.png'), await page.locator('#explorer-canvas').screenshot());
  await page.evaluate(() => window.explorer.setView('table'));
  await settle(page, 300);
  writeFileSync(join(shots, 'scripts-table.png'), await page.locator('#explorer-canvas').screenshot());
  await page.close();
});

// What a reader types, without capitals or accents, finds the name as written (src/core/text_fold.hpp),
// through the page's real search field.
test('typed in the search field, Greek, Cyrillic, Chinese and Arabic find their names', async () => {
  const page = await openWithScripts('table');
  const cases = [
    ['αθηνων', 'Πανεπιστήμιο Αθηνών'],
    ['київ', 'Київський політехнічний інститут'],
    ['東京', '東京大学'],
    ['جامعة', 'جامعة القاهرة'],
  ];
  await page.locator('#explorer-canvas').click({ position: { x: 600, y: 20 } });
  await page.keyboard.press('/');
  for (const [typed, name] of cases) {
    await page.fill('input.explorer-search', typed);
    await page.waitForFunction((expected) => [...document.querySelectorAll('#explorer-search-results [role=option]')]
      .some((o) => o.textContent === expected), name, { timeout: 10000 });
    assert.equal(await page.evaluate(() => window.explorer.getState().search), typed);
  }
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => window.explorer.selection() !== null, null, { timeout: 10000 });
  const details = await page.evaluate(() => document.querySelector('#explorer-mirror [data-node="details"]').textContent);
  assert.match(details, /جامعة القاهرة/);
  await page.close();
});

test('the font option names the article\'s typeface, with the widget\'s stack behind it', async () => {
  const stackOf = async (query) => {
    const page = await browser.context.newPage();
    await page.goto(distUrl('explorer.html') + query);
    await waitReady(page);
    const stack = await page.evaluate(() => document.getElementById('explorer-canvas').getAttribute('data-font-stack'));
    await page.close();
    return stack;
  };
  const plain = await stackOf('');
  assert.equal(await stackOf('?font=' + encodeURIComponent('"DejaVu Serif", serif')), '"DejaVu Serif", serif, ' + plain);
  assert.equal(await stackOf('?font=' + encodeURIComponent('12px; }{')), plain, 'a value the canvas cannot read is ignored');
});

// Characters beyond the Basic Multilingual Plane (ImGui's glyphs are 16-bit) are drawn as runs of
// the browser's (src/ui/text_runs.hpp): 𠮷 (U+20BB7, a variant of 吉 common in Japanese names) is
// drawn and searched like any other; and typed in hiragana, a katakana name is found.
test('a name beyond the BMP is drawn and found, and hiragana find katakana', async () => {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1200, height: 800 });
  await page.goto(distUrl('explorer.html') + '?lang=en&theme=light');
  await waitReady(page);
  const csv = 'source,target,role\n開かれた言語計画,\u{20BB7}野家ホールディングス,partner\n開かれた言語計画,トヨタ研究所,lead\n';
  assert.equal((await page.evaluate((t) => window.explorer.loadDataset(t, 'csv'), csv)).ok, true);
  await page.evaluate(() => window.explorer.setView('table'));
  await page.mouse.move(1, 799);
  await settle(page, 300);
  assert.equal((await page.evaluate(() => window.explorer.summary())).missingGlyphs, 0);
  assert.ok(await placeOfName(page, '\u{20BB7}野家ホールディングス'), 'the name is drawn in the table');
  await page.locator('#explorer-canvas').click({ position: { x: 600, y: 20 } });
  await page.keyboard.press('/');
  for (const [typed, name] of [['\u{20BB7}野家', '\u{20BB7}野家ホールディングス'], ['とよた', 'トヨタ研究所']]) {
    await page.fill('input.explorer-search', typed);
    await page.waitForFunction((expected) => [...document.querySelectorAll('#explorer-search-results [role=option]')]
      .some((o) => o.textContent === expected), name, { timeout: 10000 });
  }
  await page.close();
});

test('a character no font has is counted and told', async () => {
  const page = await browser.context.newPage();
  await page.goto(distUrl('explorer.html') + '?lang=en');
  await waitReady(page);
  // U+0378 is unassigned in Unicode: no font draws it.
  const csv = 'source,target,role\nProjet \u0378,Org,partner\n';
  assert.equal((await page.evaluate((t) => window.explorer.loadDataset(t, 'csv'), csv)).ok, true);
  await settle(page, 100);
  assert.equal((await page.evaluate(() => window.explorer.summary())).missingGlyphs, 1);
  await page.close();
});

for (const [view, name] of [['table', 'جامعة القاهرة'], ['table', '東京大学']]) {
  test(`the canvas draws ${name} (${view}) with the shape the browser gives it in a <span>`, async () => {
    const page = await openWithScripts(view);
    const place = await placeOfName(page, name);
    assert.ok(place, `${name} is drawn in the ${view}`);
    const clip = { x: Math.floor(place.x), y: Math.floor(place.y), width: Math.ceil(Math.min(place.width, 260)), height: Math.ceil(place.height) };
    const canvasInk = cropInk(await inkOf(page, await page.screenshot({ clip })));
    // The same string, font and size in the page's own text, black on white. A name in two
    // projects is bold in the table (ui/table_view.cpp).
    const bold = name === '東京大学';
    const span = await page.evaluate(({ text, bold }) => {
      const c = document.getElementById('explorer-canvas');
      const perLine = Number(c.getAttribute('data-font-size-per-line'));
      const s = document.createElement('span');
      s.textContent = text;
      s.dir = 'auto';
      s.style.cssText = 'position:fixed;left:20px;top:20px;z-index:2147483647;background:#fff;color:#000;padding:6px;' +
        'white-space:pre;line-height:normal;font-family:' + c.getAttribute('data-font-stack') + ';font-size:' + (15 * perLine) + 'px;font-weight:' + (bold ? 700 : 400);
      s.id = 'reference-span';
      document.body.appendChild(s);
      const r = s.getBoundingClientRect();
      return { x: r.x, y: r.y, width: r.width, height: r.height };
    }, { text: name, bold });
    const spanInk = cropInk(await inkOf(page, await page.screenshot({ clip: span })));
    const score = correlation(canvasInk, spanInk);
    console.log(`# ${name}: canvas ink ${canvasInk.width}×${canvasInk.height}, span ink ${spanInk.width}×${spanInk.height}, correlation ${score.toFixed(3)}`);
    assert.ok(Math.abs(canvasInk.width - spanInk.width) <= 2, `widths ${canvasInk.width} and ${spanInk.width}`);
    assert.ok(Math.abs(canvasInk.height - spanInk.height) <= 2, `heights ${canvasInk.height} and ${spanInk.height}`);
    assert.ok(score >= MIN_CORRELATION, `correlation ${score.toFixed(3)} ≥ ${MIN_CORRELATION}`);
    await page.close();
  });
}
