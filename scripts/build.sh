#!/usr/bin/env bash
# Builds everything without serving: the native tools and tests (build/native) and the web widget
# (build/web → dist/explorer.html, dist/embed-example.html).
#   scripts/build.sh            both
#   scripts/build.sh web        the widget only
#   scripts/build.sh native     the native tools and tests only
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
source scripts/env.sh
what=${1:-all}
[ "${EXPLORER_SKIP_SETUP:-0}" = 1 ] || bash scripts/setup.sh

if [ "$what" = all ] || [ "$what" = native ]; then
  cmake --preset native >/dev/null
  cmake --build --preset native
fi

if [ "$what" = all ] || [ "$what" = web ]; then
  cmake --preset web >/dev/null
  cmake --build --preset web
  node scripts/assemble_page.mjs --build build/web --data data/laureates.json --out dist/explorer.html
  cp web/embed-example.html web/scrolly-example.html web/embed.js dist/
fi
