#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine: system packages for the
# LibreOffice recalculation/rendering checks and the Chromium end-to-end tests, then npm packages.
# Idempotent: skips what is already there. `--system-only` stops after the apt packages. Run as root (CI and the dev machines are).
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(libreoffice-calc fonts-noto-cjk poppler-utils chromium)
missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--system-only" ]; then
  echo "setup: system packages done (npm packages left to the caller)"
  exit 0
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund
fi
echo "setup: done"
