#!/usr/bin/env bash
# Every test: Rust (core and shell, incl. the bindings staleness check), the UI's unit tests, a
# .deb built by `tauri build`, the end-to-end tests that drive the real window under Xvfb, and a
# short fuzzing run of the importers and the proposal renderer (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
step() { echo; echo "==> $* ($(( $(date +%s) - started )) s)"; }

step "set-up"
bash scripts/setup.sh test
export PATH="$HOME/.cargo/bin:$PATH"

step "UI build (type-checks against the committed bindings)"
npm run --silent build:ui

step "Rust tests"
cargo test --workspace --quiet

step "bindings committed as generated"
git diff --exit-code -- ui/src/bindings.ts

step "UI unit tests"
npm run --silent test:ui

step "tauri build: app binary and .deb"
npx tauri build --debug --bundles deb

step "end-to-end tests in the real window"
npm run --silent test:e2e

step "fuzz the importers and the proposal renderer (${LIAISON_FUZZ_SECONDS:-30} s per target)"
# A short run over the committed seeds; any crash fails the tests (input kept in fuzz/artifacts/).
bash scripts/fuzz.sh "${LIAISON_FUZZ_SECONDS:-30}"

step "all tests passed in $(( $(date +%s) - started )) s"
