#!/usr/bin/env bash
# npm run queue: install what is missing (the repo's node_modules, Node 24 + n8n into the cache dir,
# Debian's redis-server and postgresql), build the package and the script, then run n8n in queue mode
# with the pack in the foreground (Ctrl+C stops it). See README "Running at scale".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
T0=$(date +%s)
if [ ! -d node_modules/n8n-workflow ]; then
	echo "[queue] installing the project's dependencies (npm ci)..."
	npm ci --no-audit --no-fund
fi
bash scripts/n8n.sh >/dev/null
bash scripts/queue-deps.sh >/dev/null
echo "[queue] building the package..."
npm run --silent build
npx tsc -p tsconfig.sandboxes.json
echo "[queue] prepared in $(( $(date +%s) - T0 ))s"
exec node dist-test/scripts/queue.js
