#!/usr/bin/env bash
# Fuzzes the CSV and XLSX importers and the proposal renderer (fuzz/) with cargo-fuzz and
# libFuzzer on the stable toolchain (`--sanitizer none`: coverage-guided, panics and overflows are
# the crashes; no AddressSanitizer, which only nightly has).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]   each target for SECONDS (default 600): import_csv,
#                                           import_xlsx, proposal (default all three)
#   scripts/fuzz.sh --seeds                 rewrites the committed seed inputs in fuzz/corpus/
#
# The committed seeds (fuzz/corpus/<target>) are read only; what the fuzzer learns goes to
# fuzz/target/corpus/<target> and is kept between runs. A crash stops the run with a non-zero
# exit, its input in fuzz/artifacts/<target>/; replay it with
#   fuzz/target/x86_64-unknown-linux-gnu/release/<target> fuzz/artifacts/<target>/crash-…
# LIAISON_CARGO_LOCK=/path/to/lock serialises the builds with other cargo runs on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

cargo_() {
  if [ -n "${LIAISON_CARGO_LOCK:-}" ]; then flock "$LIAISON_CARGO_LOCK" cargo "$@"; else cargo "$@"; fi
}

if [ "${1:-}" = "--seeds" ]; then
  CARGO_TARGET_DIR=fuzz/target/seeds cargo_ run --quiet --manifest-path fuzz/seeds/Cargo.toml -- fuzz/corpus
  exit 0
fi

seconds="${1:-600}"
shift || true
targets=("$@")
[ "${#targets[@]}" -gt 0 ] || targets=(import_csv import_xlsx proposal)

if ! command -v cargo-fuzz >/dev/null 2>&1; then
  echo "==> cargo install cargo-fuzz"
  cargo_ install cargo-fuzz --version 0.13.2 --locked --quiet
fi

started=$(date +%s)
# Release build with debug assertions and overflow checks (cargo fuzz's default), 16 codegen units
# instead of cargo fuzz's 1: the cold build of the core with typst takes minutes, not tens.
cargo_ fuzz build --fuzz-dir fuzz --sanitizer none --codegen-units 16
echo "==> fuzz targets built in $(( $(date +%s) - started )) s"

bin=fuzz/target/x86_64-unknown-linux-gnu/release
scratch=fuzz/target/tmp
status=0
for t in "${targets[@]}"; do
  mkdir -p "fuzz/target/corpus/$t" "fuzz/artifacts/$t" "$scratch"
  echo "==> fuzzing $t for $seconds s"
  # The binary runs directly (not through cargo), so no cargo lock is held while it fuzzes.
  if ! TMPDIR="$PWD/$scratch" "$bin/$t" \
      -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -max_len=8192 \
      -dict="fuzz/dict/$t.dict" -artifact_prefix="fuzz/artifacts/$t/" -print_final_stats=1 \
      "fuzz/target/corpus/$t" "fuzz/corpus/$t" 2>"fuzz/target/$t.log"; then
    status=1
    echo "!! $t crashed; the input is in fuzz/artifacts/$t/" >&2
    grep -v '^#[0-9]' "fuzz/target/$t.log" | tail -n 60 >&2
  fi
  grep -E '^(#[0-9]+ *DONE|stat::number_of_executed_units|stat::average_exec_per_sec|stat::peak_rss_mb)' "fuzz/target/$t.log" || true
  grep -E '^#[0-9]+' "fuzz/target/$t.log" | tail -n 1 || true
  rm -rf "$scratch"/liaison-fuzz-*
done
exit "$status"
