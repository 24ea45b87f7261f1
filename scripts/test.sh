#!/usr/bin/env bash
# The whole test suite, in the order CI runs it; stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$PATH"  # wasm-opt and esbuild (root package.json)
export CHROMEDRIVER=/usr/bin/chromedriver

step() { printf '\n==> %s\n' "$*"; }

step "rustfmt"
cargo fmt --all --check

step "clippy, native"
cargo clippy --workspace --all-targets --locked -- -D warnings
step "clippy, wasm32"
cargo clippy --workspace --all-targets --locked --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --workspace --locked

step "browser tests (wasm-bindgen-test in headless Chromium)"
cargo test --locked --target wasm32-unknown-unknown --test web

step "release build (trunk)"
trunk build --release

step "end-to-end tests (headless Chromium on dist/)"
node --test --test-concurrency=1 tests/e2e/

step "size"
scripts/size.sh dist
