#!/usr/bin/env bash
# The broker benchmark: routing decisions on a board of 1,000 agents and 10,000 queued chats, then a whole Parley
# over HTTP: "start chat" to the offer on the agent's live channel, and chat messages to the agent's live channel.
#   bench/broker-bench.sh [decision|all]
# Sizes: BENCH_AGENTS (200), BENCH_BACKLOG (10000), BENCH_RATE chats/s (20), BENCH_SECONDS (30), BENCH_CHATS (2000,
# at most 3 per agent). BENCH_DB_URL=jdbc:postgresql://127.0.0.1:5432/<db> runs the whole-Parley part on PostgreSQL.
# Kept out of `mvn verify`; the figures are printed as lines starting with BROKER.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WHAT=${1:-all}
TEST=BrokerBenchmark
[ "$WHAT" = decision ] && TEST='BrokerBenchmark#decision'
PROFILES=test
EXTRA=()
if [ -n "${BENCH_DB_URL:-}" ]; then
	PROFILES=test,pgtest
	export PARLEY_TEST_DB_URL="$BENCH_DB_URL"
fi
cd "$ROOT"
mvn -B -Pbench test -Dtest="$TEST" -Dsurefire.failIfNoSpecifiedTests=false -Dspring.profiles.active="$PROFILES" \
	-Dbench.agents="${BENCH_AGENTS:-200}" -Dbench.backlog="${BENCH_BACKLOG:-10000}" -Dbench.rate="${BENCH_RATE:-20}" \
	-Dbench.seconds="${BENCH_SECONDS:-30}" -Dbench.chats="${BENCH_CHATS:-2000}" "${EXTRA[@]}" 2>&1 \
	| grep -E '^(BROKER|  |\[INFO\] Tests run|\[ERROR\]|\[INFO\] BUILD)' || true
