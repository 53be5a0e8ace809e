#!/usr/bin/env bash
# Sets up a fresh Debian machine with Node 20 for Green Circle.
#   scripts/setup.sh          installs the npm packages (npm ci, from the committed lock)
#   scripts/setup.sh --test   also installs Debian's chromium and a CJK fallback font for the
#                             end-to-end tests, where missing
# Stops with a clear message where it cannot (no Node 20, not root, no apt).
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { printf '\nsetup: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null || fail "Node.js is not installed. Install Node 20 (20.19 or newer) and try again."
major=$(node -p 'process.versions.node.split(".")[0]')
minor=$(node -p 'process.versions.node.split(".")[1]')
if [ "$major" -lt 20 ] || { [ "$major" -eq 20 ] && [ "$minor" -lt 19 ]; }; then
  fail "Node $(node --version) is too old: Green Circle needs Node 20.19 or newer."
fi

# npm ci from the committed lock: exact versions, and it works under npm 10 and 11 alike.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages (npm ci)…"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ]; then
  need=()
  [ -x /usr/bin/chromium ] || need+=(chromium)
  fc-list 2>/dev/null | grep -qi 'wenquanyi\|wqy' || need+=(fonts-wqy-microhei)
  if [ ${#need[@]} -gt 0 ]; then
    command -v apt-get >/dev/null || fail "missing ${need[*]} and there is no apt-get: install Chromium at /usr/bin/chromium (or set CHROMIUM_PATH) and a CJK font by hand."
    if [ "$(id -u)" -ne 0 ]; then
      if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; else
        fail "missing ${need[*]}: run as root (or with passwordless sudo), or install them yourself: apt-get install -y ${need[*]}"
      fi
    else SUDO=; fi
    echo "setup: installing ${need[*]} with apt-get…"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
  fi
  "${CHROMIUM_PATH:-/usr/bin/chromium}" --version >/dev/null 2>&1 || fail "Chromium does not start: check ${CHROMIUM_PATH:-/usr/bin/chromium}"
fi
echo "setup: ready."
