#!/usr/bin/env bash
# Debian's redis-server for the tests of rate budgets shared through Redis: on 127.0.0.1 and the
# port given, nothing written to disk. Prints `READY <port>` once it answers a PING, and stops
# it when standard input closes (the test JVM closes it, or dies), like the other servers here.
set -euo pipefail
port="${1:?usage: serve.sh PORT}"

redis-server --bind 127.0.0.1 --port "$port" --save "" --appendonly no --daemonize no \
	--logfile "" --loglevel warning &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true' EXIT

for _ in $(seq 1 100); do
	if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = "PONG" ]; then
		echo "READY $port"
		# Until the test closes standard input.
		cat >/dev/null || true
		exit 0
	fi
	kill -0 "$server" 2>/dev/null || { echo "redis-server exited" >&2; exit 1; }
	sleep 0.1
done
echo "redis-server did not answer on port $port" >&2
exit 1
