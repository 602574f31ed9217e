// The page's contracts, read from the sources (no browser): what the module exports and what the
// page calls are the same set (src/web/bridge.cpp, web/host/*.js), and every member of
// `window.explorer` and every postMessage type is documented in README.md, and the other way
// round. Adding a host call means: an EMSCRIPTEN_KEEPALIVE export in bridge.cpp, its use in
// web/host/api.js, a row in README.md's "Host API"; this test names whichever is missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { root } from './browser.mjs';

const read = (path) => readFileSync(join(root, path), 'utf8');
const bridge = read('src/web/bridge.cpp');
const hostFiles = readdirSync(join(root, 'web/host')).filter((f) => f.endsWith('.js'));
const host = hostFiles.map((f) => read(join('web/host', f))).join('\n');
const readme = read('README.md');

const set = (matches) => new Set([...matches].map((m) => m[1]));

test('the module exports exactly what the page calls', () => {
  const exported = set(bridge.matchAll(/EMSCRIPTEN_KEEPALIVE\s+[\w:<>*\s]+?\b(explorer_\w+)\s*\(/g));
  const called = set(host.matchAll(/module\._(explorer_\w+)/g));
  assert.ok(exported.size >= 20, `exports found: ${[...exported]}`);
  for (const name of called) assert.ok(exported.has(name), `web/host calls ${name}, which bridge.cpp does not export`);
  for (const name of exported) assert.ok(called.has(name), `bridge.cpp exports ${name}, which no page script calls`);
});

test('every member of window.explorer is documented in README.md, and only those', () => {
  const api = host.slice(host.indexOf('var api = {'), host.indexOf('window.explorer = api;'));
  const members = set(api.matchAll(/^\s{2}(\w+):/gm));
  const documented = set(readme.matchAll(/\| `explorer\.(\w+)/g));
  if (/\| `explorer\.on\([^|]*\/ `off`/.test(readme)) documented.add('off'); // "explorer.on('statechange', fn) / off"
  for (const name of members) assert.ok(documented.has(name), `explorer.${name} is missing from README.md's Host API table`);
  for (const name of documented) {
    assert.ok(members.has(name), `README.md documents explorer.${name}, which web/host/api.js does not define`);
  }
});

test('every postMessage type the page handles is documented', () => {
  const handled = set(host.matchAll(/case '(explorer:\w+)'/g));
  assert.ok(handled.size >= 4);
  for (const type of handled) assert.ok(readme.includes(type), `${type} is missing from README.md's postMessage paragraph`);
});
