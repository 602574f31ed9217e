#!/usr/bin/env node
// Writes the single-file widget: the HTML shell with the wasm (gzip + base64), the Emscripten
// loader, the dataset and the host script inlined. The result opens from file:// with no request.
//
//   node scripts/assemble_page.mjs --build build/web --data data/laureates.json --out dist/explorer.html
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync, constants } from 'node:zlib';
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

export function assemble({ build, data, out }) {
  const shell = readFileSync(join(root, 'web/shell.html'), 'utf8');
  const hostJs = readFileSync(join(root, 'web/explorer-host.js'), 'utf8');
  const emscriptenJs = readFileSync(join(build, 'explorer.js'), 'utf8');
  const wasm = readFileSync(join(build, 'explorer.wasm'));
  const datasetText = readFileSync(data, 'utf8').replace(/^\uFEFF/, '');
  // A CSV list of links travels as a JSON string (the script element holds JSON either way).
  const format = /\.csv$/i.test(data) ? 'csv' : 'json';
  const dataset = format === 'csv' ? JSON.stringify(datasetText) : datasetText;
  const wasmGzip = gzipSync(wasm, { level: constants.Z_BEST_COMPRESSION });

  const parts = {
    DATASET_JSON: jsonScriptSafe(dataset),
    DATASET_FORMAT: format,
    EMSCRIPTEN_JS: scriptSafe(emscriptenJs),
    WASM_GZIP_BASE64: wasmGzip.toString('base64'),
    HOST_JS: scriptSafe(hostJs),
  };
  // A function replacer: the inlined texts may contain "$&" and other replacement patterns.
  const html = shell.replace(/\{\{([A-Z0-9_]+)\}\}/g, (match, name) => {
    if (!(name in parts)) throw new Error(`web/shell.html: unknown placeholder ${match}`);
    return parts[name];
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  return { bytes: Buffer.byteLength(html), wasmBytes: wasm.length, wasmGzipBytes: wasmGzip.length };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = parseArgs(process.argv.slice(2));
  const result = assemble(args);
  console.log(`${args.out}: ${result.bytes} bytes (wasm ${result.wasmBytes} bytes, ${result.wasmGzipBytes} gzipped)`);
}
