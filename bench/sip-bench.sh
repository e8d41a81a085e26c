#!/usr/bin/env bash
# SIP presence benchmark: Parley from its jar, sipp on loopback. Kept out of `mvn verify`.
#   bench/sip-bench.sh [all|cycles|fanout|latency]      (docs/benchmarks.md explains every figure)
# Environment: RATES (subscribe cycles/s to try), FANOUT (watcher counts), CHANGES (per fan-out run; default
# 200,000 / watchers, between 1,000 and 12,000),
# PUBLISHERS/PAUSE (publisher calls in parallel, ms between one's changes), PER_SIPP (watchers per sipp, 100), LATENCY_CHANGES, CLOSED_LOOP (driver
# watcher counts besides 100), JFR=1 (flight recording of Parley), PARLEY_JAVA_OPTS, PARLEY_ARGS (more settings),
# BENCH_DB_URL (another database, e.g. jdbc:postgresql://127.0.0.1:5432/bench with PARLEY_DB_USER=postgres; it is
# emptied (schema public dropped) before each start, like the fresh H2 file of the default), BENCH_H2_OPTIONS (the H2
# file's URL options; default ";WRITE_DELAY=0", as Parley's default URL: every commit written before it returns;
# "" measures H2's own 500 ms write delay, which loses acknowledged writes in a crash).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
WHAT=${1:-all}
RATES=${RATES:-"1000 1500 2000 2200 2400 2600 2800"}
FANOUT=${FANOUT:-"10 100 500"}
CHANGES=${CHANGES:-}
LATENCY_CHANGES=${LATENCY_CHANGES:-2000}
BUFF=4194304
SIPP=${PARLEY_SIPP:-sipp}
OUT=$(mktemp -d /tmp/parley-sip-bench.XXXXXX)
PIDS=()
PARLEY_PID=
RESULTS="$OUT/results.txt"

log() { printf '%s %s\n' "$(date +%T)" "$*" >&2; }

cleanup() {
	for p in "${PIDS[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done
	stop_parley
	log "logs, sipp statistics and screens kept in $OUT"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

build() {
	JAR=$(ls "$ROOT"/target/parley-*.jar 2>/dev/null | grep -v original | head -1 || true)
	if [ -z "$JAR" ] || [ ! -f "$ROOT/target/test-classes/dev/parley/bench/SipBenchSetup.class" ]; then
		log "building the jar (mvn -q -o package -DskipTests)"
		(cd "$ROOT" && mvn -q -o package -DskipTests)
		JAR=$(ls "$ROOT"/target/parley-*.jar | grep -v original | head -1)
	fi
}

socket_buffers() {
	if sysctl -q -w net.core.rmem_max=$BUFF net.core.wmem_max=$BUFF >/dev/null 2>&1; then
		BUFNOTE="net.core.rmem_max/wmem_max set to $BUFF: sipp gets -buff_size $BUFF"
	else
		BUFNOTE="could not raise net.core.rmem_max (not permitted): sipp asked -buff_size $BUFF, the kernel caps it at $(sysctl -n net.core.rmem_max)"
	fi
	log "$BUFNOTE"
}

# start_parley <notify-interval>: a fresh H2 file, demo data off, SIP (UDP) on 127.0.0.1, flood guard raised.
start_parley() {
	HTTP=$(free_port); SIP=$(free_port); NOTIFY_INTERVAL=$1
	local dir="$OUT/parley-$NOTIFY_INTERVAL" jfr=()
	mkdir -p "$dir"
	if [[ "${BENCH_DB_URL:-}" =~ ^jdbc:postgresql://([^:/]+):([0-9]+)/([A-Za-z0-9_]+)$ ]]; then
		psql -q -h "${BASH_REMATCH[1]}" -p "${BASH_REMATCH[2]}" -U "${PARLEY_DB_USER:-postgres}" -d "${BASH_REMATCH[3]}" \
			-c "DROP SCHEMA public CASCADE; CREATE SCHEMA public" >/dev/null 2>&1
	fi
	[ "${JFR:-0}" = 1 ] && jfr=("-XX:StartFlightRecording=filename=$dir/parley.jfr,settings=profile")
	(cd "$dir" && exec java -Xms512m -Xmx1g ${PARLEY_JAVA_OPTS:-} "${jfr[@]}" -jar "$JAR" ${PARLEY_ARGS:-} \
		--spring.datasource.url="${BENCH_DB_URL:-jdbc:h2:file:$dir/db/parley${BENCH_H2_OPTIONS-;WRITE_DELAY=0}}" --parley.demo.enabled=false \
		--server.address=127.0.0.1 --server.port="$HTTP" --parley.sip.address=127.0.0.1 --parley.sip.port="$SIP" \
		--parley.sip.transports=udp --parley.sip.requests-per-second=1000000 \
		--parley.sip.notify-interval="$NOTIFY_INTERVAL" --parley.sip.digest-algorithms=MD5,SHA-256 \
		>"$dir/parley.log" 2>&1) &
	PARLEY_PID=$!
	for _ in $(seq 1 120); do
		curl -fs "http://127.0.0.1:$HTTP/login" >/dev/null 2>&1 && break
		kill -0 "$PARLEY_PID" 2>/dev/null || { tail -30 "$dir/parley.log"; exit 1; }
		sleep 1
	done
	log "Parley pid $PARLEY_PID: http $HTTP, SIP udp 127.0.0.1:$SIP, notify-interval $NOTIFY_INTERVAL," \
		"parley.sip.requests-per-second 1000000 (flood guard raised so it never throttles sipp)"
	PARLEY_RB=$(ss -uanm "sport = :$SIP" | grep -o 'rb[0-9]*' | head -1)
	log "Parley's SIP socket receive buffer: ${PARLEY_RB:-?} bytes"
	eval "$(java -cp "$ROOT/target/test-classes" dev.parley.bench.SipBenchSetup "http://127.0.0.1:$HTTP" 5)"
	PRESENTITY="customer-$PUBLISHER_ID"
	log "accounts: publisher $PUBLISHER_USER ($PRESENTITY, others may watch), watchers ${WATCHER_USERS[*]}"
}

stop_parley() {
	if [ -n "$PARLEY_PID" ] && kill -0 "$PARLEY_PID" 2>/dev/null; then
		[ -n "${HOLD:-}" ] && { log "holding Parley (pid $PARLEY_PID) for $HOLD s"; sleep "$HOLD"; }
		kill "$PARLEY_PID"; wait "$PARLEY_PID" 2>/dev/null || true
	fi
	PARLEY_PID=
}

# sipp_start <dir> <scenario> <account> <args...>: one sipp in the background, its pid in LAST_PID and PIDS.
sipp_start() {
	local dir=$1 scenario=$2 account=$3; shift 3
	mkdir -p "$dir"
	local cmd=("$SIPP" "127.0.0.1:$SIP" -sf "$dir/$scenario" -i 127.0.0.1 -p "$(free_port)" -t u1
		-s "$PRESENTITY" -au "$account" -ap "$PASSWORD" -buff_size $BUFF -nostdin
		-trace_stat -fd 1 -trace_screen -trace_counts -trace_logs -trace_err -timeout_error "$@")
	echo "${cmd[*]}" >>"$OUT/sipp-commands.txt"
	(cd "$dir" && exec "${cmd[@]}" >"$dir/screen.txt" 2>&1) &
	LAST_PID=$!
	PIDS+=("$LAST_PID")
}

sipp_wait() { for p in "$@"; do while kill -0 "$p" 2>/dev/null; do sleep 0.2; done; done; }

# stat <dir> <column>: the column's value in the last line of sipp's -trace_stat CSV.
stat() {
	local f; f=$(ls "$1"/*_.csv 2>/dev/null | head -1)
	awk -F';' -v c="$2" 'NR==1{for(i=1;i<=NF;i++) if($i==c) k=i} END{print (k? $k : "?")}' "$f"
}

# A <pause> of 0 ms still waits for sipp's next scheduler round (about 8 ms a change, measured): left out when 0.
fill() { sed -e "s/@firstwait@/$2/g; s/@quiet@/$3/g; s/@changes@/$4/g; s/@pause@/$5/g; s/@startwait@/$6/g" \
	-e '/<pause milliseconds="0"\/>/d' "$ROOT/bench/sipp/$1"; }

# Other work on the machine skews every figure: note what else used the CPU just before a run.
neighbours() {
	local others; others=$(top -b -n 2 -d 1 -w 200 | awk '/^ *PID/{n++; next} n==2 && $9+0 >= 5 {printf "%s %s%%, ", $12, $9}')
	echo "    (before this run: load average $(cut -d' ' -f1 /proc/loadavg); other processes >= 5% CPU: ${others:-none})" >>"$RESULTS"
}

# Datagrams the kernel dropped because a socket's receive buffer was full, per side: Parley's SIP port, and
# every other UDP socket on 127.0.0.1 (sipp, the driver). Prints "parley others" (counters since start).
udp_drops() {
	ss -uanm 2>/dev/null | awk -v p=":$SIP" '/^UNCONN/{local=$4; getline; m=match($0,/,d[0-9]+\)/);
		d=substr($0,RSTART+2,RLENGTH-3)+0; if (index(local, p) && substr(local, length(local)-length(p)+1)==p) P+=d; else O+=d}
		END{printf "%d %d", P, O}'
}

source "$ROOT/bench/sip-bench-runs.sh"

build
socket_buffers
CORES=$(nproc)
{
	echo "Parley SIP benchmark, $(date -u +%F), $CORES cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)),"
	echo "load generator (sipp $($SIPP -v 2>&1 | grep -o 'v[0-9.]*' | head -1), Java driver) and Parley on the same machine, 127.0.0.1, UDP"
	echo "$BUFNOTE"
	echo "database: ${BENCH_DB_URL:-H2 file, options '${BENCH_H2_OPTIONS-;WRITE_DELAY=0}'}; Parley $(cd "$ROOT" && git log -1 --format=%h 2>/dev/null || echo '?')"
} >"$RESULTS"
case "$WHAT" in
	cycles) run_cycles ;;
	fanout) run_fanout ;;
	latency) run_latency ;;
	all) run_cycles; run_fanout; run_latency ;;
	*) echo "usage: $0 [all|cycles|fanout|latency]" >&2; exit 2 ;;
esac
echo; cat "$RESULTS"
echo "sipp commands: $OUT/sipp-commands.txt"
