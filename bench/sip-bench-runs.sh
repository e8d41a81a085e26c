# The three runs of bench/sip-bench.sh (sourced by it; uses its functions and variables).

# Retransmissions sipp saw of Parley's messages plus its own, and messages it could not place: from the
# -trace_counts CSV (sum of every *_Retrans and *_Unexp column) and the stat CSV.
sipp_troubles() {
	local dir=$1 f; f=$(ls "$dir"/*_counts.csv 2>/dev/null | head -1)
	local counts; counts=$(awk -F';' 'NR==1{for(i=1;i<=NF;i++){if($i ~ /Retrans$/) r[i]=1; if($i ~ /Unexp$/) u[i]=1}}
		END{for(i in r) R+=$i; for(i in u) U+=$i; printf "%d %d", R, U}' "$f")
	echo "$counts $(stat "$dir" 'OutOfCallMsgs(C)') $(stat "$dir" 'DeadCallMsgs(C)')"
}

# (a) subscribe cycles: two sipp processes share the rate; 10 s per rate; stops after the first rate with a
# failed call. A rate counts as sustained when no call failed and nobody retransmitted.
run_cycles() {
	start_parley 5s
	echo "(a) subscribe cycles: SUBSCRIBE (401, then digest) 200, NOTIFY, un-SUBSCRIBE 200, NOTIFY terminated;" >>"$RESULTS"
	echo "    notify-interval 5s (the RFC 3856 default: a first and a final NOTIFY never wait); 2 sipp, 20 s warm-up at 300/s, then 10 s per rate" >>"$RESULTS"
	printf '    %-8s %9s %7s %9s %8s %6s %10s %12s\n' "asked/s" "cycles" "failed" "cycles/s" "retrans" "unexp" "dead/ooc" "parley-drops" >>"$RESULTS"
	cycles_at warmup 300 20 >/dev/null
	neighbours
	local best="none"
	for rate in $RATES; do
		read -r ok failed cps retr unexp other drops <<<"$(cycles_at "$rate" "$rate" 10)"
		printf '    %-8s %9d %7d %9.0f %8d %6d %10d %12d\n' "$rate" "$ok" "$failed" "$cps" "$retr" "$unexp" "$other" "$drops" >>"$RESULTS"
		log "cycles at $rate/s: $ok ok, $failed failed, $(printf %.0f "$cps")/s, retrans $retr, unexpected $unexp"
		if [ "$failed" -gt 0 ] || [ "$retr" -gt 0 ]; then break; fi
		best="$rate/s asked, $(printf %.0f "$cps") cycles/s measured"
	done
	echo "    highest rate without a failed call or a retransmission: $best (Kamailio reference: 2,500/s)" >>"$RESULTS"
	stop_parley
}

# cycles_at <tag> <rate> <seconds>: prints "successful failed cycles/s retransmissions unexpected dead+ooc".
cycles_at() {
	local tag=$1 rate=$2 seconds=$3 pids=() ok=0 failed=0 retr=0 unexp=0 other=0 start end drops0
	drops0=$(udp_drops | cut -d' ' -f1)
	start=$(date +%s.%N)
	for i in 1 2; do
		local dir="$OUT/cycles-$tag-$i"; mkdir -p "$dir"
		fill subscribe-cycle.xml 0 0 0 0 0 >"$dir/subscribe-cycle.xml"
		sipp_start "$dir" subscribe-cycle.xml "${WATCHER_USERS[$i]}" -r $((rate / 2)) -m $((rate * seconds / 2)) \
			-timeout $((seconds * 3))s -max_recv_loops 10000
		pids+=("$LAST_PID")
	done
	top -b -d 2 -n $((seconds / 2)) -w 200 >"$OUT/top-cycles-$tag.txt" 2>/dev/null &
	sipp_wait "${pids[@]}"
	end=$(date +%s.%N)
	for i in 1 2; do
		local dir="$OUT/cycles-$tag-$i" r u o d
		ok=$((ok + $(stat "$dir" 'SuccessfulCall(C)'))); failed=$((failed + $(stat "$dir" 'FailedCall(C)')))
		read -r r u o d <<<"$(sipp_troubles "$dir")"
		retr=$((retr + r)); unexp=$((unexp + u)); other=$((other + o + d))
	done
	echo "$ok $failed $(echo "$ok / ($end - $start)" | bc -l) $retr $unexp $other $(($(udp_drops | cut -d' ' -f1) - drops0))"
}

# (b) fan-out: N sipp watchers (processes of up to 100 calls) on the publisher's presentity, then a sipp
# publisher: PUBLISHERS calls in parallel, each CHANGES/PUBLISHERS modifies, PAUSE ms after each 200 (an open
# loop: the next change does not wait for NOTIFYs). NOTIFY/s = NOTIFYs the watchers received / (last arrival -
# first arrival). With notify-interval 0 a change that finds a watcher's previous NOTIFY not yet sent coalesces
# with it (the last state wins), so received < N x changes means Parley fell behind the publisher.
run_fanout() {
	start_parley 0s
	echo "(b) fan-out: sipp watchers (<= ${PER_SIPP:-100} per process, -buff_size $BUFF) of one presentity, sipp PUBLISH modifies" >>"$RESULTS"
	echo "    in an open loop; notify-interval 0 (RFC 3856 rate limit OFF for this run)" >>"$RESULTS"
	printf '    %-9s %-13s %8s %10s %10s %9s %9s %8s %6s %12s\n' watchers "publishers/ms" changes expected received coalesced NOTIFY/s retrans unexp parley-drops >>"$RESULTS"
	# Warm-up, not reported: the JIT compiles the PUBLISH and NOTIFY paths (a cold JVM is 2-3x slower for seconds).
	fanout_at 100 3 0 3000 >/dev/null
	sed -i '$d' "$RESULTS"
	neighbours
	for n in $FANOUT; do
		local k=${PUBLISHERS:-} pause=${PAUSE:-0} changes=${CHANGES:-$((200000 / n))}
		[ -z "${CHANGES:-}" ] && changes=$((changes < 1000 ? 1000 : changes > 12000 ? 12000 : changes))
		[ -z "$k" ] && { if [ "$n" -le 10 ]; then k=4; elif [ "$n" -le 100 ]; then k=3; else k=1; fi; }
		fanout_at "$n" "$k" "$pause" "$changes"
	done
}

# fanout_at <watchers> <publishers> <pause ms> <changes>
fanout_at() {
	FANOUT_RUN=$((${FANOUT_RUN:-0} + 1))
	local n=$1 k=$2 pause=$3 changes_asked=$4 tag="fanout-$FANOUT_RUN-$1" pids=() procs i left
	local per=${PER_SIPP:-100}
	procs=$(((n + per - 1) / per)); left=$n
	for ((i = 0; i < procs; i++)); do
		local dir="$OUT/$tag-w$i" c=$((left > per ? per : left)); left=$((left - c)); mkdir -p "$dir"
		fill fanout-watch.xml 90000 3000 0 0 0 >"$dir/fanout-watch.xml"
		sipp_start "$dir" fanout-watch.xml "${WATCHER_USERS[$((i % 5))]}" -r 100 -l "$c" -m "$c" -timeout 300s \
			-max_recv_loops 100000
		pids+=("$LAST_PID")
	done
	sleep $((3 + n / 100))
	local drops0; drops0=$(udp_drops | cut -d' ' -f1)
	local pdir="$OUT/$tag-publisher"; mkdir -p "$pdir"
	fill publish-loop.xml 0 0 $((changes_asked / k)) "$pause" 500 >"$pdir/publish-loop.xml"
	top -b -d 2 -n 10 -w 200 >"$OUT/top-$tag.txt" 2>/dev/null &
	sipp_start "$pdir" publish-loop.xml "$PUBLISHER_USER" -r "$k" -l "$k" -m "$k" -timeout 300s -max_recv_loops 100000
	sipp_wait "$LAST_PID" "${pids[@]}"
	read -r received first last <<<"$(cat "$OUT/$tag"-w*/*_logs.log | awk '/^notifies/{n+=$2; f=$4+$5/1e6; l=$7+$8/1e6;
		if(!mf||f<mf) mf=f; if(l>ml) ml=l} END{printf "%d %.6f %.6f", n, mf, ml}')"
	local changes; changes=$(awk '/^changes/{n+=$2} END{print n+0}' "$pdir"/*_logs.log)
	local retr=0 unexp=0 d r u o dd
	for d in "$OUT/$tag"-w* "$pdir"; do
		read -r r u o dd <<<"$(sipp_troubles "$d")"; retr=$((retr + r)); unexp=$((unexp + u))
	done
	local rate drops; rate=$(echo "$received / ($last - $first)" | bc -l); drops=$(($(udp_drops | cut -d' ' -f1) - drops0))
	printf '    %-9s %-13s %8d %10d %10d %9d %9.0f %8d %6d %12d\n' "$n" "$k/$pause" "$changes" $((n * changes)) "$received" \
		$((n * changes - received)) "$rate" "$retr" "$unexp" "$drops" >>"$RESULTS"
	log "fan-out $n: $changes changes, $received NOTIFYs in $(echo "$last - $first" | bc) s = $(printf %.0f "$rate")/s, retrans $retr"
}

# (c) latency, and the closed loop of (b): the Java driver (SipLatencyBenchmark) is the publisher and the
# watchers over UDP; each change waits for every watcher's NOTIFY of the previous one.
run_latency() {
	[ -n "$PARLEY_PID" ] && [ "$NOTIFY_INTERVAL" = 0s ] || { stop_parley; start_parley 0s; }
	echo "(c) and closed-loop (b): Java driver = publisher + watchers over UDP (not sipp), notify-interval 0 (rate limit OFF)" >>"$RESULTS"
	neighbours
	for w in 100 ${CLOSED_LOOP:-10 500}; do
		local changes=$LATENCY_CHANGES; [ "$w" -gt 100 ] && changes=$((LATENCY_CHANGES / 2))
		local cmd=(java -Xmx256m -cp "$ROOT/target/test-classes" dev.parley.bench.SipLatencyBenchmark "$SIP" "$PRESENTITY"
			"$PUBLISHER_USER" "${WATCHER_USERS[0]}" "$PASSWORD" "$w" "$changes")
		echo "${cmd[*]}" >>"$OUT/sipp-commands.txt"
		top -b -d 2 -n 5 -w 200 >"$OUT/top-latency-$w.txt" 2>/dev/null &
		"${cmd[@]}" 2>&1 | tee "$OUT/latency-$w.txt" | sed 's/^/    /' >>"$RESULTS"
		log "driver, $w watchers: $(head -2 "$OUT/latency-$w.txt" | tr '\n' ' ')"
	done
}
