#!/usr/bin/env bash
# Installs, when missing, what n8n's queue mode needs beside n8n itself: Debian's redis-server and
# PostgreSQL server packages. Nothing is started or configured here: the queue tests start private
# instances (data in a temp dir, 127.0.0.1 only) and stop them afterwards.
#
# Usage: scripts/queue-deps.sh [--quiet]
# Writes the binaries' paths to $CACHE/queue-paths.json and prints them.
# Cache directory: ${PAYMENTS_PACK_CACHE:-$HOME/.cache/n8n-payments-pack}
set -euo pipefail
QUIET=0
[ "${1:-}" = "--quiet" ] && QUIET=1
log() { [ "$QUIET" = 1 ] || echo "[queue-deps] $*" >&2; }
fail() { echo "[queue-deps] ERROR: $*" >&2; exit 1; }
CACHE="${PAYMENTS_PACK_CACHE:-$HOME/.cache/n8n-payments-pack}"
mkdir -p "$CACHE"

find_redis() { command -v redis-server || { [ -x /usr/bin/redis-server ] && echo /usr/bin/redis-server; } || true; }
# the newest PostgreSQL server installed by Debian's packages (postgresql-<major>)
find_pg_bin() {
	local dir
	for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
		if [ -x "$dir/postgres" ] && [ -x "$dir/initdb" ]; then echo "$dir"; return; fi
	done
}

MISSING=()
[ -n "$(find_redis)" ] || MISSING+=(redis-server)
[ -n "$(find_pg_bin)" ] || MISSING+=(postgresql)
if [ "${#MISSING[@]}" -gt 0 ]; then
	SUDO=""
	if [ "$(id -u)" != 0 ]; then
		command -v sudo >/dev/null 2>&1 || fail "${MISSING[*]} missing and this user cannot install them: run 'apt-get install ${MISSING[*]}' as root."
		SUDO="sudo"
	fi
	T=$(date +%s)
	log "installing Debian's ${MISSING[*]}..."
	export DEBIAN_FRONTEND=noninteractive
	# The packages' own services are not wanted (tests start private instances): policy-rc.d 101
	# keeps apt from starting them.
	POLICY=/usr/sbin/policy-rc.d
	ADDED_POLICY=0
	if [ ! -e "$POLICY" ]; then
		printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null && $SUDO chmod +x "$POLICY" && ADDED_POLICY=1
	fi
	install() { $SUDO apt-get install -y --no-install-recommends "${MISSING[@]}" >/dev/null 2>&1; }
	install || { $SUDO apt-get update -qq >/dev/null 2>&1 && install; } || {
		[ "$ADDED_POLICY" = 1 ] && $SUDO rm -f "$POLICY"
		fail "apt-get could not install ${MISSING[*]} (Debian's package repositories must be reachable)."
	}
	[ "$ADDED_POLICY" = 1 ] && $SUDO rm -f "$POLICY"
	log "installed in $(( $(date +%s) - T ))s"
fi
REDIS_SERVER="$(find_redis)"
PG_BIN="$(find_pg_bin)"
[ -n "$REDIS_SERVER" ] || fail "redis-server not found after installing it."
[ -n "$PG_BIN" ] || fail "PostgreSQL's postgres/initdb not found under /usr/lib/postgresql/*/bin."
# PostgreSQL refuses to run as root: as root the tests run it as the 'postgres' user the package made.
PG_USER=""
if [ "$(id -u)" = 0 ]; then
	getent passwd postgres >/dev/null || fail "running as root, but there is no 'postgres' user to run PostgreSQL as."
	command -v runuser >/dev/null || fail "running as root, but runuser (util-linux) is missing."
	PG_USER=postgres
fi
cat > "$CACHE/queue-paths.json" <<JSON
{"redisServer":"$REDIS_SERVER","pgBin":"$PG_BIN","pgUser":"$PG_USER"}
JSON
log "redis-server $("$REDIS_SERVER" --version | grep -o 'v=[^ ]*'), PostgreSQL $("$PG_BIN/postgres" --version | grep -oE "[0-9]+\.[0-9]+" | head -1)"
cat "$CACHE/queue-paths.json"
