#!/usr/bin/env bash
# Builds installers: rebuilds better-sqlite3 for Electron's ABI right before packaging, and always
# puts the plain-Node build back afterwards so `npm test` and `hook-slinger serve` keep working.
# Needs a machine that can download Electron and its headers. Extra arguments go to electron-builder.
set -euo pipefail
cd "$(dirname "$0")/.."
restore() { npm rebuild better-sqlite3 >/dev/null && echo "better-sqlite3 rebuilt for Node again"; }
trap restore EXIT
npm run build
npx electron-builder install-app-deps
npx electron-builder --publish never "$@"
