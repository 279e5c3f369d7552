#!/usr/bin/env bash
# Builds the offline web page and runs its end-to-end tests in Debian's Chromium.
# Chromium comes from scripts/setup.sh; without it the tests FAIL (they never skip).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  echo "e2e: /usr/bin/chromium not found — run scripts/setup.sh first" >&2
fi
npx webpack --config webpack.web.config.js --mode production
npx jest test/e2e "$@"
echo "e2e: screenshots in test-output/screenshots/"
