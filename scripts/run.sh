#!/usr/bin/env bash
# Builds the widget (first run: installs what is missing) and serves dist/ on 127.0.0.1.
#   scripts/run.sh [--port N]      (or PORT=N scripts/run.sh); default 8080
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
port=${PORT:-8080}
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port=$2; shift 2 ;;
    --port=*) port=${1#--port=}; shift ;;
    *) echo "usage: scripts/run.sh [--port N]" >&2; exit 2 ;;
  esac
done
bash scripts/build.sh web
exec node scripts/serve.mjs --dir dist --port "$port"
