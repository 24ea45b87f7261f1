#!/usr/bin/env bash
# Prints every file in dist/ with its size raw, gzip -9 and brotli -q 11, then fails when
# the wasm + JS + CSS the widget loads exceed the brotli budget in size-budget.txt.
# What it loads is the embed's set, a superset of the standalone page's: the wasm, its JS
# glue, the stylesheet and embed.js. The iframe page's helpers and the examples are not
# loaded by the widget and are only listed. The dataset checker wasm (checker_bg.wasm +
# checker.js, loaded only by pages with an outside dataset) has its own total, outside the
# budget.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${1:-dist}
budget=$(grep -v '^#' size-budget.txt | tr -d '[:space:]')

printf '%-36s %10s %10s %10s\n' file raw gzip-9 brotli-11
total_raw=0 total_gzip=0 total_brotli=0
checker_raw=0 checker_gzip=0 checker_brotli=0
# The authoring playground (playground.html) loads the widget and, of its own, its page,
# script, stylesheet and starter, and the checker. Listed, not budgeted.
pg_raw=0 pg_gzip=0 pg_brotli=0
while IFS= read -r file; do
  raw=$(wc -c <"$file")
  gz=$(gzip -9 -c "$file" | wc -c)
  br=$(brotli -q 11 -c "$file" | wc -c)
  printf '%-36s %10d %10d %10d\n' "${file#"$dist"/}" "$raw" "$gz" "$br"
  case "${file#"$dist"/}" in
    backend-chooser_bg.wasm | backend-chooser.js | widget.css | embed.js)
      total_raw=$((total_raw + raw)) total_gzip=$((total_gzip + gz)) total_brotli=$((total_brotli + br)) ;;
    checker_bg.wasm | checker.js)
      checker_raw=$((checker_raw + raw)) checker_gzip=$((checker_gzip + gz)) checker_brotli=$((checker_brotli + br)) ;;
    playground.html | playground.js | playground.css | starter.json)
      pg_raw=$((pg_raw + raw)) pg_gzip=$((pg_gzip + gz)) pg_brotli=$((pg_brotli + br)) ;;
  esac
done < <(find "$dist" -type f | sort)
printf '%-36s %10d %10d %10d\n' 'checker total (wasm+glue, not in the budget)' "$checker_raw" "$checker_gzip" "$checker_brotli"
printf '%-36s %10d %10d %10d\n' 'widget total (wasm+glue+css+embed.js)' "$total_raw" "$total_gzip" "$total_brotli"
printf '%-36s %10d %10d %10d\n' 'playground total (own files+checker)' \
  $((pg_raw + checker_raw)) $((pg_gzip + checker_gzip)) $((pg_brotli + checker_brotli))

# What a reader downloads before the first question shows (the pre-rendered screen, before
# the wasm): each page's own files, brotli, summed (reported, not budgeted).
first_question() {
  local label=$1 sum=0 file
  shift
  for file in "$@"; do
    [ -f "$dist/$file" ] && sum=$((sum + $(brotli -q 11 -c "$dist/$file" | wc -c)))
  done
  printf '%-52s %10d B brotli\n' "before the first question, $label ($*)" "$sum"
}
first_question 'standalone' index.html widget.css
first_question 'element' embed.js widget.css first-screen.html
first_question 'iframe' embed.html widget.css

if [ ! -f "$dist/backend-chooser_bg.wasm" ] || [ ! -f "$dist/backend-chooser.js" ]; then
  echo "size: FAILED: no wasm or JS in $dist/: build first (trunk build --release)"
  exit 1
fi
if [ "$total_brotli" -gt "$budget" ]; then
  echo "size: FAILED: the widget is $total_brotli B brotli, over the budget of $budget B (size-budget.txt)"
  exit 1
fi
echo "size: ok: $total_brotli B brotli of a $budget B budget"
