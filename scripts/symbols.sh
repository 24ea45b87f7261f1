#!/usr/bin/env bash
# Profiling aid (not part of the build or the tests): dist-symbols/, a copy of dist/ whose
# widget wasm keeps its function names, for tests/e2e/profile-start.mjs. The same release
# profile without `strip`, in a target directory of its own (target/symbols: the first
# build compiles every dependency again, 10–15 minutes on a busy 2-core machine), and
# without wasm-opt, so a little bigger and slower than the real one: compare shares, not
# milliseconds. Run `make build` first.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f dist/index.html ] || { echo "symbols: no dist/: run make build first" >&2; exit 1; }
CARGO_PROFILE_RELEASE_STRIP=false CARGO_TARGET_DIR=target/symbols \
  cargo build --locked --release --target wasm32-unknown-unknown --bin backend-chooser
rm -rf dist-symbols
cp -r dist dist-symbols
wasm-bindgen --target web --out-dir dist-symbols --out-name backend-chooser \
  target/symbols/wasm32-unknown-unknown/release/backend-chooser.wasm
echo "symbols: dist-symbols/ ready: node tests/e2e/profile-start.mjs [page] [loads]"
