#!/usr/bin/env node
// Writes the single-file widget: the HTML shell with the wasm (gzip + base64), the Emscripten
// loader, the dataset and the host script inlined, and the text version of the data that readers
// without JavaScript or WebGL 2 see (written by the native `explorer-data html`, which must be
// built: build/native/tools/explorer-data, or the path in $EXPLORER_DATA). The result opens from
// file:// with no request.
//
//   node scripts/assemble_page.mjs --build build/web --data data/laureates.json --out dist/explorer.html
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
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

// The page script, split by job under web/host/ (each file says what it does), runs as one
// function: the files share its scope, in this order.
export const HOST_SCRIPTS = ['boot.js', 'url-sync.js', 'api.js', 'share.js', 'mirror.js', 'search-field.js', 'keyboard.js', 'preferences.js', 'start.js'];

export function hostScript() {
  const parts = HOST_SCRIPTS.map((name) => readFileSync(join(root, 'web/host', name), 'utf8'));
  return "(function () {\n'use strict';\n" + parts.join('\n') + '})();\n';
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

export function assemble({ build, data, out }) {
  const shell = readFileSync(join(root, 'web/shell.html'), 'utf8');
  const hostJs = hostScript();
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
    FALLBACK_HTML: fallbackHtml(data),
  };
  // A function replacer: the inlined texts may contain "$&" and other replacement patterns.
  const html = shell.replace(/\{\{([A-Z0-9_]+)\}\}/g, (match, name) => {
    if (!(name in parts)) throw new Error(`web/shell.html: unknown placeholder ${match}`);
    return parts[name];
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, html);
  return { bytes: Buffer.byteLength(html), wasmBytes: wasm.length, wasmGzipBytes: wasmGzip.length,
           fallbackBytes: Buffer.byteLength(parts.FALLBACK_HTML) };
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
  console.log(`${args.out}: ${result.bytes} bytes (wasm ${result.wasmBytes} bytes, ${result.wasmGzipBytes} gzipped; ` +
              `text version ${result.fallbackBytes} bytes)`);
}
