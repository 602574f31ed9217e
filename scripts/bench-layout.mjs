#!/usr/bin/env node
// Layout figures (figures, not pass/fail): iterations per second of our network layout on
// synthetic consortia of 1k, 10k and 100k nodes (explorer-data synth's generator, built in memory
// by tools/layout_bench.cpp, so the loader's limits do not apply), next to peers from the npm
// registry on the SAME graphs, in the same run, printed as one table with ratios:
//  - ours natively (build/native/tools/layout-bench, RelWithDebInfo: -O2);
//  - ours as WebAssembly under Node: build/web/layout-bench/layout-bench-o3.js (the layout -O3)
//    and layout-bench-shipped.js (the core objects and link optimisation of the shipped widget);
//  - graphology-layout-forceatlas2 (Barnes–Hut, θ 0.5, its inferred settings), its iterate()
//    timed alone, after graphToByteArrays;
//  - d3-force with our model's forces (links with our lengths, many-body θ 0.9 with our charges,
//    x/y gravity, collision with our radii and padding: the model graph_layout.hpp follows).
// Every layout starts from our starting positions (exported with the graph), warms up with one
// iteration, then runs the same number of iterations, each timed (100 at 1k, 20 at 10k, 5 at 100k
// by default; --iterations N for all). Iterations/s is 1 / the median iteration's time: on a
// machine shared with other work, a stolen time slice moves the mean far more than the median.
// Each peer runs in a process of its own.
//
//   node scripts/bench-layout.mjs [--native build/native] [--web build/web] [--sizes 1000,10000,100000]
//                                 [--seed 1] [--iterations N] [--json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

// ---- peer mode: `--peer graphology|d3 --graph FILE --iterations K` prints one JSON line
async function runPeer(name, file, iterations) {
  const g = JSON.parse(readFileSync(file, 'utf8'));
  const now = () => performance.now();
  let step;
  let positions;
  if (name === 'graphology') {
    const Graph = require('graphology');
    const forceAtlas2 = require('graphology-layout-forceatlas2');
    const iterate = require('graphology-layout-forceatlas2/iterate.js');
    const helpers = require('graphology-layout-forceatlas2/helpers.js');
    const graph = new Graph({ type: 'undirected', multi: false });
    for (let i = 0; i < g.nodes; i++) graph.addNode(i, { x: g.x[i], y: g.y[i], size: g.radius[i] });
    for (let k = 0; k < g.edges.length; k += 2) graph.addEdge(g.edges[k], g.edges[k + 1]);
    const defaults = require('graphology-layout-forceatlas2/defaults.js');
    const settings = { ...defaults, ...forceAtlas2.inferSettings(graph), barnesHutOptimize: true, barnesHutTheta: 0.5 };
    const matrices = helpers.graphToByteArrays(graph, () => 1);
    step = () => iterate(settings, matrices.nodes, matrices.edges);
    positions = () => matrices.nodes[0];
  } else if (name === 'd3') {
    const d3 = await import('d3-force');
    const nodes = Array.from({ length: g.nodes }, (_, i) => ({ x: g.x[i], y: g.y[i], r: g.radius[i], w: g.weight[i] }));
    const links = [];
    for (let k = 0; k < g.edges.length; k += 2) links.push({ source: g.edges[k], target: g.edges[k + 1], length: g.length[k / 2] });
    const simulation = d3.forceSimulation(nodes).stop()
      .force('link', d3.forceLink(links).distance((l) => l.length))
      .force('charge', d3.forceManyBody().strength((n) => -g.charge * n.w).theta(0.9))
      .force('x', d3.forceX(0).strength(g.gravity))
      .force('y', d3.forceY(0).strength(g.gravity))
      .force('collide', d3.forceCollide((n) => n.r + g.padding / 2).strength(0.7));
    step = () => simulation.tick();
    positions = () => nodes[0].x;
  } else {
    throw new Error(`unknown peer ${name}`);
  }
  step(); // warm-up
  const times = [];
  for (let k = 0; k < iterations; k++) {
    const start = now();
    step();
    times.push((now() - start) / 1000);
  }
  if (!Number.isFinite(positions())) throw new Error(`${name}: positions are not finite`);
  const seconds = times.reduce((a, b) => a + b, 0);
  const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
  console.log(JSON.stringify({ nodes: g.nodes, edges: g.edges.length / 2, iterations, seconds,
                               per_second: iterations / seconds, median_per_second: 1 / median }));
}

function parseArgs(argv) {
  const args = { native: join(root, 'build/native'), web: join(root, 'build/web'), sizes: '1000,10000,100000',
                 seed: '1', iterations: null, json: false, peer: null, graph: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      if (argv[i + 1] === undefined) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--native') args.native = resolve(value());
    else if (a === '--web') args.web = resolve(value());
    else if (a === '--sizes') args.sizes = value();
    else if (a === '--seed') args.seed = value();
    else if (a === '--iterations') args.iterations = value();
    else if (a === '--json') args.json = true;
    else if (a === '--peer') args.peer = value();
    else if (a === '--graph') args.graph = value();
    else throw new Error(`unknown option ${a} (see the comment at the top of scripts/bench-layout.mjs)`);
  }
  return args;
}

const args = parseArgs(process.argv.slice(2));
if (args.peer) {
  await runPeer(args.peer, args.graph, Number(args.iterations));
  process.exit(0);
}

const lines = (text) => text.trim().split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l));
const run = (command, argv) => lines(execFileSync(command, argv, { encoding: 'utf8', maxBuffer: 1 << 26,
                                                                   stdio: ['ignore', 'pipe', 'inherit'] }));
const benchArgs = ['--sizes', args.sizes, '--seed', args.seed, ...(args.iterations ? ['--iterations', args.iterations] : [])];
const tmp = mkdtempSync(join(tmpdir(), 'explorer-bench-layout-'));
const columns = {};
try {
  const nativeExe = join(args.native, 'tools/layout-bench');
  columns.native = run(nativeExe, [...benchArgs, '--export', tmp]);
  for (const [key, file] of [['o3', 'layout-bench-o3.js'], ['shipped', 'layout-bench-shipped.js']]) {
    const path = join(args.web, 'layout-bench', file);
    if (existsSync(path)) columns[key] = run(process.execPath, ['--no-experimental-fetch', path, ...benchArgs]);
    else console.error(`bench-layout: ${path} missing (build the web preset): column left out`);
  }
  for (const peer of ['graphology', 'd3']) {
    columns[peer] = columns.native.map((r) => run(process.execPath,
      [fileURLToPath(import.meta.url), '--peer', peer, '--graph', join(tmp, `graph-${r.nodes}.json`),
       '--iterations', String(r.iterations)])[0]);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

if (args.json) {
  console.log(JSON.stringify(columns, null, 2));
  process.exit(0);
}

// ---- one table
const sizes = columns.native;
const rows = [
  ['native', 'ours, native (-O2)'],
  ['o3', 'ours, wasm -O3 (Node)'],
  ['shipped', 'ours, wasm as shipped (Node)'],
  ['graphology', 'graphology FA2 (Barnes–Hut θ 0.5)'],
  ['d3', 'd3-force (θ 0.9, same forces)'],
];
const label = 36;
const cell = 14;
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
const head = (s) => s.padEnd(label);
const kNodes = (n) => (n >= 1000 ? `${n / 1000}k nodes` : `${n} nodes`);
console.log('== layout iterations/s (synthetic consortia, same graphs, same starting positions; figures, not verdicts)');
console.log(head('') + sizes.map((r) => kNodes(r.nodes).padStart(cell)).join(''));
console.log(head('  edges') + sizes.map((r) => String(r.edges).padStart(cell)).join(''));
console.log(head('  timed iterations') + sizes.map((r) => String(r.iterations).padStart(cell)).join(''));
for (const [key, name] of rows) {
  if (!columns[key]) continue;
  console.log(head(name) + columns[key].map((r) => fmt(r.median_per_second).padStart(cell)).join(''));
}
const ratio = (a, b) => (columns[a] && columns[b]
  ? columns[a].map((r, i) => `${(r.median_per_second / columns[b][i].median_per_second).toFixed(2)}×`.padStart(cell)).join('')
  : '');
console.log(head('ratio shipped / graphology') + ratio('shipped', 'graphology'));
console.log(head('ratio shipped / d3-force') + ratio('shipped', 'd3'));
console.log(head('ratio native / graphology') + ratio('native', 'graphology'));
console.log(head('ratio native / d3-force') + ratio('native', 'd3'));
console.log(head('ratio shipped / wasm -O3') + ratio('shipped', 'o3'));
// The layout's determinism contract: the same positions, bit for bit, natively and in wasm.
const same = (key) => (columns[key] ? columns[key].every((r, i) => r.checksum === sizes[i].checksum) : null);
const agree = ['o3', 'shipped'].filter((k) => columns[k]).map((k) => `${k} ${same(k) ? 'same' : 'DIFFERENT'}`);
console.log(`positions after the timed iterations, against native: ${agree.join(', ') || 'no wasm column'}`);
