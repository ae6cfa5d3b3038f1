#!/usr/bin/env bash
# npm run demo: install what is missing (Node 24 + n8n into the cache dir, the repo's node_modules),
# build the package and the demo scripts, then run the demo in the foreground (Ctrl+C stops it).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
T0=$(date +%s)
if [ ! -d node_modules/n8n-workflow ] || [ ! -d node_modules/playwright-core ]; then
	echo "[demo] installing the project's dependencies (npm ci)..."
	npm ci --no-audit --no-fund
fi
bash scripts/n8n.sh >/dev/null
echo "[demo] building the package..."
npm run --silent build
npx tsc -p tsconfig.sandboxes.json
echo "[demo] prepared in $(( $(date +%s) - T0 ))s"
exec node dist-test/scripts/demo.js
