#!/usr/bin/env bash
# The live channel benchmark: Parley as a child process on PostgreSQL, thousands of signed-in pages holding their
# event streams (GET /live/presence) on raw sockets, broadcast and single-viewer changes timed to every page.
#   bench/live-bench.sh [CONNECTIONS...]            (default: 1000 5000 20000)
# Environment: BENCH_JAR (measure another build's jar, e.g. an older commit's; default: this worktree's, built first),
# BENCH_LABEL (its name in the output), BENCH_DB_URL (default jdbc:postgresql://127.0.0.1:5432/bench_live, user
# BENCH_DB_USER=postgres; its schema public is dropped and made again before every run), BENCH_AGENTS (300; a tenth
# of the pages unless set, then up to half), BENCH_CHATS (100; three per agent), BENCH_ROUNDS (30),
# BENCH_MESSAGE_RATE (20/s), BENCH_CHAT_TRANSPORT (http: a request per message; socket: the agents' chat sockets,
# one each), BENCH_BROADCAST (1; 0: the rounds change no figure, so chat messages are measured alone), BENCH_WARMUP (20 s of messages at that rate before the measured phase, when there are
# chats), BENCH_CONNECT_RATE (1000 pages/s),
# BENCH_HEAP (3g), BENCH_JVM_OPTIONS (more options for Parley's JVM, e.g. -XX:MaxGCPauseMillis=20),
# BENCH_SENDER_JVM_OPTIONS (the benchmark's own JVM, which sends the changes and the chat messages; default
# -Xmx4g -XX:+UseParallelGC), BENCH_LOAD_JVM_OPTIONS (the load processes' besides -Xmx1g; default -XX:+UseSerialGC),
# BENCH_PER_HOLDER (pages per load process, 2500: each has one selector thread reading its pages),
# JFR=1 (a flight recording of Parley in each run's directory).
# Kept out of `mvn verify`; the figures are printed as lines starting with LIVE (docs/benchmarks.md explains them).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
COUNTS=$(IFS=,; echo "${*:-1000,5000,20000}")
# one process may hold this many open files; the server and each load process need one per connection
if ! ulimit -n 65536 2>/dev/null; then
	echo "LIVE note: ulimit -n stays $(ulimit -n) (raising it is not permitted here): at most that many connections per process" >&2
fi
cd "$ROOT"
if [ -z "${BENCH_DB_URL:-}" ] && command -v psql >/dev/null 2>&1; then
	# the default database is made when missing (a fresh machine); its schema is made again by the benchmark itself
	psql -h 127.0.0.1 -U "${BENCH_DB_USER:-postgres}" -tc "SELECT 1 FROM pg_database WHERE datname = 'bench_live'" | grep -q 1 \
		|| psql -h 127.0.0.1 -U "${BENCH_DB_USER:-postgres}" -qc "CREATE DATABASE bench_live"
fi
JAR=${BENCH_JAR:-}
LABEL=${BENCH_LABEL:-$(basename "$JAR")}
if [ -z "$JAR" ]; then
	LABEL=${BENCH_LABEL:-this build, $(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' with changes')}
	# this worktree's build, run from its jar like the other build (one open file for the code, not one per library)
	mvn -B -o -q package -DskipTests >/dev/null
	JAR=$(ls "$ROOT"/target/parley-*.jar | grep -v original | head -1)
fi
mvn -B -o -Pbench test -Dtest=LiveBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
	-Dbench.connections="$COUNTS" -Dbench.jar="$JAR" -Dbench.label="$LABEL" \
	-Dbench.db-url="${BENCH_DB_URL:-jdbc:postgresql://127.0.0.1:5432/bench_live}" -Dbench.db-user="${BENCH_DB_USER:-postgres}" \
	-Dbench.agents="${BENCH_AGENTS:-300}" -Dbench.chats="${BENCH_CHATS:-100}" -Dbench.rounds="${BENCH_ROUNDS:-30}" -Dbench.broadcast="$([ "${BENCH_BROADCAST:-1}" = 0 ] && echo false || echo true)" \
	-Dbench.message-rate="${BENCH_MESSAGE_RATE:-20}" -Dbench.chat-transport="${BENCH_CHAT_TRANSPORT:-http}" -Dbench.warmup="${BENCH_WARMUP:-20}" -Dbench.connect-rate="${BENCH_CONNECT_RATE:-1000}" \
	-Dbench.heap="${BENCH_HEAP:-3g}" -Dbench.jvm-options="${BENCH_JVM_OPTIONS:-}" \
	-Dbench.argLine="${BENCH_SENDER_JVM_OPTIONS:--Xmx4g -XX:+UseParallelGC}" -Dbench.load-jvm-options="${BENCH_LOAD_JVM_OPTIONS:--XX:+UseSerialGC}" -Dbench.per-holder="${BENCH_PER_HOLDER:-2500}" -Dbench.histogram="${BENCH_HISTOGRAM:-false}" -Dbench.jfr="$([ "${JFR:-0}" = 1 ] && echo true || echo false)" 2>&1 \
	| grep --line-buffered -E '^(LIVE|\[INFO\] Tests run|\[ERROR\]|\[INFO\] BUILD)' || true
