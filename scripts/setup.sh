#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian 12 machine, and nothing twice.
# Safe to run again: each step checks first and returns at once when its work is done.
#
#   1. Debian packages (compilers, clang for sanitizers and fuzzing, Emscripten, nlohmann_json,
#      GoogleTest, Chromium, and Noto fonts for the tests)
#   2. Dear ImGui 1.90.1 source from Debian's "trixie" source suite, checked by sha256,
#      unpacked into third_party/ (ignored by git)
#   3. npm dev dependencies from package-lock.json (playwright-core drives Debian's Chromium)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
log() { printf '[setup] %s\n' "$*" >&2; }

# ---- 1. Debian packages ---------------------------------------------------------------------
# Fonts are for the tests only, never for the page (issue 13: the widget draws with the reader's own
# fonts): the native UI tests and tools rasterise with stb_truetype from fonts-noto-core (Latin,
# Greek, Cyrillic, Arabic, Hebrew, Devanagari, Thai… : src/ui/native_glyphs.cpp), and headless
# Chromium finds the same through fontconfig; fonts-noto-cjk (56 MB download, 91 MB installed)
# adds Chinese, Japanese and Korean, so that tests/e2e/scripts.test.mjs sees no missing glyph.
packages=(cmake g++ emscripten nlohmann-json3-dev googletest libgtest-dev chromium
          fonts-noto-core fonts-noto-cjk xz-utils ca-certificates
          clang-14 libclang-rt-14-dev) # clang-14 and its runtimes: sanitizers and libFuzzer (preset asan)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# ---- 2. Dear ImGui source -------------------------------------------------------------------
imgui_version=1.90.1
imgui_tarball=imgui_${imgui_version}+ds.orig.tar.xz
imgui_sha256=ecce377df0f90b292f15dcbd83d438bddc162b2388c881132bde18c787572a1c
imgui_dir=third_party/imgui-${imgui_version}
if [ ! -f "$imgui_dir/imgui.cpp" ]; then
  dl=third_party/downloads
  mkdir -p "$dl"
  if [ ! -f "$dl/$imgui_tarball" ] || ! echo "$imgui_sha256  $dl/$imgui_tarball" | sha256sum -c --status; then
    log "fetching Dear ImGui $imgui_version source from Debian (trixie source suite)"
    apt_dir=$(mktemp -d)
    mkdir -p "$apt_dir/sources" "$apt_dir/lists/partial"
    # A private deb-src list: same mirror and key as the machine's own, without touching its apt config.
    uri=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    key=$(awk '/^Signed-By:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    : "${uri:=http://deb.debian.org/debian}" "${key:=/usr/share/keyrings/debian-archive-keyring.gpg}"
    printf 'Types: deb-src\nURIs: %s\nSuites: trixie\nComponents: main\nSigned-By: %s\n' "$uri" "$key" \
      > "$apt_dir/sources/trixie-src.sources"
    apt_opts=(-o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$apt_dir/sources"
              -o "Dir::State::Lists=$apt_dir/lists" -o APT::Sandbox::User=root)
    apt-get "${apt_opts[@]}" update -qq
    (cd "$dl" && apt-get "${apt_opts[@]}" source --download-only -qq "imgui=${imgui_version}+ds-1" >/dev/null)
    rm -rf "$apt_dir"
  fi
  echo "$imgui_sha256  $dl/$imgui_tarball" | sha256sum -c --status \
    || { log "checksum mismatch for $imgui_tarball"; exit 1; }
  rm -rf "$imgui_dir.tmp" && mkdir -p "$imgui_dir.tmp"
  tar -xJf "$dl/$imgui_tarball" -C "$imgui_dir.tmp" --strip-components=1
  rm -rf "$imgui_dir" && mv "$imgui_dir.tmp" "$imgui_dir"
  log "Dear ImGui $imgui_version unpacked in $imgui_dir"
fi
# Our patches to that source (scripts/imgui-patches/*.patch, in order; each says why), applied once:
# a patch that already reverses cleanly is in place and skipped, so this is safe to run again and
# also brings a tree unpacked before a patch was added up to date. A patch that fits neither way
# (a changed source) stops the script.
if ! command -v patch >/dev/null; then
  log "installing patch (Debian package) for scripts/imgui-patches"
  sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends patch >/dev/null
fi
imgui_patch_cmd=(patch -d "$imgui_dir" -p1 --fuzz=0 --silent --no-backup-if-mismatch --reject-file=-)
for imgui_patch in scripts/imgui-patches/*.patch; do
  [ -f "$imgui_patch" ] || continue
  if "${imgui_patch_cmd[@]}" -R --force --dry-run < "$imgui_patch" >/dev/null 2>&1; then
    continue # already applied
  fi
  "${imgui_patch_cmd[@]}" --forward --dry-run < "$imgui_patch" >/dev/null 2>&1 \
    || { log "$imgui_patch does not apply to $imgui_dir"; exit 1; }
  "${imgui_patch_cmd[@]}" --forward < "$imgui_patch" >/dev/null
  log "applied $imgui_patch"
done

# ---- 3. npm dev dependencies ----------------------------------------------------------------
if [ ! -f node_modules/playwright-core/package.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm dev dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error >/dev/null
fi
