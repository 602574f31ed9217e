// The page's packing (scripts/assemble_page.mjs → web/unpack.js): bytes written as text in base 124
// and read back, LZMA streams from xz inflated by our JavaScript decoder, and the text
// kept exactly by Chromium's HTML parser inside the packed element; and the built page's size.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bytesToText, digitsFor, lzma, EXCLUDED, GROUP_BYTES, SIZE_BUDGET } from '../../scripts/assemble_page.mjs';
import { distDir, launch, root } from './browser.mjs';

const unpackSource = readFileSync(join(root, 'web/unpack.js'), 'utf8');
// Without a document, web/unpack.js only hands its functions to the object it runs on.
function decoder() {
  const scope = {};
  new Function(unpackSource).call(scope);
  return scope.explorerUnpack;
}
const { textToBytes, lzmaDecode, EXCLUDED: excludedInPage, GROUP_BYTES: groupInPage } = decoder();

// Every length around a group's 33 bytes, the largest and smallest value a group can hold, and
// bytes that would be excluded characters if they travelled as they are.
const samples = [
  ...Array.from({ length: 70 }, (_, n) => randomBytes(n)),
  Buffer.alloc(33, 255), Buffer.alloc(34, 255), Buffer.alloc(66, 255), Buffer.alloc(32, 255), Buffer.alloc(33), Buffer.alloc(1),
  Buffer.from('<<<<\r\n\0'.repeat(20)), randomBytes(1000), randomBytes(65537),
];

test('the page and the assembler exclude the same characters and group the same bytes', () => {
  assert.deepEqual([...excludedInPage], EXCLUDED);
  assert.equal(groupInPage, GROUP_BYTES);
  assert.equal(digitsFor(GROUP_BYTES), 38);
});

test('bytes → text → bytes, and the text is what HTML keeps as it is', () => {
  for (const bytes of samples) {
    const text = bytesToText(bytes);
    assert.deepEqual(Buffer.from(textToBytes(text, bytes.length)), bytes);
    for (const ch of text) {
      const c = ch.codePointAt(0);
      assert.ok(c > 0 && c < 0x80 && !EXCLUDED.includes(c), `character U+${c.toString(16)}`);
    }
    // 38 one-byte characters for each 33 bytes, and a shorter last group no longer than it needs.
    const whole = Math.floor(bytes.length / GROUP_BYTES), rest = bytes.length % GROUP_BYTES;
    assert.equal(Buffer.byteLength(text), whole * 38 + (rest ? digitsFor(rest) : 0));
    assert.ok(Buffer.byteLength(text) <= Math.ceil(bytes.length * 38 / 33) + 1);
  }
  assert.throws(() => textToBytes(bytesToText(randomBytes(10)), 12), /truncated/);
  // A text changed on its way is refused, not read as other bytes: a character that is not a
  // digit, or digits worth more than the group's bytes can hold.
  const text = bytesToText(randomBytes(100));
  assert.throws(() => textToBytes(text.slice(0, 5) + '<' + text.slice(6), 100), /bad packed text/);
  assert.throws(() => textToBytes(text.slice(0, 5) + '\u00e9' + text.slice(6), 100), /bad packed text/);
  assert.throws(() => textToBytes('\u007f'.repeat(38), 33), /bad packed text/);
  assert.throws(() => textToBytes('\u007f'.repeat(3), 2), /bad packed text/);
});

test('LZMA streams from xz inflate to the same bytes', () => {
  const repetitive = Buffer.from('Inria, CNRS, Mistral AI, OpenLLM-France; '.repeat(3000));
  const mixed = Buffer.concat([randomBytes(5000), repetitive, randomBytes(70000), repetitive.subarray(0, 777), Buffer.alloc(100000)]);
  for (const bytes of [Buffer.alloc(0), Buffer.from('a'), randomBytes(300), repetitive, mixed,
                       readFileSync(join(root, 'data/laureates.json'))]) {
    const out = lzmaDecode(new Uint8Array(lzma(bytes)), bytes.length);
    assert.equal(Buffer.compare(Buffer.from(out), bytes), 0);
  }
  // A damaged stream is refused, not turned into other bytes without a word.
  const stream = lzma(mixed);
  const damaged = Buffer.from(stream);
  damaged[200] ^= 0x55;
  assert.throws(() => {
    const out = lzmaDecode(new Uint8Array(damaged), mixed.length);
    if (Buffer.compare(Buffer.from(out), mixed) !== 0) throw new Error('bad LZMA data (different bytes)');
  }, /LZMA/);
});

// Issue 12's budget, with the shipped dataset: a change that grows the page past it fails here
// (the figures themselves, and each part's share, are printed by scripts/bench.sh).
test('the page with the shipped dataset stays within 350 KiB on disk and 300 KiB gzipped', () => {
  const page = readFileSync(join(distDir, 'explorer.html'));
  const gzipped = gzipSync(page, { level: 9 }).length;
  assert.ok(page.length <= SIZE_BUDGET.disk, `${page.length} bytes on disk, budget ${SIZE_BUDGET.disk}`);
  assert.ok(gzipped <= SIZE_BUDGET.gzip, `${gzipped} bytes gzipped, budget ${SIZE_BUDGET.gzip}`);
});

let browser;
let dir;
before(async () => { browser = await launch(); dir = mkdtempSync(join(tmpdir(), 'explorer-packing-')); });
after(async () => { await browser.close(); rmSync(dir, { recursive: true, force: true }); });

test('Chromium keeps the packed text exactly, in a page and in a saved copy of it', async () => {
  const bytes = Buffer.concat(samples);
  const text = bytesToText(bytes);
  const file = join(dir, 'packed.html');
  writeFileSync(file, `<!doctype html><meta charset="utf-8"><title>t</title>\n<script type="application/octet-stream" id="p">${text}</script>\n<p>after</p>`);
  const page = await browser.context.newPage();
  await page.goto(pathToFileURL(file).href);
  const result = await page.evaluate(({ source, length }) => {
    const scope = {};
    new Function(source).call(scope);
    const read = (t) => Array.from(scope.explorerUnpack.textToBytes(t, length));
    const element = document.getElementById('p');
    // "Save for offline" writes document.documentElement.outerHTML: parse that again too.
    const copy = new DOMParser().parseFromString(document.documentElement.outerHTML, 'text/html');
    return { direct: read(element.textContent), saved: read(copy.getElementById('p').textContent),
             after: document.querySelector('p').textContent };
  }, { source: unpackSource, length: bytes.length });
  assert.equal(result.after, 'after');
  assert.deepEqual(result.direct, [...bytes]);
  assert.deepEqual(result.saved, [...bytes]);
  await page.close();
});
