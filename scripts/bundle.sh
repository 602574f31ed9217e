#!/usr/bin/env bash
# A single-file widget around your own data, ready to upload to a CMS:
#   scripts/bundle.sh DATA OUT.html
# DATA is a dataset in the explorer's JSON format (data/README.md) or a CSV list of links
# (source,target,role[,source_type,target_type,source_url]). It is checked first with
# `explorer-data validate`; nothing is written when it has problems (they are listed, with their
# line and column, and the exit status is 1). The page holds a text version of the data too, for
# readers without JavaScript or WebGL 2 (`explorer-data html`, put in by the page assembler).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ $# -ne 2 ]; then
  echo "usage: scripts/bundle.sh DATA OUT.html" >&2
  exit 2
fi
data=$(realpath -- "$1")
out=$(realpath -m -- "$2")
[ -r "$data" ] || { echo "bundle.sh: cannot read $1" >&2; exit 2; }
cd "$root"
source scripts/env.sh
[ "${EXPLORER_SKIP_SETUP:-0}" = 1 ] || bash scripts/setup.sh
# (A command line built before `explorer-data html` existed is built again: the assembler needs it.)
if [ ! -x build/native/tools/explorer-data ] || [ ! -f build/web/explorer.wasm ] ||
   ! build/native/tools/explorer-data --help | grep -q '^  html FILE'; then
  EXPLORER_SKIP_SETUP=1 bash scripts/build.sh >/dev/null
fi

# JSON or CSV (by the file's extension), checked with the same rules the widget applies.
build/native/tools/explorer-data validate "$data"
node scripts/assemble_page.mjs --build build/web --data "$data" --out "$out"
