#!/usr/bin/env bash
# Build what the npm package (npm/) ships but git does not hold, into npm/dist/:
#   scripts/build-npm.sh
# 1. the engine without a corpus (cargo feature `embed` off): engine.js + engine_bg.wasm; the
#    `fahras build` command appends each corpus's index to a copy as a custom section
# 2. the indexer (feature `indexer`: the corpus readers and the index writer): indexer.js +
#    indexer_bg.wasm, driven from Node by npm/lib/build.mjs
# 3. the split builds' engine (feature `split`) with its loader (www/fahras-split.js) as fahras.js,
#    in dist/split/
# 4. the browser loader (npm/web/fahras.js), the element and its CSS (www/) beside them
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dist="$root/npm/dist"
rm -rf "$dist"
FAHRAS_CARGO_FEATURES=--no-default-features FAHRAS_OUT_NAME=engine bash "$root/scripts/build-wasm.sh" "$dist"
FAHRAS_CARGO_FEATURES="--no-default-features --features indexer" FAHRAS_OUT_NAME=indexer \
  bash "$root/scripts/build-wasm.sh" "$dist"
FAHRAS_CARGO_FEATURES="--no-default-features --features split" FAHRAS_OUT_NAME=engine \
  bash "$root/scripts/build-wasm.sh" "$dist/split"
cp "$root/www/fahras-split.js" "$dist/split/fahras.js"
cp "$root/npm/web/fahras.js" "$root/www/fahras-search.js" "$root/www/fahras-search.css" "$dist/"
echo "build-npm: $dist ready; cd npm && npm pack"
