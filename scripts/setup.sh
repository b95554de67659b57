#!/usr/bin/env bash
# Idempotent installer for everything fahras needs beyond the machine's Rust toolchain and Node.js:
#   - Debian packages: chromium (browser tests) and fonts-noto-core (Arabic glyphs in screenshots)
#   - the wasm32-unknown-unknown rustup target
#   - wasm-bindgen-cli at exactly the version Cargo.toml pins (`wasm-bindgen = "=X"`)
#   - the npm devDependencies (binaryen's wasm-opt, playwright-core, axe-core, quran-json)
# Each step is skipped when it is already satisfied, so `make test` can call this on every run.
# Runs non-interactively (CI=true, no stdin).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
export DEBIAN_FRONTEND=noninteractive
[ -d "$HOME/.cargo/bin" ] && case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac

log() { printf 'setup: %s\n' "$*"; }
die() { printf 'setup: error: %s\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo -n "$@"
  else die "need root (or sudo) to run: $*"
  fi
}

# --- Debian packages ------------------------------------------------------------------------
deb_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

apt_pkgs=()
[ -x /usr/bin/chromium ] || apt_pkgs+=(chromium)
deb_installed fonts-noto-core || apt_pkgs+=(fonts-noto-core)
command -v node >/dev/null 2>&1 || apt_pkgs+=(nodejs)
command -v npm >/dev/null 2>&1 || apt_pkgs+=(npm)
if [ ${#apt_pkgs[@]} -gt 0 ]; then
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found; install by hand: ${apt_pkgs[*]}"
  log "apt-get install ${apt_pkgs[*]}"
  as_root apt-get update -q </dev/null
  as_root apt-get install -y -q --no-install-recommends "${apt_pkgs[@]}" </dev/null
else
  log "chromium and fonts-noto-core already installed"
fi

# --- Rust: wasm target ----------------------------------------------------------------------
command -v cargo >/dev/null 2>&1 || die "cargo not found (install Rust with rustup first)"
if command -v rustup >/dev/null 2>&1; then
  if rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    log "rust target wasm32-unknown-unknown already installed"
  else
    log "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown </dev/null
  fi
  missing=()
  for c in rustfmt clippy; do
    rustup component list --installed 2>/dev/null | grep -q "^$c" || missing+=("$c")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    log "rustup component add ${missing[*]}"
    rustup component add "${missing[@]}" </dev/null
  fi
else
  sysroot=$(rustc --print sysroot)
  [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown" ] \
    || die "no rustup and no wasm32-unknown-unknown target in $sysroot"
fi

# --- wasm-bindgen-cli, same version as the wasm-bindgen crate -----------------------------------
# Cargo.toml pins it as `wasm-bindgen = "=X"` (or `wasm-bindgen = { version = "=X", ... }`);
# Cargo.lock is the fallback if the pin is ever loosened.
wb_version=""
if [ -f Cargo.toml ]; then
  wb_version=$(sed -nE 's/^[[:space:]]*wasm-bindgen[[:space:]]*=[[:space:]]*(\{[^}]*version[[:space:]]*=[[:space:]]*)?"=?[[:space:]]*([0-9]+\.[0-9]+\.[0-9]+)".*/\2/p' Cargo.toml | head -n 1)
fi
if [ -z "$wb_version" ] && [ -f Cargo.lock ]; then
  wb_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
fi
if [ -z "$wb_version" ]; then
  log "no wasm-bindgen version found in Cargo.toml/Cargo.lock; skipping wasm-bindgen-cli"
else
  have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
  if [ "$have" = "$wb_version" ]; then
    log "wasm-bindgen-cli $wb_version already installed"
  else
    log "cargo install wasm-bindgen-cli --version $wb_version (had: ${have:-none}); this takes a few minutes"
    cargo install wasm-bindgen-cli --version "$wb_version" --force </dev/null
  fi
fi

# --- npm devDependencies --------------------------------------------------------------------
# node_modules is stale when any package the lockfile names is missing or at another version.
npm_stale() {
  [ -d node_modules ] || return 0
  [ -f package-lock.json ] || { [ -f node_modules/.package-lock.json ] && [ node_modules/.package-lock.json -nt package.json ] && return 1; return 0; }
  node -e '
    const fs = require("fs");
    const lock = JSON.parse(fs.readFileSync("package-lock.json", "utf8"));
    for (const [p, info] of Object.entries(lock.packages || {})) {
      if (!p.startsWith("node_modules/")) continue;
      let v;
      try { v = JSON.parse(fs.readFileSync(p + "/package.json", "utf8")).version; } catch { process.exit(1); }
      if (v !== info.version) process.exit(1);
    }' || return 0
  return 1
}
if npm_stale; then
  if [ -f package-lock.json ]; then
    log "npm ci"
    npm ci --no-audit --no-fund </dev/null
  else
    log "npm install"
    npm install --no-audit --no-fund </dev/null
  fi
else
  log "node_modules up to date"
fi
node_modules/.bin/wasm-opt --version >/dev/null || die "node_modules/.bin/wasm-opt does not run"
log "ok"
