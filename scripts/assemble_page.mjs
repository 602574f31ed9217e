#!/usr/bin/env node
// Writes the single-file widget: the HTML shell with the Emscripten loader, the page script of
// web/host/, the wasm and the dataset packed into one element (below), and the text version of the
// data that readers without JavaScript or WebGL 2 see (written by the native `explorer-data html`,
// which must be built: build/native/tools/explorer-data, or the path in $EXPLORER_DATA). The result
// opens from file:// with no request.
//
//   node scripts/assemble_page.mjs --build build/web --data data/laureates.json --out dist/explorer.html
//
// How the bytes travel (issue 12, "Size": at most 350 KB on disk and 300 KB gzipped). The loader,
// the page script, the wasm and the dataset are concatenated and compressed as one LZMA stream
// (`xz --format=lzma -9e`, literal context 4 bits: LZMA_OPTIONS below; Debian's xz-utils, installed by scripts/setup.sh), and the stream is
// written as text in base 124 in <script type="application/octet-stream" id="explorer-packed">. web/unpack.js, the page's one plain script, turns it back into bytes,
// inflates it in JavaScript and runs the two scripts as inline scripts. Measured on the 1,012,942
// bytes packed today (README.md, "One file, packed"), each choice against the others:
//  - LZMA, not gzip: 335,678 bytes, against 418,692 for gzip -9 (the page's DecompressionStream
//    could undo it), 397,199 for zopfli's best deflate, 342,233 for brotli (which Chromium 156's
//    DecompressionStream does not know: only gzip, deflate and deflate-raw; nor do Firefox's or
//    Safari's). The price is a decoder in JavaScript (web/unpack.js, 5 KB in the page) and its
//    time: the page's megabyte inflates in 60–160 ms in headless Chromium on the 2-core test
//    machine (gzip through DecompressionStream: 15–80 ms), once, before the module starts.
//  - Base 124, not base64 nor 7 bits to a character: the text may only hold characters that a
//    UTF-8 page carries in one byte and that survive the trip unchanged, which leaves 124 of the
//    128 below U+0080: not NUL (the HTML parser replaces it), CR (turned into LF), LF (within reach
//    of an editor's "trim trailing whitespace") and "<" (could close the element or open "<!--").
//    Every 33 bytes are written as 38 such digits (124^38 ≥ 256^33): +15.2 % on disk where base64
//    costs +33.3 %. It also suits gzip, which a server adds: 124 characters equally likely cost
//    gzip 6.97 bits each where they carry 6.95, so the page gzips to the size of its LZMA stream
//    (+0.5 %). The form before it, 7 bits to a character with the 4 excluded values escaped as
//    two-byte characters, was 0.75 % smaller on disk but gzipped 3.3 % larger than its stream (the
//    escapes' bytes skew gzip's codes): measured on this page, 341,281 → 343,866 bytes on disk and
//    308,415 → 300,146 gzipped. Nothing in the text is read as script: no quote, backslash, "${"
//    or U+2028 to worry about.
//  - Outside the element, nothing is packed that a reader needs without JavaScript: the text
//    version of the data and its styles stay plain HTML (web/shell.html); the widget's own styles
//    (web/widget.css) travel packed, 2.8 KB less on disk. A dataset larger than PACK_DATASET_LIMIT
//    stays plain JSON in its own element (as before), so that a huge bundle (scripts/bundle.sh)
//    does not wait for a JavaScript LZMA decoder, and "Save for offline" still writes the
//    reader's dataset there.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const args = { build: join(root, 'build/web'), data: join(root, 'data/laureates.json'),
                 out: join(root, 'dist/explorer.html') };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '');
    if (!(key in args) || argv[i + 1] === undefined) {
      console.error(`usage: assemble_page.mjs [--build DIR] [--data FILE] [--out FILE]`);
      process.exit(2);
    }
    args[key] = resolve(argv[i + 1]);
  }
  return args;
}

// Inline scripts end at the first "</script": keep any such text inside strings from closing them.
function scriptSafe(text) {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

// A JSON text only has "<" inside strings, where \u003c means the same character.
function jsonScriptSafe(text) {
  return text.replace(/</g, '\\u003c');
}

// The page script, split by job under web/host/ (each file says what it does), runs as one
// function: the files share its scope, in this order.
export const HOST_SCRIPTS = ['boot.js', 'glyphs.js', 'url-sync.js', 'api.js', 'share.js', 'mirror.js', 'search-field.js', 'keyboard.js', 'preferences.js', 'start.js'];

export function hostScript() {
  const parts = HOST_SCRIPTS.map((name) => readFileSync(join(root, 'web/host', name), 'utf8'));
  return "(function () {\n'use strict';\n" + parts.join('\n') + '})();\n';
}

// The shell's styles as the page carries them: without comments, indentation and the spaces that
// braces, semicolons, commas, ">" and the colon's right side do not need. Spaces between other
// tokens stay (a space before ":not(…)" is a descendant combinator), and so does text in quotes.
export function compactCss(text) {
  return text.split(/("[^"]*"|'[^']*')/).map((piece, i) => i % 2 ? piece : piece
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/;}/g, '}')).join('').trim();
}

// The scripts the page runs (the Emscripten loader, the page script, web/unpack.js), minified by
// terser (npm, a dev dependency installed by scripts/setup.sh): local names shortened, dead code
// dropped. Measured on this build: the loader 49.5 KB → 24.6 KB (LZMA 11.3 → 7.7 KB), the page
// script 66.6 → 30.8 KB (LZMA 18.8 → 10.6 KB). Top-level names stay (the loader's
// createExplorerModule is called by name), and so do property names (the Module's exports are
// looked up by string). The price: a stack trace from the page names lines of the minified text.
export function minifyScript(text, what) {
  const terser = join(root, 'node_modules/terser/bin/terser');
  if (!existsSync(terser)) throw new Error(`${terser} is missing: run scripts/setup.sh (npm dev dependencies)`);
  try {
    return execFileSync(process.execPath, [terser, '--compress', 'passes=2', '--mangle', '--ecma', '2020'],
                        { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`terser could not minify ${what}: ${String(error.stderr || error.message).trim()}`);
  }
}

// The text version of the dataset (src/core/static_page.hpp), in French (open) and English (folded).
export function fallbackHtml(data) {
  const cli = process.env.EXPLORER_DATA || join(root, 'build/native/tools/explorer-data');
  if (!existsSync(cli)) {
    throw new Error(`${cli} is missing: build the native tools first (scripts/build.sh native)`);
  }
  try {
    return execFileSync(cli, ['html', data], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`${cli} html ${data} failed: ${String(error.stderr || error.message).trim()}`);
  }
}

// A JSON text without the whitespace between its tokens; every token stays byte for byte (numbers
// are not re-written, as JSON.stringify(JSON.parse()) would, nor duplicate keys merged). A text
// that is not JSON is returned as it is, so that its problems keep their lines and columns. On the
// shipped dataset: 104,404 → 79,460 bytes, 631 bytes less once packed.
export function compactJson(text) {
  try { JSON.parse(text); } catch { return text; }
  return text.replace(/"(?:[^"\\]|\\.)*"|[ \t\n\r]+/g, (token) => token[0] === '"' ? token : '');
}

// The size budget of dist/explorer.html with the shipped dataset (issue 12): bytes on disk, and
// bytes once gzipped (gzip -9), as a server would send it.
export const SIZE_BUDGET = { disk: 350 * 1024, gzip: 300 * 1024 };

// An assembled page cut into its parts (for scripts/bench.mjs and the size check): [{name, bytes, text}].
export function pageParts(html) {
  const parts = [];
  let rest = html;
  const take = (name, pattern) => {
    const match = rest.match(pattern);
    if (!match) return;
    const text = match[1] ?? match[0];
    parts.push({ name, bytes: Buffer.byteLength(text), text });
    rest = rest.replace(text, '');
  };
  take('packed: loader, page script, wasm, data', /<script type="application\/octet-stream" id="explorer-packed"[^>]*>([^<]*)<\/script>/);
  take('web/unpack.js', /<script>(\/\/ web\/unpack\.js[\s\S]*?)<\/script>/);
  take('dataset (plain, not packed)', /<script type="application\/json" id="explorer-data"[^>]*>([\s\S]*?)<\/script>/);
  take('text version of the data', /<div id="explorer-fallback"[^>]*>([\s\S]*?)<\/div>\s*<div id="explorer-status"/);
  take('styles', /<style>([\s\S]*?)<\/style>/);
  parts.push({ name: 'the rest of web/shell.html', bytes: Buffer.byteLength(rest), text: rest });
  return parts;
}

// ---- Packing: one LZMA stream, written in base 124 (see the top of this file).
// Datasets up to this size travel packed; a larger one stays plain JSON in #explorer-data.
export const PACK_DATASET_LIMIT = 1 << 20;
// The characters below U+0080 that the packed text never holds (web/unpack.js has the same list),
// and the bytes of one group of digits.
export const EXCLUDED = [0x00, 0x0a, 0x0d, 0x3c];
export const GROUP_BYTES = 33;

// -9e with 4 literal context bits and no position bits: literals are best predicted by the byte
// before them (wasm opcodes and text), and nothing in the stream is aligned to 2 or 4 bytes
// (LEB128 numbers). 1,041 bytes smaller than plain -9e (lc=3, pb=2) on the page's 903,115 bytes;
// web/unpack.js reads these from the stream's header like any others.
export const LZMA_OPTIONS = 'preset=9e,lc=4,lp=0,pb=0';

export function lzma(bytes) {
  try {
    return execFileSync('xz', ['--format=lzma', `--lzma1=${LZMA_OPTIONS}`, '--stdout'], { input: bytes, maxBuffer: 1 << 30, stdio: ['pipe', 'pipe', 'pipe'] });
  } catch (error) {
    throw new Error(`xz --format=lzma failed (Debian's xz-utils, installed by scripts/setup.sh): ${String(error.stderr || error.message).trim()}`);
  }
}

// Bytes → text, base 124: every 33 bytes (a number below 256^33) become 38 digits, most
// significant first (124^38 ≥ 256^33), each digit one of the 124 characters that are neither NUL
// nor in EXCLUDED; a last, shorter group of n bytes takes the fewest digits d with 124^d ≥ 256^n.
// The reader stops at the byte count it is given.
export function bytesToText(bytes) {
  const digits = [];
  for (let c = 1; c < 128; c++) if (!EXCLUDED.includes(c)) digits.push(c);
  const codes = [];
  for (let at = 0; at < bytes.length; at += GROUP_BYTES) {
    const group = bytes.subarray(at, Math.min(bytes.length, at + GROUP_BYTES));
    let value = 0n;
    for (const byte of group) value = (value << 8n) | BigInt(byte);
    const count = digitsFor(group.length);
    const start = codes.length;
    for (let i = 0; i < count; i++) { codes.push(digits[Number(value % 124n)]); value /= 124n; }
    const mine = codes.splice(start).reverse();
    codes.push(...mine);
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
  return text;
}

// The digits that hold `n` bytes: the least d with 124^d ≥ 256^n (38 for a whole group of 33).
export function digitsFor(n) {
  let d = 0;
  for (let room = 1n, need = 1n << BigInt(8 * n); room < need; room *= 124n) d++;
  return d;
}

// The parts, in order, as the attributes web/unpack.js reads: data-parts="name:size,…",
// data-size (bytes once inflated), data-bytes (LZMA bytes), and the text.
export function pack(parts) {
  const names = Object.keys(parts);
  const whole = Buffer.concat(names.map((name) => parts[name]));
  const compressed = lzma(whole);
  return { parts: names.map((name) => `${name}:${parts[name].length}`).join(','), size: whole.length,
           bytes: compressed.length, text: bytesToText(compressed) };
}

export function assemble({ build, data, out }) {
  const shell = readFileSync(join(root, 'web/shell.html'), 'utf8')
    .replace(/(<style>)([\s\S]*?)(<\/style>)/, (match, open, css, close) => open + compactCss(css) + close);
  const hostJs = minifyScript(hostScript(), 'the page script (web/host/)');
  const emscriptenJs = minifyScript(readFileSync(join(build, 'explorer.js'), 'utf8'), 'the Emscripten loader');
  const wasm = readFileSync(join(build, 'explorer.wasm'));
  const datasetText = readFileSync(data, 'utf8').replace(/^\uFEFF/, '');
  // A CSV list of links travels as a JSON string when it is plain (the script element holds JSON
  // either way); packed, it travels as it is.
  const format = /\.csv$/i.test(data) ? 'csv' : 'json';
  const packDataset = Buffer.byteLength(datasetText) <= PACK_DATASET_LIMIT;
  const dataset = packDataset ? '' : format === 'csv' ? JSON.stringify(datasetText) : datasetText;
  // The order costs or saves a few hundred bytes: the wasm first (its strings prime the texts
  // after it), measured against the five other orders tried (299,271 bytes against up to 299,594).
  const packed = pack({
    wasm,
    ...(packDataset ? { dataset: Buffer.from(format === 'json' ? compactJson(datasetText) : datasetText) } : {}),
    loader: Buffer.from(emscriptenJs),
    styles: Buffer.from(compactCss(readFileSync(join(root, 'web/widget.css'), 'utf8'))),
    host: Buffer.from(hostJs),
  });

  const parts = {
    DATASET_JSON: jsonScriptSafe(dataset),
    DATASET_FORMAT: format,
    PACKED_PARTS: packed.parts,
    PACKED_SIZE: String(packed.size),
    PACKED_BYTES: String(packed.bytes),
    PACKED_TEXT: packed.text,
    UNPACK_JS: scriptSafe('// web/unpack.js (its comments are in the source)\n' +
                          minifyScript(readFileSync(join(root, 'web/unpack.js'), 'utf8'), 'web/unpack.js')),
    FALLBACK_HTML: fallbackHtml(data),
  };
  // A function replacer: the inlined texts may contain "$&" and other replacement patterns.
  const html = shell.replace(/\{\{([A-Z0-9_]+)\}\}/g, (match, name) => {
    if (!(name in parts)) throw new Error(`web/shell.html: unknown placeholder ${match}`);
    return parts[name];
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  return { bytes: Buffer.byteLength(html), wasmBytes: wasm.length, packedBytes: packed.bytes,
           packedText: Buffer.byteLength(packed.text), fallbackBytes: Buffer.byteLength(parts.FALLBACK_HTML) };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  let result;
  try {
    result = assemble(args);
  } catch (error) {
    console.error(`assemble_page.mjs: ${error.message}`);
    process.exit(1);
  }
  console.log(`${args.out}: ${result.bytes} bytes (wasm ${result.wasmBytes} bytes; packed ${result.packedBytes} bytes of LZMA, ` +
              `${result.packedText} as text; text version ${result.fallbackBytes} bytes)`);
}
