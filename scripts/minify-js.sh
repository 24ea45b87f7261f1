#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): on release builds, minify the JS the widget and its
# embeds load (the wasm-bindgen glue, embed.js, the iframe scripts) in Trunk's staging
# folder with esbuild (pinned in the root package-lock.json, installed by scripts/setup.sh).
# The sources stay readable; only dist/ is minified.
set -euo pipefail
[ "${TRUNK_PROFILE:-}" = release ] || exit 0
staging="${TRUNK_STAGING_DIR:?Trunk sets TRUNK_STAGING_DIR}"
esbuild="$(cd "$(dirname "$0")/.." && pwd)/node_modules/.bin/esbuild"
for file in backend-chooser.js embed.js embed-frame.js embed-host.js dataset-loader.js playground.js; do
  "$esbuild" "$staging/$file" --minify --target=es2022 --charset=utf8 --log-level=warning --outfile="$staging/$file.min"
  mv "$staging/$file.min" "$staging/$file"
done
