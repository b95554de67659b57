# fahras — build, demo and test entry points. See CONTRACT.md / README.md.
#   make setup   install what is missing (apt, wasm target, wasm-bindgen-cli, npm packages)
#   make wasm    build the engine to www/pkg (FAHRAS_CORPUS=dir or file for another corpus)
#   make npm     build the npm package's engine and indexer wasm to npm/dist (then: cd npm && npm pack)
#   make demo    setup + wasm + serve www/ on http://127.0.0.1:8000/
#   make test    setup + wasm + every test layer (what .ci/run does)
#   make bench   benchmarks in Chromium against other engines (tests/bench; RESULTS.md)
#   make bench-quick  latency in Node on the seeds, the Quran and Bukhari, fahras vs JS peers (out/quick.md);
#                BENCH_FAHRAS_EXTRA=name=dir/{corpus}/pkg,... adds prebuilt fahras builds as rows
#   make bench-split  the split index in Chromium as a CDN serves it, Bukhari and 5x Bukhari (target/split-bench.md)
#   make stress  long property tests and fuzzing
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
# Steps depend on the order they are listed in (setup before wasm before tests); 2 cores anyway.
.NOTPARALLEL:
.DEFAULT_GOAL := help

export PATH := $(HOME)/.cargo/bin:$(PATH)

PORT ?= 8000
OUT_DIR ?= www/pkg
# Each test layer runs only when its folder has test files.
node_tests = $(sort $(shell find tests/$(1) -name '*.test.mjs' 2>/dev/null))
NODE_TESTS := $(call node_tests,node)
BROWSER_TESTS := $(call node_tests,browser)
QUALITY_TESTS := $(call node_tests,quality)

.PHONY: help setup wasm npm demo serve test test-rust lint test-node test-browser test-quality bench bench-quick bench-split stress clean

help:
	@sed -n 's/^#   //p' Makefile

setup:
	bash scripts/setup.sh

wasm:
	bash scripts/build-wasm.sh $(OUT_DIR)

serve:
	node scripts/serve.mjs --root www --port $(PORT)

npm:
	bash scripts/build-npm.sh

demo: setup wasm serve

test: setup wasm npm test-rust lint test-node test-browser test-quality
	@echo "make test: all layers passed"

test-rust:
	@echo "== cargo test"
	cargo test --no-fail-fast

lint:
	@echo "== cargo fmt --check, cargo clippy"
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features indexer -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --no-default-features --features split -- -D warnings

# $(1) = layer name, $(2) = files
define run_node_tests
	@if [ -n "$(strip $(2))" ]; then \
	  echo "== node --test ($(1)): $(2)"; \
	  node --test $(2); \
	else \
	  echo "== node tests ($(1)): no tests/$(1)/*.test.mjs files, skipped"; \
	fi
endef

test-node:
	$(call run_node_tests,node,$(NODE_TESTS))

test-browser:
	$(call run_node_tests,browser,$(BROWSER_TESTS))

test-quality:
	$(call run_node_tests,quality,$(QUALITY_TESTS))

define bench_deps
	@if [ -f tests/bench/package.json ] && [ ! -d tests/bench/node_modules ]; then \
	  if [ -f tests/bench/package-lock.json ]; then npm ci --prefix tests/bench --no-audit --no-fund; \
	  else npm install --prefix tests/bench --no-audit --no-fund; fi; \
	fi
endef

bench: setup wasm
	$(bench_deps)
	node tests/bench/run.mjs

# No browser and no www/pkg: builds fahras for each corpus itself (tests/bench/out/<corpus>/pkg).
bench-quick: setup
	$(bench_deps)
	node tests/bench/quick.mjs

bench-split: setup npm
	$(bench_deps)
	node tests/bench/split.mjs --corpus both

# Property tests with 20000 cases (tests/proptest.rs runs its search and index-building
# properties a 20th and a 40th of that), the worst-case queries with their timings
# (FAHRAS_WORST_DOCS sets the largest synthetic corpus), and the wasm fuzz with 100000 queries.
stress: setup wasm
	PROPTEST_CASES=20000 cargo test --release --test proptest
	cargo test --release --test worst_case -- --nocapture
	FAHRAS_FUZZ_QUERIES=100000 node --test $(NODE_TESTS)

clean:
	cargo clean
	rm -rf $(OUT_DIR) tests/bench/out npm/dist
