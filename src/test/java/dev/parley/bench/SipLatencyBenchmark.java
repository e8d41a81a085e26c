package dev.parley.bench;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * SIP benchmark (c), and the closed loop of (b), see docs/benchmarks.md: {@link SipLoadDriver} is both the
 * publisher and the watchers, over plain UDP on 127.0.0.1 (sipp cannot tell another process when a NOTIFY
 * arrived). It subscribes W watchers (digest) to a presentity, then changes it with PUBLISH modifies
 * (SIP-If-Match, digest) in a closed loop: the next change is sent when every watcher has its NOTIFY for the
 * previous one. Reports PUBLISH-to-first and PUBLISH-to-last (the W-th) NOTIFY percentiles and NOTIFY/s.
 * Run by bench/sip-bench.sh: {@code java -cp target/test-classes dev.parley.bench.SipLatencyBenchmark <sip port>
 * <presentity user> <publisher> <watcher> <password> <watchers> <changes>}; under {@code mvn -Pbench test} it runs
 * only when {@code PARLEY_SIP_BENCH} holds those arguments (a Parley with SIP on must be running).
 */
@Tag("bench")
class SipLatencyBenchmark {

	public static void main(String[] args) throws Exception {
		drive(args);
		System.exit(0);
	}

	@Test
	void publishToLastNotifyOverSip() throws Exception {
		String args = System.getenv("PARLEY_SIP_BENCH");
		Assumptions.assumeTrue(args != null, "set PARLEY_SIP_BENCH or run bench/sip-bench.sh latency");
		drive(args.trim().split("\\s+"));
	}

	private static void drive(String[] a) throws Exception {
		new SipLoadDriver(Integer.parseInt(a[0]), a[1], a[2], a[3], a[4]).run(Integer.parseInt(a[5]), Integer.parseInt(a[6]));
	}
}
