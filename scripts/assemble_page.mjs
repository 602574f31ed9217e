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
// written as text, 7 bits to a character, in <script type="application/octet-stream"
// id="explorer-packed">. web/unpack.js, the page's one plain script, turns it back into bytes,
// inflates it in JavaScript and runs the two scripts as inline scripts. Measured on the 1,012,942
// bytes packed today (README.md, "One file, packed"), each choice against the others:
//  - LZMA, not gzip: 335,678 bytes, against 418,692 for gzip -9 (the page's DecompressionStream
//    could undo it), 397,199 for zopfli's best deflate, 342,233 for brotli (which Chromium 156's
//    DecompressionStream does not know: only gzip, deflate and deflate-raw; nor do Firefox's or
//    Safari's). The price is a decoder in JavaScript (web/unpack.js, 7 KB in the page) and its
//    time: the page's megabyte inflates in 60–160 ms in headless Chromium on the 2-core test
//    machine (gzip through DecompressionStream: 15–80 ms), once, before the module starts.
//  - 7 bits per character, not base64: +14.3 % on disk instead of +33.3 %, for about +3 % once the
//    page is gzipped (base64: +0.4 %): on this page 420 KB on disk and 358 KB gzipped, against
//    484 KB and 348 KB with base64; the disk budget is the one furthest away. The text is
//    valid UTF-8 inside a raw-text element: characters U+0001–U+007F stand for themselves, except
//    the four that would not survive the trip (NUL, which the HTML parser replaces; CR, which it
//    turns into LF; LF, which an editor's "trim trailing whitespace" could reach; and "<", which
//    could close the element or open "<!--"); each of those is written as one two-byte character
//    U+0100 + (which << 7 | the next 7 bits), so an escape costs nothing more. Nothing in the text
//    is read as script: no quote, backslash, "${" or U+2028 to worry about.
//  - Outside the element, nothing is packed that a reader needs without JavaScript: the text
//    version of the data and the styles stay plain HTML. A dataset larger than PACK_DATASET_LIMIT
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

// ---- Packing: one LZMA stream, written 7 bits to a character (see the top of this file).
// Datasets up to this size travel packed; a larger one stays plain JSON in #explorer-data.
export const PACK_DATASET_LIMIT = 1 << 20;
// The characters below U+0080 that are written as escapes (web/unpack.js has the same list).
export const ESCAPED = [0x00, 0x0a, 0x0d, 0x3c];

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

// Bytes → text, 7 bits (most significant first) to a character; the last character is padded
// with zero bits, and the reader stops at the byte count it is given.
export function bytesToText(bytes) {
  const escapeOf = new Int8Array(128).fill(-1);
  ESCAPED.forEach((c, i) => { escapeOf[c] = i; });
  const groups = new Uint8Array(Math.ceil(bytes.length * 8 / 7));
  let g = 0, acc = 0, bits = 0;
  for (const byte of bytes) {
    acc = ((acc << 8) | byte) & 0x7fff;
    bits += 8;
    while (bits >= 7) {
      bits -= 7;
      groups[g++] = (acc >> bits) & 127;
    }
  }
  if (bits > 0) groups[g++] = (acc << (7 - bits)) & 127;
  const codes = new Uint16Array(g);
  let n = 0;
  for (let i = 0; i < g; i++) {
    const escape = escapeOf[groups[i]];
    if (escape < 0) {
      codes[n++] = groups[i];
    } else {
      const next = i + 1 < g ? groups[++i] : 0;
      codes[n++] = 0x100 + ((escape << 7) | next);
    }
  }
  let text = '';
  for (let i = 0; i < n; i += 8192) text += String.fromCharCode.apply(null, codes.subarray(i, Math.min(n, i + 8192)));
  return text;
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
  const packed = pack({
    loader: Buffer.from(emscriptenJs),
    host: Buffer.from(hostJs),
    wasm,
    ...(packDataset ? { dataset: Buffer.from(datasetText) } : {}),
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
