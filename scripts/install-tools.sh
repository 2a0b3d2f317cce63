#!/usr/bin/env bash
# Installs the tools the app and its tests run: Azurite (pinned in package.json) from npm.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x node_modules/.bin/azurite ] || ! grep -q '"version": "3.35.0"' node_modules/azurite/package.json 2>/dev/null; then
  npm ci --no-audit --no-fund --loglevel=error
fi
