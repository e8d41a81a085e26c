#!/usr/bin/env bash
# The floor under the live channel's figures on this machine: the live benchmark's fan-out with nothing of Parley in
# it (FanOutFloor: one process writes a frame to every loopback connection from a few threads, load processes read
# them as LiveHolder does, and one connection at a time gets a frame of its own, as a chat message's push).
#   bench/fanout-floor.sh [PAGES...]        (default: 1000 5000 10000 19000)
# Environment: FLOOR_WRITERS (4, as parley.live.writers), FLOOR_ROUNDS (20 broadcasts, a second apart, after 3 not
# counted), FLOOR_FRAME (300 bytes: a status event's size), FLOOR_PER_HOLDER (2500 connections per load process),
# FLOOR_SINGLES (20 single frames a second during the rounds).
# Kept out of `mvn verify`; the figures are printed as lines starting with FLOOR (docs/benchmarks.md explains them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
if ! ulimit -n 65536 2>/dev/null; then
	echo "FLOOR note: ulimit -n stays $(ulimit -n) (raising it is not permitted here): at most that many connections per process" >&2
fi
mvn -B -o -q test-compile >/dev/null
for pages in ${*:-1000 5000 10000 19000}; do
	java -cp target/test-classes dev.parley.bench.FanOutFloor "$pages" "${FLOOR_WRITERS:-4}" "${FLOOR_ROUNDS:-20}" \
		"${FLOOR_FRAME:-300}" "${FLOOR_PER_HOLDER:-2500}" "${FLOOR_SINGLES:-20}"
done
