#!/usr/bin/env bash
# Installs what is missing on a Debian/Ubuntu machine; idempotent, quick when all is there.
#   scripts/setup.sh        what running the app needs
#   scripts/setup.sh test   plus what the tests need (Xvfb, WebKitWebDriver, tauri-driver, cargo-fuzz, …)
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-run}"

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

packages=(libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config fonts-noto-cjk)
if [ "$mode" = "test" ]; then
  packages+=(xvfb xauth imagemagick webkit2gtk-driver sqlite3 dpkg-dev poppler-utils libreoffice-writer-nogui)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "==> apt: installing ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null 2>&1; then
  [ -x "$HOME/.cargo/bin/cargo" ] || curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal
  export PATH="$HOME/.cargo/bin:$PATH"
fi

if ! command -v node >/dev/null 2>&1 || ! node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>20||(a===20&&b>=19)?0:1)'; then
  echo "Liaison needs Node.js >= 20.19 (Vite 8). Install it from https://nodejs.org or your package manager, then run this again." >&2
  exit 1
fi

# npm ci only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "==> npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

if [ "$mode" = "test" ] && ! command -v tauri-driver >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/tauri-driver" ]; then
  echo "==> cargo install tauri-driver"
  cargo install tauri-driver --version 2.1.0 --locked --quiet
fi

# The fuzz step of the tests (scripts/fuzz.sh): cargo-fuzz drives libFuzzer, built by the
# libfuzzer-sys crate with the C++ compiler from build-essential; runs on stable Rust.
if [ "$mode" = "test" ] && ! command -v cargo-fuzz >/dev/null 2>&1 && [ ! -x "$HOME/.cargo/bin/cargo-fuzz" ]; then
  echo "==> cargo install cargo-fuzz"
  cargo install cargo-fuzz --version 0.13.2 --locked --quiet
fi
