#!/usr/bin/env node
// What names in every writing system cost the widget (issue 13): a synthetic dataset of about
// 10,000 nodes (explorer-data synth) with its names rewritten into nine scripts — Arabic, Hebrew,
// Devanagari and Thai (drawn as runs the browser shapes: src/ui/text_runs.hpp), Greek, Cyrillic,
// Chinese, Japanese and Korean (glyph by glyph from the browser: web/host/glyphs.js) — and the
// same dataset with its Latin names, loaded into the page in headless Chromium. Prints, for each:
// the load call, the time until the widget stops drawing, the longest the main thread was blocked,
// and the time the browser spent rasterising and measuring glyphs (Canvas 2D fillText,
// measureText and getImageData). Under SwiftShader (no GPU) a frame of 10k nodes takes hundreds of
// milliseconds of software rendering: the wall times are this machine's, not a reader's.
//
//   node scripts/bench-scripts.mjs [--dist DIR] [--projects N] [--orgs M] [--seed S]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = { dist: join(root, 'dist'), projects: '1000', orgs: '9000', seed: '7' };
for (let i = 2; i < process.argv.length; i += 2) args[process.argv[i].replace(/^--/, '')] = process.argv[i + 1];
const cli = process.env.EXPLORER_DATA || join(root, 'build/native/tools/explorer-data');
if (!existsSync(cli)) throw new Error(`${cli} is missing: build the native tools first`);

const latin = JSON.parse(execFileSync(cli, ['synth', '--projects', args.projects, '--orgs', args.orgs, '--seed', args.seed],
                                      { encoding: 'utf8', maxBuffer: 1 << 30 }));

// Syllables of each script; a name is three to six of them, in words, numbered in the script's own
// digits where it has them, so that every name is distinct (every run is its own glyph).
const scripts = [
  { name: 'Arabic', syllables: ['جا', 'معة', 'ال', 'قا', 'هرة', 'مر', 'كز', 'بحث', 'علو', 'م'], digits: '٠١٢٣٤٥٦٧٨٩' },
  { name: 'Hebrew', syllables: ['או', 'ני', 'בר', 'סי', 'טת', 'תל', 'אביב', 'מכון', 'מח', 'קר'], digits: '0123456789' },
  { name: 'Devanagari', syllables: ['भा', 'रती', 'य', 'वि', 'ज्ञा', 'न', 'सं', 'स्था', 'न', 'क्ष'], digits: '०१२३४५६७८९' },
  { name: 'Thai', syllables: ['จุ', 'ฬา', 'ลง', 'กร', 'ณ์', 'มหา', 'วิ', 'ทยา', 'ลัย', 'สถา'], digits: '๐๑๒๓๔๕๖๗๘๙' },
  { name: 'Greek', syllables: ['Πα', 'νε', 'πι', 'στή', 'μιο', 'Αθη', 'νών', 'Ιν', 'στι', 'τού'], digits: '0123456789' },
  { name: 'Cyrillic', syllables: ['Ки', 'їв', 'ський', 'по', 'лі', 'тех', 'ніч', 'ний', 'ін', 'ститут'], digits: '0123456789' },
  { name: 'Chinese', syllables: ['清', '华', '大', '学', '研', '究', '院', '中', '心', '所'], digits: '〇一二三四五六七八九' },
  { name: 'Japanese', syllables: ['東', '京', 'だい', 'がく', 'けん', 'きゅう', 'じょ', 'セン', 'ター', '院'], digits: '0123456789' },
  { name: 'Korean', syllables: ['서', '울', '대', '학', '교', '연', '구', '소', '센', '터'], digits: '0123456789' },
];
function scriptName(script, n) {
  let words = [];
  let x = n * 2654435761 % 4294967296;
  const count = 3 + (x % 4);
  let word = '';
  for (let i = 0; i < count; i++) {
    x = (x * 1103515245 + 12345) % 2147483648;
    word += script.syllables[x % script.syllables.length];
    if (i % 2 === 1) { words.push(word); word = ''; }
  }
  if (word) words.push(word);
  const number = String(n).split('').map((d) => script.digits[Number(d)]).join('');
  return words.join(' ') + ' ' + number;
}
const mixed = JSON.parse(JSON.stringify(latin));
mixed.entities.forEach((entity, i) => { entity.name = scriptName(scripts[i % scripts.length], i); });
const nodes = latin.entities.length;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
  args: ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist', '--allow-file-access-from-files'],
});

// Times every Canvas 2D call that rasterises or measures glyphs (web/host/glyphs.js).
function instrument() {
  const stats = { glyphMs: 0, glyphCalls: 0 };
  window.__bench = stats;
  for (const Proto of [window.OffscreenCanvasRenderingContext2D, window.CanvasRenderingContext2D]) {
    if (!Proto) continue;
    for (const name of ['fillText', 'measureText', 'getImageData']) {
      const original = Proto.prototype[name];
      Proto.prototype[name] = function () {
        const start = performance.now();
        try { return original.apply(this, arguments); } finally { stats.glyphMs += performance.now() - start; stats.glyphCalls++; }
      };
    }
  }
}

// Polls every 20 ms until the widget has drawn no frame for half a second: the frames drawn, when
// it settled, and the longest the page could not run a timer (the main thread's longest block).
const watchUntilSettled = `(async (start) => {
  let last = window.explorer.frames(), quietSince = performance.now(), tick = performance.now(), longestBlock = 0;
  const first = last;
  while (performance.now() - quietSince < 500 && performance.now() - start < 180000) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    const now = performance.now();
    longestBlock = Math.max(longestBlock, now - tick - 20);
    tick = now;
    const frames = window.explorer.frames();
    if (frames !== last) { last = frames; quietSince = now; }
  }
  return { frames: last - first, settledMs: quietSince - start, longestBlockMs: longestBlock };
})`;

async function measure(label, dataset) {
  const page = await browser.newPage({ viewport: { width: 1200, height: 800 } });
  await page.addInitScript(instrument);
  await page.goto(pathToFileURL(join(resolve(args.dist), 'explorer.html')).href + '?lang=en');
  await page.waitForFunction(() => window.explorer && window.explorer.ready);
  await page.evaluate(() => window.explorer.ready);
  const text = JSON.stringify(dataset);
  const result = await page.evaluate(async ({ t, watch }) => {
    const s = window.__bench;
    s.glyphMs = 0; s.glyphCalls = 0;
    const start = performance.now();
    const r = window.explorer.loadDataset(t, 'json');
    const loadMs = performance.now() - start;
    const settled = await eval(watch)(start);
    return { ok: r.ok, loadMs, ...settled, glyphMs: s.glyphMs, glyphCalls: s.glyphCalls, summary: window.explorer.summary() };
  }, { t: text, watch: watchUntilSettled });
  // The table shows every name as a row: scrolled through once.
  const table = await page.evaluate(async (watch) => {
    const s = window.__bench;
    s.glyphMs = 0;
    const start = performance.now();
    window.explorer.setView('table');
    const settled = await eval(watch)(start);
    return { ...settled, glyphMs: s.glyphMs };
  }, watchUntilSettled);
  await page.close();
  const f = (v) => v.toFixed(0);
  console.log(`${label}: ${nodes} nodes; load call ${f(result.loadMs)} ms; network settled after ${f(result.settledMs)} ms ` +
              `(${result.frames} frames, longest main-thread block ${f(result.longestBlockMs)} ms); ` +
              `glyphs rasterised and measured in ${f(result.glyphMs)} ms of canvas calls (${result.glyphCalls}); ` +
              `table settled after ${f(table.settledMs)} ms (${table.frames} frames, longest block ${f(table.longestBlockMs)} ms, ` +
              `glyphs ${f(table.glyphMs)} ms); missingGlyphs ${result.summary.missingGlyphs}`);
}

await measure('Latin names  ', latin);
await measure('mixed scripts', mixed);
await browser.close();
