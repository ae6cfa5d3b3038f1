#!/usr/bin/env bash
# npm run test:e2e: install Node 24 + n8n 2.41.1 (cached outside the repo) and chromium when
# missing, build the package, then run the end-to-end suite against a real n8n.
# Extra arguments go to jest (e.g. -t conductor).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
T0=$(date +%s)
bash scripts/n8n.sh --with-chromium >/dev/null
T1=$(date +%s)
npm run --silent build
T2=$(date +%s)
echo "[e2e] runtime ready in $((T1 - T0))s, package built in $((T2 - T1))s"
set +e
npx jest -c jest.e2e.config.js --runInBand "$@"
CODE=$?
echo "[e2e] suite finished in $(( $(date +%s) - T2 ))s (total $(( $(date +%s) - T0 ))s), exit $CODE"
exit $CODE
