# The two commands a newcomer needs: `make serve` and `make test`. Both install what is missing.
SHELL := /bin/bash
# The build tools (wasm-opt, esbuild) are npm packages pinned in the root package.json.
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
PORT ?= 8080

.PHONY: serve test build bench setup lighthouse

## Build the release page and serve it on http://127.0.0.1:$(PORT)/
serve: build
	node tests/e2e/serve.mjs dist $(PORT)

## Format, lint, native + browser + end-to-end tests, release build, size budget.
test:
	scripts/test.sh

build: setup
	trunk build --release

setup:
	scripts/setup.sh

## Benchmarks (not part of the tests): the engine natively, then the widget in Chromium, next to
## a static page and SurveyJS (pinned in tests/e2e/surveyjs, ~50 MB, installed here only, not by CI).
bench: build
	cargo bench --bench engine
	@d=tests/e2e/surveyjs; if [ ! -f $$d/node_modules/.package-lock.json ] \
	  || [ $$d/package-lock.json -nt $$d/node_modules/.package-lock.json ]; then \
	  echo "bench: installing SurveyJS (pinned, ~50 MB) in $$d"; \
	  (cd $$d && npm ci --no-audit --no-fund --loglevel=error); fi
	node tests/e2e/bench.mjs

## Lighthouse (not part of the tests, not in CI: it is big): the pinned version, installed
## once into $(LIGHTHOUSE_DIR); then $(RUNS) runs on each page, medians (tests/e2e/lighthouse.mjs).
LIGHTHOUSE_VERSION := 12.8.2
LIGHTHOUSE_DIR ?= $(CURDIR)/.cache/lighthouse
RUNS ?= 5
lighthouse: build
	@if [ "$$(node -p "require('$(LIGHTHOUSE_DIR)/node_modules/lighthouse/package.json').version" 2>/dev/null)" != $(LIGHTHOUSE_VERSION) ]; then \
	  mkdir -p $(LIGHTHOUSE_DIR) && npm install --prefix $(LIGHTHOUSE_DIR) --save-exact --no-audit --no-fund lighthouse@$(LIGHTHOUSE_VERSION); fi
	LIGHTHOUSE_DIR=$(LIGHTHOUSE_DIR) node tests/e2e/lighthouse.mjs $(RUNS)
