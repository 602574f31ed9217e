// End-to-end: taking the picture and the data out, bringing your own data, and reading offline.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { launch, openPage, waitReady, imageStats, distUrl, root, sleep, distDir } from './browser.mjs';

const shots = join(root, 'test-results');
mkdirSync(shots, { recursive: true });
const fixtures = join(root, 'tests/fixtures');
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser.close(); });

async function open(hash = '', viewport = { width: 1000, height: 700 }) {
  const { page, requests, consoleErrors } = await openPage(browser.context, distUrl('explorer.html') + hash, { viewport, locale: 'en-GB' });
  await waitReady(page);
  return { page, requests, consoleErrors };
}

async function downloaded(page, kind) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    page.evaluate((k) => window.explorer.download(k), kind),
  ]);
  const dir = mkdtempSync(join(tmpdir(), 'explorer-download-'));
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return { name: download.suggestedFilename(), file, bytes: readFileSync(file) };
}

test('exports: PNG at device resolution with caption, SVG of the network, CSV and JSON of the filtered data', async () => {
  const { page } = await open('#view=network&multi=1');
  const png = await downloaded(page, 'png');
  assert.equal(png.name, 'communs-ia-explorer.png');
  const stats = await imageStats(page, png.bytes);
  const canvas = await page.evaluate(() => ({ w: document.getElementById('explorer-canvas').width, h: document.getElementById('explorer-canvas').height }));
  const dpr = await page.evaluate(() => devicePixelRatio);
  // The view at device resolution (no bars around it), with a margin, a title above and the
  // legend, source line and link below.
  assert.ok(stats.width <= canvas.w + 24 * dpr && stats.width >= canvas.w * 0.9, `PNG width ${stats.width} for a canvas of ${canvas.w}`);
  assert.ok(stats.height > 100 * dpr, 'title, legend, source line and link are added around the view');
  assert.ok(stats.distinctColours > 20);
  writeFileSync(join(shots, 'export.png'), png.bytes);

  const svg = (await downloaded(page, 'svg')).bytes.toString('utf8');
  assert.match(svg, /^<\?xml|^<svg/);
  assert.match(svg, /Inria/);
  assert.doesNotMatch(svg, /Sequoia/, 'the filter applies to the SVG');
  assert.doesNotMatch(svg, /Mistral AI/, 'a member of one project, only connected to another');
  assert.doesNotMatch(svg, /<script/i);
  const parsed = await page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    return { error: !!doc.querySelector('parsererror'), nodes: doc.querySelectorAll('.node').length };
  }, svg);
  assert.equal(parsed.error, false, 'SVG parses');
  assert.ok(parsed.nodes >= 5);

  const csv = (await downloaded(page, 'csv')).bytes.toString('utf8');
  const lines = csv.trim().split('\n');
  assert.equal(lines[0], 'source_id,source_name,target_id,target_name,role,role_label,sources,source_urls');
  assert.ok(lines.some((l) => l.startsWith('org:cnrs,')));
  assert.ok(!lines.some((l) => l.startsWith('org:mistral-ai,')));
  assert.ok(!lines.some((l) => l.includes('org:sequoia-capital')));

  const json = JSON.parse((await downloaded(page, 'json')).bytes.toString('utf8'));
  assert.equal(json.format, 'communs-explorer/1');
  assert.ok(json.entities.some((e) => e.id === 'org:inria'));
  assert.ok(!json.entities.some((e) => e.id === 'org:sequoia-capital'));
  // What was exported loads back as a valid dataset.
  const back = await page.evaluate((text) => window.explorer.loadDataset(text, 'json'), JSON.stringify(json));
  assert.equal(back.ok, true, JSON.stringify(back.problems));
  await page.close();
});

test('save for offline: one file that reopens on the current view with no request, network cut', async () => {
  const { page } = await open('#view=matrix&sel=org:cnrs&lang=fr');
  const saved = await downloaded(page, 'html');
  assert.equal(saved.name, 'communs-ia-explorer.html');
  // The view travels as data in the saved page, never as generated code.
  const html = saved.bytes.toString('utf8');
  const stateElement = html.match(/<script type="application\/json" id="explorer-saved-state">([^<]*)<\/script>/);
  assert.ok(stateElement, 'the saved page has its state element');
  assert.match(JSON.parse(stateElement[1]).hash, /view=matrix/);
  assert.doesNotMatch(html, /EXPLORER_SAVED_HASH/);
  await page.close();
  const offline = await browser.context.newPage();
  await browser.context.setOffline(true);
  const requests = [];
  offline.on('request', (r) => requests.push(r.url()));
  const url = pathToFileURL(saved.file).href;
  await offline.goto(url);
  await waitReady(offline);
  const state = await offline.evaluate(() => window.explorer.getState());
  assert.equal(state.view, 'matrix');
  assert.equal(state.selection, 'org:cnrs');
  assert.equal(state.lang, 'fr');
  assert.deepEqual(requests.filter((r) => r !== url), []);
  await browser.context.setOffline(false);
  await offline.close();
});

test('the built page itself makes no request, even with the network cut', async () => {
  await browser.context.setOffline(true);
  const { page, requests, consoleErrors } = await open();
  assert.equal((await page.evaluate(() => window.explorer.summary())).projects, 7);
  assert.deepEqual(requests.filter((r) => r !== distUrl('explorer.html')), []);
  assert.deepEqual(consoleErrors, []);
  await browser.context.setOffline(false);
  await page.close();
});

const csvCases = [
  ['unicode_names.csv', true], ['bom.csv', true], ['crlf.csv', true], ['semicolon.csv', true],
  ['duplicate_rows.csv', true], ['quoted_fields.csv', true], ['free_text_roles.csv', true],
  ['empty.csv', false], ['self_relation.csv', false], ['missing_column.csv', false],
];
for (const [name, valid] of csvCases) {
  test(`CSV ${name}: ${valid ? 'replaces the data' : 'is refused with its problems, and the data stays'}`, async () => {
    const { page } = await open();
    const text = readFileSync(join(fixtures, 'csv', name), 'utf8');
    const result = await page.evaluate((t) => window.explorer.loadDataset(t, 'csv'), text);
    assert.equal(result.ok, valid, JSON.stringify(result.problems));
    const summary = await page.evaluate(() => window.explorer.summary());
    if (valid) {
      assert.notEqual(summary.projects + summary.organisations, 0);
      // The link records which dataset is shown (written after the frame that shows it).
      await page.waitForFunction(() => /data=[0-9a-f]{8}/.test(location.hash), null, { timeout: 5000 });
    } else {
      assert.equal(summary.projects, 7, 'the reader keeps what they had');
      assert.ok(result.problems.length > 0 && result.problems.every((p) => p.message && p.line >= 0));
    }
    await page.close();
  });
}

test('JSON: a relation to an unknown id is refused with its JSON pointer, line and column', async () => {
  const { page } = await open();
  const text = readFileSync(join(fixtures, 'unknown_entity.json'), 'utf8');
  const result = await page.evaluate((t) => window.explorer.loadDataset(t, 'json'), text);
  assert.equal(result.ok, false);
  assert.ok(result.problems.some((p) => p.code === 'unknown_entity' && p.pointer.startsWith('/relations/') && p.line > 1));
  assert.equal((await page.evaluate(() => window.explorer.summary())).projects, 7);
  writeFileSync(join(shots, 'rejected-dataset.png'), await page.screenshot());
  await page.close();
});

test('a huge file is refused quickly with a message, never a frozen tab', async () => {
  const { page } = await open();
  const result = await page.evaluate(() => {
    const row = 'Some organisation with a long name,Some project,partner\n';
    // One MiB past the loaders' 128 MiB limit (dataset_loader.hpp, kMaxInputBytes).
    const text = 'source,target,role\n' + row.repeat(Math.ceil(129 * 1024 * 1024 / row.length));
    const started = performance.now();
    const r = window.explorer.loadDataset(text, 'csv');
    return { ok: r.ok, codes: r.problems.map((p) => p.code), ms: performance.now() - started };
  });
  assert.equal(result.ok, false);
  assert.ok(result.codes.includes('input_too_large'), result.codes.join());
  assert.equal((await page.evaluate(() => window.explorer.summary())).projects, 7);
  await page.close();
});

test('a link made on another dataset opens on the data shown, with a notice', async () => {
  const { page } = await open('#data=0badc0de&sel=org:inria');
  const state = await page.evaluate(() => window.explorer.getState());
  assert.equal(state.dataset, '', 'the built-in dataset is still the one shown');
  assert.equal(state.selection, 'org:inria');
  writeFileSync(join(shots, 'other-dataset-link.png'), await page.screenshot());
  await page.close();
});

test('downloads work from the widget inside an article iframe', async () => {
  const { page } = await openPage(browser.context, distUrl('embed-example.html'), { viewport: { width: 900, height: 900 } });
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await waitReady(frame);
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    frame.evaluate(() => window.explorer.download('json')),
  ]);
  assert.equal(download.suggestedFilename(), 'communs-ia-data.json');
  await page.close();
});

test('newsroom workflow: scripts/bundle.sh turns a CSV into one self-contained widget; bad data writes nothing', async () => {
  const { execFileSync, spawnSync } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'explorer-bundle-'));
  const out = join(dir, 'consortium.html');
  const env = { ...process.env, EXPLORER_SKIP_SETUP: '1' };
  execFileSync('bash', [join(root, 'scripts/bundle.sh'), join(fixtures, 'csv/unicode_names.csv'), out], { env, stdio: 'pipe' });
  const { page, requests } = await openPage(browser.context, pathToFileURL(out).href, { locale: 'fr-FR' });
  const summary = await waitReady(page);
  assert.ok(summary.projects >= 1 && summary.organisations >= 1, JSON.stringify(summary));
  assert.deepEqual(requests.filter((r) => r !== pathToFileURL(out).href), []);
  writeFileSync(join(shots, 'bundled-csv.png'), await page.screenshot());
  await page.close();

  const badOut = join(dir, 'bad.html');
  const bad = spawnSync('bash', [join(root, 'scripts/bundle.sh'), join(fixtures, 'csv/self_relation.csv'), badOut], { env, encoding: 'utf8' });
  assert.equal(bad.status, 1);
  assert.match(bad.stdout + bad.stderr, /self_relation\.csv:\d+:\d+:/, 'the problem is listed with its line and column');
  assert.equal((await import('node:fs')).existsSync(badOut), false);
});

test('in a sandboxed iframe, where downloads may be refused, the data is offered to copy', async () => {
  const { serve } = await import('./browser.mjs');
  const host = `<!doctype html><meta charset="utf-8"><body>
    <iframe id="w" sandbox="allow-scripts" style="width:900px;height:700px;border:0"></iframe>
    <script>document.getElementById('w').src = location.href.replace('localhost', '127.0.0.1').replace('host.html', 'explorer.html');</script></body>`;
  const server = await serve(distDir, { '/host.html': host });
  const { page } = await openPage(browser.context, `http://localhost:${server.port}/host.html`);
  const frame = await (await page.waitForSelector('#w')).contentFrame();
  await waitReady(frame);
  await frame.evaluate(() => window.explorer.download('json'));
  await frame.waitForSelector('#explorer-sheet:not([hidden])', { timeout: 5000 });
  const offered = await frame.locator('#explorer-sheet-data').inputValue();
  assert.equal(JSON.parse(offered).format, 'communs-explorer/1');
  writeFileSync(join(shots, 'sandboxed-download.png'), await page.screenshot());
  await page.close();
  await server.close();
});
