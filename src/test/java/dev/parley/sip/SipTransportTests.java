package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.parley.sip.stack.ParleySipTransport;

/**
 * The contract of Parley's port, over the stack behind it: answer, keep no dialogs, carry NOTIFYs from a dialog's
 * state alone, stop in bounded time.
 */
class SipTransportTests {

	static SipTransport transport(int port, List<String> transports) {
		return new ParleySipTransport("127.0.0.1", port, transports, 2, 10, 65_536);
	}

	@Test
	void answersOverUdpAndStopsInBoundedTime() {
		int port = Sipp.freePort();
		var transport = transport(port, List.of("udp", "tcp"));
		transport.start(exchange -> exchange.respond(SipResponse.of(200, "OK").with("Allow-Events", "presence, presence.winfo")));
		try (RawSip sip = new RawSip(port)) {
			sip.send(sip.request("OPTIONS", "x", 1, "contract-1", "", null));
			String answer = sip.receive();
			assertThat(answer).startsWith("SIP/2.0 200 OK").contains("Allow-Events: presence");
		}
		finally {
			long start = System.nanoTime();
			transport.stop(Duration.ofSeconds(5));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
		}
	}

	@Test
	void aDialogParleyMadeCarriesNotifiesAndTheStackPassesInDialogRequestsOn() throws Exception {
		int port = Sipp.freePort();
		var transport = transport(port, List.of("udp"));
		BlockingQueue<SipRequest> seen = new LinkedBlockingQueue<>();
		BlockingQueue<SipDialog> dialogs = new LinkedBlockingQueue<>();
		transport.start(exchange -> {
			seen.add(exchange.request());
			if (exchange.request().inDialog()) {
				exchange.respond(SipResponse.of(200, "OK").with("Expires", "60"));
				return;
			}
			var state = SipDialogState.uas(exchange.request(), SipDialogState.newTag());
			dialogs.add(exchange.respondWithDialog(SipResponse.of(200, "OK").with("Expires", "60"), state));
		});
		try (RawSip sip = new RawSip(port)) {
			sip.send(sip.request("SUBSCRIBE", "agent-x", 1, "contract-2", "Event: presence\n", null));
			String ok = sip.receive();
			String tag = ok.lines().filter(l -> l.startsWith("To:")).findFirst().orElseThrow().replaceAll(".*;tag=", "");
			SipDialog dialog = dialogs.poll(3, TimeUnit.SECONDS);
			dialog.notify(List.of(Map.entry("Event", "presence"), Map.entry("Subscription-State", "active;expires=60")), null, null, status -> {
			});
			String notify = sip.receive();
			assertThat(notify).startsWith("NOTIFY sip:raw@127.0.0.1:").contains("Call-ID: contract-2").contains("CSeq: 1 NOTIFY")
				.contains(";tag=" + tag).contains("tag=raw");
			sip.send(sip.answer(notify, 200));
			sip.send(sip.request("SUBSCRIBE", "agent-x", 2, "contract-2", "Event: presence\n", null)
				.replace("To: <sip:agent-x@parley.local>", "To: <sip:agent-x@parley.local>;tag=" + tag));
			String answer = sip.receive();
			while (answer != null && answer.startsWith("NOTIFY")) {
				answer = sip.receive();
			}
			assertThat(answer).startsWith("SIP/2.0 200 OK");
			seen.poll(1, TimeUnit.SECONDS);
			assertThat(seen.poll(1, TimeUnit.SECONDS).dialogKey()).isEqualTo(dialog.key());
		}
		finally {
			transport.stop(Duration.ofSeconds(5));
		}
	}

	@Test
	void aDialogStoredBeforeARestartNotifiesFromItsStateAloneWithItsCSeq() throws Exception {
		int port = Sipp.freePort();
		var before = transport(port, List.of("udp"));
		before.start(exchange -> exchange.respond(SipResponse.of(500, "no")));
		before.stop(Duration.ofSeconds(5));
		var after = transport(port, List.of("udp"));
		after.start(exchange -> exchange.respond(SipResponse.of(481, "Subscription Does Not Exist")));
		try (RawSip sip = new RawSip(port)) {
			var state = new SipDialogState("stored-1", "ourtag", "sip:agent-x@parley.local", "theirtag",
					"sip:watcher@127.0.0.1", "sip:raw@127.0.0.1:" + sip.localPort(), List.of(), "udp", 1001);
			BlockingQueue<Integer> outcome = new LinkedBlockingQueue<>();
			SipDialog dialog = after.dialog(state);
			dialog.notify(List.of(Map.entry("Event", "presence"), Map.entry("Subscription-State", "active;expires=60")),
					"application/pidf+xml", "<presence/>".getBytes(), outcome::add);
			String notify = sip.receive();
			assertThat(notify).startsWith("NOTIFY sip:raw@127.0.0.1:").contains("Call-ID: stored-1").contains("CSeq: 1001 NOTIFY")
				.contains("tag=ourtag").contains("tag=theirtag").contains("Subscription-State: active;expires=60");
			assertThat(dialog.state().nextCSeq()).isEqualTo(1002);
			sip.send(sip.answer(notify, 200));
			assertThat(outcome.poll(3, TimeUnit.SECONDS)).isEqualTo(200);
		}
		finally {
			after.stop(Duration.ofSeconds(5));
		}
	}
}
