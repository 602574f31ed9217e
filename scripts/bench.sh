#!/usr/bin/env bash
# Benchmarks (figures, not pass/fail): the core's worst shapes at the documented limits
# (tools/core_bench.cpp: memberships, filters, search, description, in ms), the size of
# dist/explorer.html raw and gzipped, and the time from navigation start to the first frame in
# headless Chromium (median of 5 loads), each next to a peer measured in the same run; then the
# layout's iterations per second against graphology and d3-force (scripts/bench-layout.mjs). Builds
# first unless --no-build.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/env.sh
if [ "${1:-}" != "--no-build" ]; then
  bash scripts/build.sh native >/dev/null
  bash scripts/build.sh web >/dev/null
fi
echo "== core at the limits (build/native/tools/core-bench)"
build/native/tools/core-bench
node scripts/bench.mjs
# Labelling per frame at 1k, 10k and 100k nodes: a placement and a pan frame (tools/label_bench.cpp).
echo "== labels by level of detail (build/native/tools/label-bench)"
build/native/tools/label-bench
# Layout iterations/s at 1k, 10k, 100k nodes: ours natively, as shipped wasm and at -O3 under Node,
# graphology ForceAtlas2 and d3-force on the same graphs (scripts/bench-layout.mjs; about a minute).
cmake --build build/web --target layout_bench_shipped layout_bench_wasm >/dev/null
node scripts/bench-layout.mjs --native build/native --web build/web
# Pan frames in headless Chromium: main-thread ms per frame (median, p95) and bytes uploaded, on the
# shipped data and a 10k synthetic graph (scripts/bench-render.mjs).
node scripts/bench-render.mjs
