#!/usr/bin/env bash
# npm run screenshots: with the demo running (npm run demo, in another terminal), open its editor
# in headless Chromium (Debian's chromium, installed when missing) and save PNGs to docs/screenshots/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash scripts/n8n.sh --with-chromium >/dev/null
npx tsc -p tsconfig.sandboxes.json
exec node dist-test/scripts/screenshots.js "$@"
