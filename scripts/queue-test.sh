#!/usr/bin/env bash
# npm run test:queue: install what is missing (Node 24 + n8n 2.41.1 into the cache dir, Debian's
# redis-server and postgresql), build the package, then run test/queue against n8n in queue mode.
# PAYMENTS_PACK_QUEUE_SCALE=reduced runs one worker and fewer items (what CI runs).
# Extra arguments go to jest (e.g. -t memento).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
T0=$(date +%s)
bash scripts/n8n.sh >/dev/null
bash scripts/queue-deps.sh >/dev/null
T1=$(date +%s)
npm run --silent build
T2=$(date +%s)
echo "[queue] runtime ready in $((T1 - T0))s, package built in $((T2 - T1))s; scale: ${PAYMENTS_PACK_QUEUE_SCALE:-full}"
set +e
npx jest -c jest.queue.config.js --runInBand "$@"
CODE=$?
echo "[queue] suite finished in $(( $(date +%s) - T2 ))s (total $(( $(date +%s) - T0 ))s), exit $CODE"
exit $CODE
