#!/bin/sh
# Everything the tests need, on a fresh Debian machine: the package with its test extra, Debian's
# Chromium for the browser tests (Playwright drives it; it never downloads a browser), and axe-core,
# the accessibility checker the browser tests inject (npm, pinned by tests/package-lock.json).
set -eu
cd "$(dirname "$0")/.."
MISSING=""
command -v chromium >/dev/null 2>&1 || MISSING="chromium"
command -v npm >/dev/null 2>&1 || MISSING="$MISSING npm"
if [ -n "$MISSING" ]; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $MISSING >/dev/null
fi
python3 -m pip install -q -e '.[test]'
npm ci --prefix tests --no-audit --no-fund --loglevel=error
