#!/usr/bin/env bash
# Sets up what is missing, builds the UI and the app, and starts Liaison.
# Extra arguments go to the app, e.g. `scripts/run.sh --workspace ~/work/team.liaison`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh run
export PATH="$HOME/.cargo/bin:$PATH"
npm run --silent build:ui
cargo build -p liaison
exec target/debug/liaison "$@"
