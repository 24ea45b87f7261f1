#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml), or by hand: `scripts/build-checker.sh DIR`.
# Builds the dataset checker wasm (the `checker/` crate: the engine's full validator, kept
# out of the widget's wasm) into DIR (default: Trunk's staging folder) as checker_bg.wasm +
# checker.js (wasm-bindgen `--target web` glue). Always built in the release profile; on a
# release build (or by hand) the wasm is run through wasm-opt -Oz and the glue minified
# with esbuild, here rather than in minify-js.sh, whose hook may run before this one.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-${TRUNK_STAGING_DIR:?Trunk sets TRUNK_STAGING_DIR; or pass the output folder}}"
cd "$root"
export PATH="$root/node_modules/.bin:$HOME/.cargo/bin:$PATH"

cargo build --quiet --release --locked --target wasm32-unknown-unknown -p backend-chooser-checker
target="$(cargo metadata --format-version 1 --no-deps --locked | node -e \
  'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>console.log(JSON.parse(s).target_directory))')"
wasm-bindgen --target web --no-typescript --out-name checker --out-dir "$out" \
  "$target/wasm32-unknown-unknown/release/backend_chooser_checker.wasm"

if [ $# -gt 0 ] || [ "${TRUNK_PROFILE:-}" = release ]; then
  # The flags index.html gives Trunk's wasm-opt for the widget.
  wasm-opt -Oz --converge --strip-producers --strip-target-features --enable-bulk-memory \
    --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals \
    --enable-reference-types --enable-multivalue \
    "$out/checker_bg.wasm" -o "$out/checker_bg.wasm"
  esbuild "$out/checker.js" --minify --target=es2022 --log-level=warning --outfile="$out/checker.js.min"
  mv "$out/checker.js.min" "$out/checker.js"
fi
