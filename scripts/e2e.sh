#!/usr/bin/env bash
# npm run test:e2e: install Node 24 + n8n 2.41.1 (cached outside the repo) and chromium when
# missing, build the package, then run the end-to-end suite (test/e2e) against a real n8n.
# npm run test:queue (--queue): the same with Debian's redis-server and postgresql instead of
# chromium, then the queue-mode suite (test/queue); PAYMENTS_PACK_QUEUE_SCALE=reduced runs one
# worker and fewer items.
# Extra arguments go to jest (e.g. -t conductor).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
SUITE=e2e
if [ "${1:-}" = "--queue" ]; then SUITE=queue; shift; fi
T0=$(date +%s)
if [ "$SUITE" = queue ]; then
	bash scripts/n8n.sh >/dev/null
	bash scripts/queue-deps.sh >/dev/null
else
	bash scripts/n8n.sh --with-chromium >/dev/null
fi
T1=$(date +%s)
npm run --silent build
T2=$(date +%s)
echo "[$SUITE] runtime ready in $((T1 - T0))s, package built in $((T2 - T1))s"
set +e
npx jest -c "jest.$SUITE.config.js" --runInBand "$@"
CODE=$?
echo "[$SUITE] suite finished in $(( $(date +%s) - T2 ))s (total $(( $(date +%s) - T0 ))s), exit $CODE"
exit $CODE
