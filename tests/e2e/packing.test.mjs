// The page's packing (scripts/assemble_page.mjs → web/unpack.js): bytes written as text 7 bits to a
// character and read back, LZMA streams from xz inflated by our JavaScript decoder, and the text
// kept exactly by Chromium's HTML parser inside the packed element. Runs without a build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bytesToText, lzma, ESCAPED } from '../../scripts/assemble_page.mjs';
import { launch, root } from './browser.mjs';

const unpackSource = readFileSync(join(root, 'web/unpack.js'), 'utf8');
// Without a document, web/unpack.js only hands its functions to the object it runs on.
function decoder() {
  const scope = {};
  new Function(unpackSource).call(scope);
  return scope.explorerUnpack;
}
const { textToBytes, lzmaDecode, ESCAPED: escapedInPage } = decoder();

// Bytes whose 7-bit groups are exactly `groups` (the first groups.length * 7 / 8 bytes of them).
function bytesOfGroups(groups) {
  const bytes = [];
  let acc = 0, bits = 0;
  for (const g of groups) {
    acc = (acc << 7) | g;
    bits += 7;
    while (bits >= 8) { bits -= 8; bytes.push((acc >> bits) & 255); }
    acc &= (1 << bits) - 1;
  }
  return Buffer.from(bytes);
}

const samples = [
  Buffer.alloc(0), Buffer.from([0]), Buffer.from([255]), Buffer.from('<'), Buffer.alloc(7), Buffer.alloc(8, 255),
  randomBytes(1), randomBytes(6), randomBytes(7), randomBytes(8), randomBytes(1000), randomBytes(65537),
  // Every group value, each escaped one twice in a row, and escaped groups last.
  bytesOfGroups([...Array(128).keys(), 0, 0, 10, 10, 13, 13, 60, 60, 60]),
  bytesOfGroups([1, 2, 3, 60]), bytesOfGroups([60, 0, 13, 10, 0, 0, 0, 60]),
];

test('the page and the assembler escape the same characters', () => {
  assert.deepEqual([...escapedInPage], ESCAPED);
});

test('bytes → text → bytes, and the text is what HTML keeps as it is', () => {
  for (const bytes of samples) {
    const text = bytesToText(bytes);
    assert.deepEqual(Buffer.from(textToBytes(text, bytes.length)), bytes);
    for (const ch of text) {
      const c = ch.codePointAt(0);
      assert.ok((c > 0 && c < 0x80 && !ESCAPED.includes(c)) || (c >= 0x100 && c < 0x300), `character U+${c.toString(16)}`);
    }
    // 8/7 of the bytes in UTF-8, whatever the escapes (each carries 14 bits in two bytes).
    assert.ok(Buffer.byteLength(text) <= Math.ceil(bytes.length * 8 / 7) + 1, `${Buffer.byteLength(text)} for ${bytes.length}`);
  }
  assert.throws(() => textToBytes(bytesToText(randomBytes(10)), 12), /truncated/);
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
