#!/bin/sh
# Everything the tests need, on a fresh Debian machine: the package with its test extra and
# Debian's Chromium for the browser tests (Playwright drives it; it never downloads a browser).
set -eu
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
python3 -m pip install -q -e '.[test]'
