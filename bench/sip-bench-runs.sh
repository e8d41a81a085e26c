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
	printf '    %-8s %9s %7s %9s %8s %6s %10s\n' "asked/s" "cycles" "failed" "cycles/s" "retrans" "unexp" "dead/ooc" >>"$RESULTS"
	cycles_at warmup 300 20 >/dev/null
	local best="none"
	for rate in $RATES; do
		read -r ok failed cps retr unexp other <<<"$(cycles_at "$rate" "$rate" 10)"
		printf '    %-8s %9d %7d %9.0f %8d %6d %10d\n' "$rate" "$ok" "$failed" "$cps" "$retr" "$unexp" "$other" >>"$RESULTS"
		log "cycles at $rate/s: $ok ok, $failed failed, $(printf %.0f "$cps")/s, retrans $retr, unexpected $unexp"
		if [ "$failed" -gt 0 ] || [ "$retr" -gt 0 ]; then break; fi
		best="$rate/s asked, $(printf %.0f "$cps") cycles/s measured"
	done
	echo "    highest rate without a failed call or a retransmission: $best (Kamailio reference: 2,500/s)" >>"$RESULTS"
	stop_parley
}

# cycles_at <tag> <rate> <seconds>: prints "successful failed cycles/s retransmissions unexpected dead+ooc".
cycles_at() {
	local tag=$1 rate=$2 seconds=$3 pids=() ok=0 failed=0 retr=0 unexp=0 other=0 start end
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
	echo "$ok $failed $(echo "$ok / ($end - $start)" | bc -l) $retr $unexp $other"
}
