#!/usr/bin/env bash
# Runs every test: installs what is missing, builds the native tests and the web widget, runs the
# GoogleTest suites (ctest), the same again under AddressSanitizer and UBSan (preset asan), each
# libFuzzer target for a bounded time (scripts/fuzz.sh), and the end-to-end tests in headless
# Chromium. Exits non-zero on any failure. .ci/run calls exactly this.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/env.sh

bash scripts/setup.sh
EXPLORER_SKIP_SETUP=1 bash scripts/build.sh all

echo "== unit tests (GoogleTest, native)"
ctest --preset native --output-on-failure -j2

echo "== unit tests under AddressSanitizer and UBSan (clang, build/asan), fuzz regressions replayed"
cmake --preset asan >/dev/null
cmake --build --preset asan
# The tests at the loaders' byte limits (suites *Limits*: 128 MiB inputs, 1 to 20 s each natively)
# run natively only: under the sanitizers they take minutes and go through the same code as the
# smaller cases, which run here, and as the fuzz targets below.
ctest --preset asan --output-on-failure -j2 -E 'Limits'

echo "== fuzzing (libFuzzer, ${EXPLORER_FUZZ_SECONDS:-20} s per target; findings go to tests/fuzz/regressions/)"
EXPLORER_SKIP_BUILD=1 EXPLORER_FUZZ_SEED=${EXPLORER_FUZZ_SEED:-1} bash scripts/fuzz.sh "${EXPLORER_FUZZ_SECONDS:-20}"

echo "== end-to-end tests (headless Chromium)"
# A test that hangs fails after two minutes instead of holding CI until its own limit.
node --test --test-concurrency=1 --test-timeout=120000 tests/e2e/
