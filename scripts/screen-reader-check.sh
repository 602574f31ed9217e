#!/usr/bin/env bash
# Manual check with a real screen reader: runs Orca (Debian package `orca`) against the explorer
# page in Chromium on a virtual X display, walks the page with the keyboard, and prints what Orca
# would have spoken. Not part of scripts/test.sh (it is slow and installs a desktop stack);
# run it by hand when the DOM mirror (#explorer-mirror) changes.
#
#   bash scripts/screen-reader-check.sh [PAGE.html] [--expect TEXT]...
#
#   PAGE       defaults to dist/explorer.html; it is copied to a temporary folder first, so a
#              rebuild during the run does not disturb it.
#   --expect   TEXT must appear in some line spoken during the walk (case-sensitive); exits 1
#              if one is missing.
#
# Environment:
#   SR_KEYS    the walk, as space-separated steps, each an xdotool key name (Tab, slash, Down,
#              Return, Right, Escape, Insert+a for Orca's browse/focus-mode toggle…), or
#              type:TEXT to type TEXT, or sleep:SECONDS. Default:
#              "Tab Tab Tab slash type:inria Return Right Escape"
#   SR_LOAD_WAIT  seconds to wait for the page to load before the walk (default 8)
#   SR_OUT     folder for the logs (default: a new folder under /tmp); it holds orca-debug.txt
#              (Orca's full debug log), spoken-all.txt (every spoken line), spoken.txt (those
#              from the first key of the walk on) and chromium.log.
#
# How it works: installs (once) orca, at-spi2-core, xvfb, dbus-x11, xdotool, python3-pyatspi;
# starts Xvfb on a free display, a private D-Bus session (dbus-run-session) and the AT-SPI bus,
# then Orca (braille off, and with no speech server: see orca-lb below): Orca still composes every
# utterance and writes it to its debug log as "SPEECH OUTPUT: '…'", which is what is printed.
# Orca refuses to start while another Orca of the same user runs (this script never replaces
# one). Chromium runs headful on that display with --force-renderer-accessibility and SwiftShader
# WebGL; xdotool sends the keys. Only processes this script started are stopped, by their PIDs.
#
# What a screen-reader user meets, as Orca 43 behaves: the search field switches Orca to focus
# mode, so typing and Down reach the page; after Enter focus lands on the network node, an
# application (semantic tree "network/focus/<id>/node"), so Orca leaves it the arrow keys: Right
# steps to a connected node and the live region says how they are linked. Enter on the node goes
# to the details (Orca back in browse mode reads them; Tab walks their buttons), e.g.
#   SR_KEYS="Tab slash type:inria Return Return Tab Tab Escape" bash scripts/screen-reader-check.sh \
#     --expect Scribe --expect "AI for Democracy"
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

if [ "${1:-}" = "--inner" ]; then
  # ---- second half: runs inside dbus-run-session, with DISPLAY set --------------------------
  out=$SR_OUT
  export GTK_MODULES=gail:atk-bridge NO_AT_BRIDGE=0 ACCESSIBILITY_ENABLED=1
  export XDG_RUNTIME_DIR=$out/xdg
  mkdir -p "$XDG_RUNTIME_DIR"; chmod 700 "$XDG_RUNTIME_DIR"
  pids=()
  cleanup_inner() {
    local p
    for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
    sleep 1
    for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
  }
  trap cleanup_inner EXIT
  /usr/libexec/at-spi-bus-launcher --launch-immediately >"$out/atspi.log" 2>&1 &
  pids+=($!)
  sleep 2
  for prop in IsEnabled ScreenReaderEnabled; do
    dbus-send --session --print-reply --dest=org.a11y.Bus /org/a11y/bus \
      org.freedesktop.DBus.Properties.Set string:org.a11y.Status string:$prop variant:boolean:true \
      >/dev/null
  done
  /usr/bin/python3 "$out/orca-lb" -d braille -u "$out/orca-prefs" \
    --debug-file="$out/orca-debug.txt" >"$out/orca.stdout" 2>&1 &
  pids+=($!)
  sleep 5
  # A French page would raise Chromium's "Translate this page?" bubble, which Orca reads out.
  mkdir -p "$out/profile/Default"
  [ -f "$out/profile/Default/Preferences" ] ||
    echo '{"translate":{"enabled":false},"browser":{"has_seen_welcome_page":true}}' >"$out/profile/Default/Preferences"
  chromium --no-sandbox --user-data-dir="$out/profile" --no-first-run --no-default-browser-check \
    --disable-features=Translate --lang=en-US --force-renderer-accessibility \
    --use-angle=swiftshader --enable-unsafe-swiftshader --ignore-gpu-blocklist \
    --window-size=1280,900 --start-maximized "file://$SR_PAGE" >"$out/chromium.log" 2>&1 &
  pids=($! "${pids[@]}")   # Chromium is stopped first
  sleep "${SR_LOAD_WAIT:-8}"
  /usr/bin/python3 -c 'import pyatspi; print("AT-SPI applications:", [a.name for a in pyatspi.Registry.getDesktop(0) if a])' \
    >"$out/apps.txt" 2>&1 || true
  echo "== walk" >"$out/walk.txt"
  for step in ${SR_KEYS:-Tab Tab Tab slash type:inria Return Right Escape}; do
    echo "$(date +%T.%N | cut -c1-15) $step" >>"$out/walk.txt"
    case $step in
      type:*)  xdotool type --delay 150 "${step#type:}"; sleep 2 ;;
      sleep:*) sleep "${step#sleep:}" ;;
      *)       xdotool key "$step"; sleep 1.5 ;;
    esac
  done
  sleep 1
  exit 0
fi

# ---- first half: install, prepare, start Xvfb ------------------------------------------------
page=$root/dist/explorer.html
expect=()
while (($#)); do
  case $1 in
    --expect) expect+=("$2"); shift 2 ;;
    *) page=$1; shift ;;
  esac
done
[ -f "$page" ] || { echo "no page at $page (build it first: bash scripts/build.sh)" >&2; exit 2; }

packages=(orca at-spi2-core xvfb dbus-x11 xdotool python3-pyatspi gir1.2-atspi-2.0 python3-gi
          gir1.2-gtk-3.0 gir1.2-wnck-3.0 chromium)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "[screen-reader-check] installing: ${missing[*]}" >&2
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

out=${SR_OUT:-$(mktemp -d /tmp/screen-reader-check.XXXXXX)}
mkdir -p "$out" "$out/orca-prefs"
cp "$page" "$out/page.html"
# A copy of /usr/bin/orca that (1) opens its debug log line-buffered, so that nothing is lost when
# it is stopped, and (2) starts no speech server: speech stays enabled (with speech disabled, Orca
# also drops live-region announcements and its own messages), so Orca composes and logs every
# utterance, but sends nothing to speech-dispatcher (a leftover speech-dispatcher can hang it).
/usr/bin/python3 - "$out/orca-lb" <<'PY'
import sys
src = open('/usr/bin/orca').read()
a = "debug.debugFile = open(args.debug_file, 'w')"
b = "    return orca.main()\n"
if a not in src or b not in src:
    sys.exit("this /usr/bin/orca is not the one this script knows (Debian 12, Orca 43)")
src = src.replace(a, "debug.debugFile = open(args.debug_file, 'w', buffering=1)")
src = src.replace(b, "    from orca import speech as _sr_speech\n"
                     "    _sr_speech.init = lambda: debug.println(debug.LEVEL_INFO, 'SPEECH: no speech server (screen-reader-check)', True)\n" + b)
open(sys.argv[1], 'w').write(src)
PY

display=99
while [ -e "/tmp/.X$display-lock" ] || [ -e "/tmp/.X11-unix/X$display" ]; do display=$((display + 1)); done
Xvfb ":$display" -screen 0 1280x1024x24 -nolisten tcp >"$out/xvfb.log" 2>&1 &
xvfb_pid=$!
trap 'kill "$xvfb_pid" 2>/dev/null || true' EXIT
sleep 2

SR_OUT=$out SR_PAGE=$out/page.html DISPLAY=":$display" \
  timeout 300 dbus-run-session -- bash "${BASH_SOURCE[0]}" --inner >"$out/run.log" 2>&1 || {
  echo "[screen-reader-check] the run failed; see $out/run.log" >&2; tail -20 "$out/run.log" >&2; exit 1; }

# Spoken lines, without Orca's voice settings ({'established': False…}) after most of them; split
# at the first key of the walk: before it is what Orca says on its own while the page loads (with
# its default settings it starts reading the page: "Say All on load").
walk_start=$(sed -n '2{s/ .*//;p}' "$out/walk.txt")
grep -a "SPEECH OUTPUT: " "$out/orca-debug.txt" |
  sed -E "s/^([0-9:.]+) - SPEECH OUTPUT: '(.*)' ?(\{.*\})?$/\1 \2/" >"$out/spoken-all.txt" || true
awk -v t="$walk_start" '$1 >= t' "$out/spoken-all.txt" >"$out/spoken.txt"
cat "$out/apps.txt"
cat "$out/walk.txt"
versions="Orca $(dpkg-query -W -f='${Version}' orca), Chromium $(dpkg-query -W -f='${Version}' chromium)"
echo "== spoken while the page loads, before the walk: $(awk -v t="$walk_start" '$1 < t' "$out/spoken-all.txt" | wc -l) lines; the first 8:"
awk -v t="$walk_start" '$1 < t && ++n <= 8 { print substr($0, 1, 160) }' "$out/spoken-all.txt"
echo "== spoken during the walk ($versions)"
cat "$out/spoken.txt"
echo "== logs in $out (spoken-all.txt: every line, orca-debug.txt: Orca's full log)"
[ -s "$out/spoken.txt" ] || { echo "Orca spoke nothing during the walk: see $out/orca-debug.txt" >&2; exit 1; }
status=0
for e in "${expect[@]}"; do
  if grep -qF -- "$e" "$out/spoken.txt"; then echo "spoken: $e"; else echo "NOT spoken: $e"; status=1; fi
done
exit $status
