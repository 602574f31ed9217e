#!/usr/bin/env node
// Where the bytes of a wasm are: code by function and by library, data segments, other sections.
// Needs a names build (function names kept), e.g. the web link with --profiling-funcs added:
//   em++ … --profiling-funcs -o /tmp/names/explorer.js …   (the link line of build/<dir>/src/web)
//   node scripts/wasm_size.mjs /tmp/names/explorer.wasm [--top 40] [--gzip]
// Libraries are told apart by the demangled name (llvm-cxxfilt): nlohmann:: → nlohmann_json,
// std:: → libc++ (template code instantiated for any type), explorer:: and explorer_* → ours,
// ImGui/Im*/stb → Dear ImGui, the rest → libc and the Emscripten runtime. --gzip adds each
// library's code gzipped alone (a rough share of the compressed page; gzip finds less in a part).
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { gzipSync, constants } from 'node:zlib';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 40;
const withGzip = args.includes('--gzip');
if (!file) {
  console.error('usage: wasm_size.mjs FILE.wasm [--top N] [--gzip]');
  process.exit(2);
}
const bytes = readFileSync(file);

let pos = 0;
function u32() {
  let result = 0, shift = 0, b;
  do { b = bytes[pos++]; result += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
  return result;
}
function name() { const n = u32(); const s = bytes.toString('utf8', pos, pos + n); pos += n; return s; }

const sections = [];
let importedFunctions = 0;
const bodies = []; // {index, start, size}
const segments = []; // {start, size, offset}
const names = new Map();
pos = 8;
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = u32();
  const start = pos;
  const end = pos + size;
  let label = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export', 'start',
               'element', 'code', 'data', 'datacount'][id] || `id${id}`;
  if (id === 0) {
    const custom = name();
    label = `custom:${custom}`;
    if (custom === 'name') {
      while (pos < end) {
        const sub = bytes[pos++];
        const subSize = u32();
        const subEnd = pos + subSize;
        if (sub === 1) {
          const count = u32();
          for (let i = 0; i < count; i++) { const index = u32(); names.set(index, name()); }
        }
        pos = subEnd;
      }
    }
  } else if (id === 2) {
    const count = u32();
    for (let i = 0; i < count; i++) {
      name(); name();
      const kind = bytes[pos++];
      if (kind === 0) { u32(); importedFunctions++; }
      else if (kind === 1) { pos++; const flags = u32(); u32(); if (flags & 1) u32(); }
      else if (kind === 2) { const flags = u32(); u32(); if (flags & 1) u32(); }
      else if (kind === 3) { pos += 2; }
    }
  } else if (id === 10) {
    const count = u32();
    for (let i = 0; i < count; i++) {
      const bodySize = u32();
      bodies.push({ index: importedFunctions + i, start: pos, size: bodySize });
      pos += bodySize;
    }
  } else if (id === 11) {
    const count = u32();
    for (let i = 0; i < count; i++) {
      const flags = u32();
      let offset = null;
      if (flags === 0 || flags === 2) {
        if (flags === 2) u32();
        if (bytes[pos] === 0x41) { pos++; offset = u32(); } // i32.const (unsigned read is enough here)
        while (bytes[pos++] !== 0x0b) { /* end of the init expression */ }
      }
      const dataSize = u32();
      segments.push({ start: pos, size: dataSize, offset });
      pos += dataSize;
    }
  }
  sections.push({ label, size: end - start });
  pos = end;
}

// Demangle every name in one call.
const raw = bodies.map((b) => (names.get(b.index) || `function[${b.index}]`).replace(/\n/g, ' '));
let demangled = raw;
try {
  demangled = execFileSync('llvm-cxxfilt', { input: raw.join('\n'), maxBuffer: 256 << 20 }).toString().split('\n');
} catch { /* keep the mangled names */ }

function library(n) {
  if (/nlohmann::/.test(n)) return 'nlohmann_json';
  if (/^(explorer::|explorer_|main$|\(anonymous namespace\)|__cxx_global_var_init|_GLOBAL__sub_I_)/.test(n) || /\bexplorer::/.test(n) && !/^std::/.test(n)) return 'ours';
  if (/^std::|^void std::|^bool std::|^unsigned long std::|^__cxa|^operator new|^operator delete|^__cxxabiv1|^__gxx|^__dynamic_cast|^abort_message|^demangling/.test(n) || /\bstd::__2::/.test(n) && !/^Im|^ImGui/.test(n)) return 'libc++';
  if (/^(ImGui|Im[A-Z]|stb|ImStb|Im[a-z]|GetDefaultCompressed|Decode85|stb__|STB|Str|ImTextStr|ImFormat|ImParseFormat|ImHash|ImFile|Ini|TableSettings|WindowSettings|ImTriangle|ImBezier|ImLine|ImFontAtlas|FindHoveredWindow|NavApply|NavUpdate|NavScoreItem|NavProcess|NavMove|NavRestore|NavCalc|NavEnd|NavInit|NavSaveLast|NavClamp|NavBiasScoring|NavHighlight|GetWindow|SetWindow|RenderWindow|UpdateWindow|AddWindowToSort|AddDrawListTo|AddRootWindow|CalcWindow|CalcNext|ClampWindow|ShadeVerts|PathBezier|InputTextCalc|DataType|ScaleValue|RoundScalar|InputScalar|TabBar|TabItem|ColorEdit|IsWindow|FindWindow|RenderDimmed|RenderViewports|GetCombo|Items_|CalcMaxPopup|FindFrontMostVisible|IsRootOfOpenMenuSet|SetCurrentWindow|StartLockWheeling|StopMouseMovingWindow|ErrorCheck|UpdateMouseWheel|LockWheelingWindow|NewFrameSanityChecks|UpdateKeyboardInputs|UpdateMouseInputs|UpdateAliveKey|UpdateDebugTool|UpdateSettings|UpdateTexRoundCorner|UpdateFontsNewFrame|UpdateViewportsNewFrame|UpdateInputEvents|UpdateHovered|UpdateMouseMoving|UpdateKeyRouting|UpdateBringWindow|Calc|Get|Set|Tab|Render|Find)/.test(n)) return 'imgui';
  return 'libc + runtime';
}

const functions = bodies.map((b, i) => ({ name: demangled[i] || raw[i], size: b.size, start: b.start }));
const byLibrary = new Map();
for (const f of functions) {
  const lib = library(f.name);
  const entry = byLibrary.get(lib) || { size: 0, count: 0, chunks: [] };
  entry.size += f.size; entry.count++; entry.chunks.push(bytes.subarray(f.start, f.start + f.size));
  byLibrary.set(lib, entry);
}

const total = bytes.length;
const pct = (n) => `${(100 * n / total).toFixed(1)} %`;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log(`${file}: ${total} bytes (${kb(total)}), ${bodies.length} functions, ${segments.length} data segments`);
console.log('\n## Sections');
for (const s of sections) console.log(`${s.label.padEnd(28)} ${String(s.size).padStart(9)}  ${pct(s.size)}`);

console.log('\n## Code by library' + (withGzip ? ' (raw, and gzipped alone)' : ''));
for (const [lib, e] of [...byLibrary].sort((a, b) => b[1].size - a[1].size)) {
  const gz = withGzip ? `  gz ${String(gzipSync(Buffer.concat(e.chunks), { level: constants.Z_BEST_COMPRESSION }).length).padStart(8)}` : '';
  console.log(`${lib.padEnd(16)} ${String(e.size).padStart(9)}  ${pct(e.size).padStart(7)}  ${String(e.count).padStart(5)} functions${gz}`);
}

// Data: find the known blobs (TrueType fonts, ImGui's ProggyClean in base85) inside the segments.
console.log('\n## Data');
let dataTotal = 0;
for (const s of segments) dataTotal += s.size;
console.log(`segments total ${dataTotal} (${kb(dataTotal)})`);
// The memory image the active segments write (wasm-opt splits segments at runs of zeros, which
// fonts have): blobs are found in it, not in the segments one after another.
const imageEnd = segments.reduce((end, s) => Math.max(end, (s.offset ?? 0) + s.size), 0);
const data = Buffer.alloc(imageEnd);
for (const s of segments) if (s.offset !== null) bytes.copy(data, s.offset, s.start, s.start + s.size);
const ttfMagic = Buffer.from([0, 1, 0, 0]);
let search = 0;
for (;;) {
  const at = data.indexOf(ttfMagic, search);
  if (at < 0) break;
  // A TrueType table directory: numTables then 16-byte records; the file ends at the furthest table end.
  const numTables = data.readUInt16BE(at + 4);
  if (numTables > 0 && numTables < 40 && data.toString('latin1', at + 12, at + 16).match(/^[A-Za-z0-9 \/]{4}$/)) {
    let end = 0;
    for (let t = 0; t < numTables; t++) {
      const rec = at + 12 + 16 * t;
      end = Math.max(end, data.readUInt32BE(rec + 8) + data.readUInt32BE(rec + 12));
    }
    if (end > 0 && at + end <= data.length) {
      const gz = gzipSync(data.subarray(at, at + end), { level: 9 }).length;
      console.log(`TrueType font    ${String(end).padStart(9)}  (gz ${gz})`);
      search = at + end;
      continue;
    }
  }
  search = at + 1;
}
const proggy = data.indexOf(Buffer.from('7])#######'));
if (proggy >= 0) {
  let end = proggy;
  while (end < data.length && data[end] !== 0) end++;
  console.log(`ProggyClean b85  ${String(end - proggy).padStart(9)}  (gz ${gzipSync(data.subarray(proggy, end), { level: 9 }).length})`);
}

console.log(`\n## Top ${top} functions`);
for (const f of [...functions].sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`${String(f.size).padStart(8)}  ${library(f.name).padEnd(15)} ${f.name.slice(0, 150)}`);
}
