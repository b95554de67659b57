#!/usr/bin/env bash
# Build the fahras engine for the web:
#   scripts/build-wasm.sh [OUT_DIR]        (default OUT_DIR = www/pkg, relative to the repo root)
# 1. cargo build --release --target wasm32-unknown-unknown $FAHRAS_CARGO_FEATURES (build.rs embeds
#    the corpus: seeds/ by default, or the folder or file in $FAHRAS_CORPUS; $CARGO_TARGET_DIR is
#    honoured; scripts/build-npm.sh sets the features for the npm package's engine and indexer)
# 2. wasm-bindgen --target web --no-typescript  -> OUT_DIR/NAME.js + OUT_DIR/NAME_bg.wasm
#    (NAME = $FAHRAS_OUT_NAME, default fahras)
# 3. wasm-opt -Oz --converge --low-memory-unused (binaryen from node_modules), in place:
#    --converge repeats the passes while they still shrink the module (0.3 KB brotli on the seeds
#    build); --low-memory-unused lets constant addresses fold into loads (0.2 KB), true of Rust's
#    wasm, whose stack fills the first 1 MiB from the top down and data starts above it
# 4. print raw and brotli (quality 11) sizes of the .wasm, the .js glue and their total, the
#    embedded index's sections and the code's share (scripts/sizes.mjs)
#
# FAHRAS_SPLIT=1: the split build for corpora too big to embed (src/split): OUT_DIR gets the
# corpus-free engine (engine.js, engine_bg.wasm), its loader as fahras.js (www/fahras-split.js) and
# the index as files in OUT_DIR/index/, which the native `fahras-split` command writes.
set -euo pipefail

caller_pwd=$PWD
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ -d "$HOME/.cargo/bin" ] && case ":$PATH:" in *":$HOME/.cargo/bin:"*) ;; *) export PATH="$HOME/.cargo/bin:$PATH" ;; esac

abspath() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$caller_pwd/$1" ;; esac; }

# OUT_DIR and relative paths in the environment are taken relative to the caller's directory.
if [ $# -ge 1 ]; then out_dir=$(abspath "$1"); else out_dir="$root/www/pkg"; fi
if [ -n "${FAHRAS_CORPUS:-}" ]; then
  FAHRAS_CORPUS=$(abspath "$FAHRAS_CORPUS")
  # A folder, or one corpus file (.txt, .md, .html, .jsonl): build.rs reads either.
  [ -e "$FAHRAS_CORPUS" ] || { echo "build-wasm: FAHRAS_CORPUS does not exist: $FAHRAS_CORPUS" >&2; exit 1; }
  export FAHRAS_CORPUS
fi
if [ -n "${CARGO_TARGET_DIR:-}" ]; then
  CARGO_TARGET_DIR=$(abspath "$CARGO_TARGET_DIR")
  export CARGO_TARGET_DIR
fi
target_dir=${CARGO_TARGET_DIR:-$root/target}

cd "$root"
wasm_opt="$root/node_modules/.bin/wasm-opt"
[ -x "$wasm_opt" ] || { echo "build-wasm: $wasm_opt missing; run scripts/setup.sh (or npm ci) first" >&2; exit 1; }
command -v wasm-bindgen >/dev/null || { echo "build-wasm: wasm-bindgen not found; run scripts/setup.sh first" >&2; exit 1; }

echo "build-wasm: corpus ${FAHRAS_CORPUS:-seeds/ (default)}; target dir $target_dir; out dir $out_dir"
name=${FAHRAS_OUT_NAME:-fahras}
features=${FAHRAS_CARGO_FEATURES:-}
if [ "${FAHRAS_SPLIT:-}" = 1 ]; then
  name=engine
  features="--no-default-features --features split"
fi
# Cargo names the out dir of the build script it ran or reused for this build: the index this
# wasm embeds is there (an engine built without `embed` has an empty one, and no sections to
# show). Diagnostics still go to the terminal.
# shellcheck disable=SC2086 # the features are words
build_out=$(cargo build --release --target wasm32-unknown-unknown --lib $features --message-format=json-render-diagnostics |
  node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => {
    for (const line of s.split("\n")) {
      const m = line.startsWith("{") ? JSON.parse(line) : null;
      if (m?.reason === "build-script-executed" && /[/#]fahras[@#]/.test(m.package_id)) console.log(m.out_dir);
    }
  });')

mkdir -p "$out_dir"
wasm-bindgen --target web --no-typescript --out-dir "$out_dir" --out-name "$name" \
  "$target_dir/wasm32-unknown-unknown/release/fahras.wasm"
node scripts/inline-snippets.mjs "$out_dir/$name.js"

wasm="$out_dir/${name}_bg.wasm"
"$wasm_opt" -Oz --converge --low-memory-unused --enable-bulk-memory --enable-nontrapping-float-to-int "$wasm" -o "$wasm.opt"
mv "$wasm.opt" "$wasm"

if [ "${FAHRAS_SPLIT:-}" = 1 ]; then
  # What an embedded build left would be served beside the split one: gone, as is an older index.
  rm -rf "$out_dir/index" "$out_dir/fahras_bg.wasm"
  cargo run --quiet --release --no-default-features --bin fahras-split -- "${FAHRAS_CORPUS:-$root/seeds}" "$out_dir/index"
  cp www/fahras-split.js "$out_dir/fahras.js"
  node scripts/sizes.mjs "$wasm" "$out_dir/$name.js" "$out_dir/fahras.js" --split "$out_dir/index"
  exit 0
fi
# A split build's files left in the folder would be served beside this one.
[ "$name" != fahras ] || rm -rf "$out_dir/index" "$out_dir/engine.js" "$out_dir/engine_bg.wasm"

index_bin=$build_out/index.bin
[ -n "$build_out" ] && [ -s "$index_bin" ] || index_bin=
node scripts/sizes.mjs "$wasm" "$out_dir/$name.js" ${index_bin:+--index "$index_bin" --wasm "$wasm"}
