#!/usr/bin/env bash
# Installs everything the build and the tests need, on a fresh machine of this kind.
# Idempotent: each step checks first and does nothing when the tool is already right.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must equal the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf 'setup: %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi
for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    rustup component add "$component"
  fi
done

if ! trunk --version 2>/dev/null | grep -qx "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 5 minutes)"
  cargo install --locked trunk --version "=$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "^wasm-bindgen $WASM_BINDGEN_VERSION\b"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 2 minutes)"
  # Not --locked: one of its locked dependencies is no longer on the registry.
  cargo install --force wasm-bindgen-cli --version "=$WASM_BINDGEN_VERSION"
fi

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
command -v brotli >/dev/null || missing+=(brotli)
command -v gzip >/dev/null || missing+=(gzip)
# Hugo builds a tiny site with the shortcode in tests/e2e/snippets.test.mjs (about 25 s).
command -v hugo >/dev/null || missing+=(hugo)
if [ ${#missing[@]} -gt 0 ]; then
  say "installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# npm packages, each folder pinned by its own package-lock.json: the build tools at the root
# (wasm-opt from binaryen, esbuild), the test packages in tests/e2e (playwright-core, axe-core).
# `npm ci` runs only when node_modules is missing or older than the lock file.
for dir in . tests/e2e; do
  if [ ! -f "$dir/node_modules/.package-lock.json" ] \
    || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    say "installing the npm packages of $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done
