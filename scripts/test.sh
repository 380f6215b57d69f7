#!/usr/bin/env bash
# Every test: Rust (core and shell, incl. the bindings staleness check), the UI's unit tests, a
# .deb built by `tauri build`, and the end-to-end tests that drive the real window under Xvfb.
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

step "all tests passed in $(( $(date +%s) - started )) s"
