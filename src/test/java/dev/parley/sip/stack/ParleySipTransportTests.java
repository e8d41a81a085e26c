package dev.parley.sip.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.parley.sip.SipDialogState;
import dev.parley.sip.SipExchange;
import dev.parley.sip.SipResponse;

/**
 * Parley's SIP stack over real sockets: transactions (a retransmitted request is answered again from the
 * transaction, not handled twice; an unanswered NOTIFY is retransmitted on Timer E and ends 408 on Timer F),
 * responses routed by the top Via (RFC 3581 rport), what makes a request unanswerable, and TCP framing.
 * T1 is 50 ms here so that Timer F (64 * T1) comes in 3.2 s.
 */
class ParleySipTransportTests {

	private ParleySipTransport transport;

	private final AtomicInteger handled = new AtomicInteger();

	private final BlockingQueue<SipExchange> exchanges = new LinkedBlockingQueue<>();

	/** The next exchange of a method, skipping others (answered already by the handler). */
	private SipExchange next(String method) throws InterruptedException {
		for (SipExchange e = exchanges.poll(3, TimeUnit.SECONDS); e != null; e = exchanges.poll(3, TimeUnit.SECONDS)) {
			if (e.request().method().equals(method)) {
				return e;
			}
		}
		throw new AssertionError("no " + method + " reached the handler");
	}

	private int start(List<String> transports) {
		transport = new ParleySipTransport("127.0.0.1", 0, transports, 2, 10, 65_536, 50);
		transport.start(exchange -> {
			handled.incrementAndGet();
			exchanges.add(exchange);
			if (!exchange.request().method().equals("SUBSCRIBE")) {
				exchange.respond(SipResponse.of(200, "OK").with("Allow-Events", "presence"));
			}
		});
		return transport.port();
	}

	@AfterEach
	void stop() {
		if (transport != null) {
			transport.stop(Duration.ofSeconds(2));
		}
	}

	private static String request(String method, int localPort, String branch, String extra) {
		return method + " sip:x@parley.local SIP/2.0\r\n"
				+ "Via: SIP/2.0/UDP 127.0.0.1:" + localPort + ";branch=" + branch + "\r\n"
				+ "From: <sip:raw@127.0.0.1>;tag=f1\r\nTo: <sip:x@parley.local>\r\nCall-ID: call-" + branch + "\r\n"
				+ "CSeq: 1 " + method + "\r\nMax-Forwards: 70\r\nContact: <sip:raw@127.0.0.1:" + localPort + ">\r\n"
				+ extra + "Content-Length: 0\r\n\r\n";
	}

	@Test
	void aRetransmittedRequestGetsTheSameAnswerFromTheTransactionAndIsHandledOnce() throws Exception {
		int port = start(List.of("udp"));
		try (Udp client = new Udp(port)) {
			String options = request("OPTIONS", client.port(), "z9hG4bK-retx", "");
			client.send(options);
			String first = client.receive();
			client.send(options);
			String second = client.receive();
			assertThat(first).startsWith("SIP/2.0 200 OK").contains("Allow-Events: presence").contains("To: <sip:x@parley.local>;tag=");
			assertThat(second).isEqualTo(first);
			assertThat(handled).hasValue(1);
			client.send(request("OPTIONS", client.port(), "z9hG4bK-other", ""));
			assertThat(client.receive()).startsWith("SIP/2.0 200 OK");
			assertThat(handled).hasValue(2);
		}
	}

	@Test
	void responsesGoWhereTheTopViaSaysWithRportAndReceivedFilledIn() throws Exception {
		int port = start(List.of("udp"));
		try (Udp client = new Udp(port)) {
			// sent-by names another host and port: rport sends the answer back to where the request came from
			client.send(request("OPTIONS", client.port(), "z9hG4bK-rport", "").replace("Via: SIP/2.0/UDP 127.0.0.1:"
					+ client.port() + ";branch=z9hG4bK-rport", "Via: SIP/2.0/UDP 192.0.2.9:5999;branch=z9hG4bK-rport;rport"));
			String answer = client.receive();
			assertThat(answer).contains("Via: SIP/2.0/UDP 192.0.2.9:5999;branch=z9hG4bK-rport;received=127.0.0.1;rport="
					+ client.port());
		}
	}

	@Test
	void requestsTheHandlerCannotTrustAre400NamingTheProblemAndNeverReachIt() throws Exception {
		int port = start(List.of("udp"));
		try (Udp client = new Udp(port)) {
			client.send(request("OPTIONS", client.port(), "z9hG4bK-b1", "").replace("Call-ID: call-z9hG4bK-b1\r\n", ""));
			assertThat(client.receive()).startsWith("SIP/2.0 400 Bad Request (missing Call-ID)");
			client.send(request("OPTIONS", client.port(), "z9hG4bK-b2", "").replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE"));
			assertThat(client.receive()).startsWith("SIP/2.0 400 Bad Request (CSeq method INVITE is not the request's OPTIONS)");
			client.send(request("OPTIONS", client.port(), "z9hG4bK-b3", "").replace("Content-Length: 0", "Content-Length: 10"));
			assertThat(client.receive()).startsWith("SIP/2.0 400 Bad Request (Content-Length 10 is more than the 0 bytes");
			client.send("not SIP\r\n\r\n");
			client.send(request("OPTIONS", client.port(), "z9hG4bK-b4", "").replace("Via: SIP/2.0/UDP", "Via: nonsense"));
			client.send(request("OPTIONS", client.port(), "z9hG4bK-ok", ""));
			assertThat(client.receive()).startsWith("SIP/2.0 200 OK").contains("branch=z9hG4bK-ok");
			assertThat(handled).hasValue(1);
		}
	}

	@Test
	void anUnansweredNotifyIsRetransmittedAndEnds408AndAnAnsweredOneGetsItsStatus() throws Exception {
		start(List.of("udp"));
		try (Udp watcher = new Udp(transport.port())) {
			var state = new SipDialogState("d-1", "ours", "sip:x@parley.local", "theirs", "sip:w@127.0.0.1",
					"sip:w@127.0.0.1:" + watcher.port(), List.of(), "udp", 5);
			BlockingQueue<Integer> outcomes = new LinkedBlockingQueue<>();
			var dialog = transport.dialog(state);
			long sent = System.nanoTime();
			dialog.notify(List.of(Map.entry("Event", "presence")), null, null, outcomes::add);
			String first = watcher.receive();
			String again = watcher.receive();
			assertThat(first).startsWith("NOTIFY sip:w@127.0.0.1:" + watcher.port() + " SIP/2.0").contains("CSeq: 5 NOTIFY")
				.contains("From: <sip:x@parley.local>;tag=ours").contains("To: <sip:w@127.0.0.1>;tag=theirs");
			assertThat(again).isEqualTo(first);
			assertThat(outcomes.poll(5, TimeUnit.SECONDS)).isEqualTo(408);
			assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(3200));

			dialog.notify(List.of(Map.entry("Event", "presence")), null, null, outcomes::add);
			String next = watcher.receiveMatching("CSeq: 6 NOTIFY");
			watcher.send(answer(next, 481));
			assertThat(outcomes.poll(3, TimeUnit.SECONDS)).isEqualTo(481);
			assertThat(transport.transactions()[1]).isZero();
		}
	}

	@Test
	void aNotifyFollowsTheRouteSetToTheFirstHop() throws Exception {
		start(List.of("udp"));
		try (Udp proxy = new Udp(transport.port())) {
			var state = new SipDialogState("d-2", "ours", "sip:x@parley.local", "theirs", "sip:w@example.com",
					"sip:w@192.0.2.7:5060", List.of("<sip:127.0.0.1:" + proxy.port() + ";lr>"), "udp", 1);
			transport.dialog(state).notify(List.of(), null, null, s -> {
			});
			String notify = proxy.receive();
			assertThat(notify).startsWith("NOTIFY sip:w@192.0.2.7:5060 SIP/2.0")
				.contains("Route: <sip:127.0.0.1:" + proxy.port() + ";lr>");
		}
	}

	@Test
	void tcpCutsTheStreamByContentLengthAnswersKeepAlivesAndCarriesNotifiesOnTheSameConnection() throws Exception {
		int port = start(List.of("udp", "tcp"));
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(3000);
			int local = socket.getLocalPort();
			String subscribe = request("SUBSCRIBE", local, "z9hG4bK-t1", "Event: presence\r\n").replace("UDP", "TCP")
				.replace("<sip:raw@127.0.0.1:" + local + ">", "<sip:raw@127.0.0.1:" + local + ";transport=tcp>");
			String options = request("OPTIONS", local, "z9hG4bK-t2", "").replace("UDP", "TCP");
			socket.getOutputStream().write(("\r\n\r\n" + subscribe + options).getBytes(StandardCharsets.UTF_8));
			InputStream in = socket.getInputStream();
			assertThat(new String(in.readNBytes(2), StandardCharsets.US_ASCII)).isEqualTo("\r\n");
			SipExchange exchange = next("SUBSCRIBE"); // the two handler threads may take the OPTIONS first
			assertThat(exchange.request().transport()).isEqualTo("tcp");
			var state = SipDialogState.uas(exchange.request(), "tcp-tag");
			var dialog = exchange.respondWithDialog(SipResponse.of(200, "OK"), state);
			BlockingQueue<Integer> outcomes = new LinkedBlockingQueue<>();
			dialog.notify(List.of(Map.entry("Event", "presence")), "application/pidf+xml",
					"<presence/>".getBytes(StandardCharsets.UTF_8), outcomes::add);
			String stream = readMessages(in, 3);
			assertThat(stream).contains("SIP/2.0 200 OK\r\nVia: SIP/2.0/TCP").contains("branch=z9hG4bK-t1")
				.contains("branch=z9hG4bK-t2").contains("NOTIFY sip:raw@127.0.0.1:" + local + ";transport=tcp SIP/2.0")
				.contains("Contact: <sip:parley@127.0.0.1:" + port + ";transport=tcp>").contains("\r\n\r\n<presence/>");
			String notify = stream.substring(stream.indexOf("NOTIFY"), stream.indexOf("<presence/>"));
			socket.getOutputStream().write(answer(notify, 200).getBytes(StandardCharsets.UTF_8));
			assertThat(outcomes.poll(3, TimeUnit.SECONDS)).isEqualTo(200);
		}
	}

	@Test
	void aTcpRequestLargerThanTheLimitIsAnswered513UnreadAndItsConnectionCloses() throws Exception {
		int port = start(List.of("udp", "tcp"));
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
			socket.setSoTimeout(3000);
			int local = socket.getLocalPort();
			String publish = request("PUBLISH", local, "z9hG4bK-big", "Event: presence\r\n").replace("UDP", "TCP")
				.replace("Content-Length: 0", "Content-Length: 20000000");
			var out = socket.getOutputStream();
			out.write(publish.getBytes(StandardCharsets.UTF_8));
			out.write(new byte[100_000]); // a start of the 20 MB body; the rest never comes
			out.flush();
			String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(answer).startsWith("SIP/2.0 513 Message Too Large\r\n").contains("branch=z9hG4bK-big")
				.contains("CSeq: 1 PUBLISH");
		}
		assertThat(handled.get()).as("never handed to Parley").isZero();
	}

	@Test
	void aNotifyToATcpTargetNobodyListensOnEnds503AtOnceAsATransportError() throws Exception {
		start(List.of("udp", "tcp"));
		int closed;
		try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = s.getLocalPort();
		}
		var state = new SipDialogState("d-3", "ours", "sip:x@parley.local", "theirs", "sip:w@127.0.0.1",
				"sip:w@127.0.0.1:" + closed + ";transport=tcp", List.of(), "tcp", 1);
		BlockingQueue<Integer> outcomes = new LinkedBlockingQueue<>();
		transport.dialog(state).notify(List.of(), null, null, outcomes::add);
		transport.dialog(state).notify(List.of(), null, null, outcomes::add);
		assertThat(outcomes.poll(3, TimeUnit.SECONDS)).isEqualTo(503);
		assertThat(outcomes.poll(3, TimeUnit.SECONDS)).isEqualTo(503);
		assertThat(transport.transactions()[1]).isZero();
	}

	@Test
	void aTakenPortFailsTheStartWithTheAddress() throws Exception {
		try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			var other = new ParleySipTransport("127.0.0.1", taken.getLocalPort(), List.of("tcp"), 1, 1, 65_536);
			org.assertj.core.api.Assertions.assertThatThrownBy(() -> other.start(e -> {
			})).hasMessageContaining("SIP could not listen on 127.0.0.1:" + taken.getLocalPort());
		}
	}

	/** Reads until {@code count} messages (by Content-Length) arrived; returns them as one text. */
	private static String readMessages(InputStream in, int count) throws IOException {
		StringBuilder all = new StringBuilder();
		for (int i = 0; i < count; i++) {
			StringBuilder head = new StringBuilder();
			while (!head.toString().endsWith("\r\n\r\n")) {
				int c = in.read();
				if (c < 0) {
					return all.toString();
				}
				head.append((char) c);
			}
			int length = Integer.parseInt(head.toString().replaceAll("(?s).*Content-Length: (\\d+).*", "$1"));
			all.append(head).append(new String(in.readNBytes(length), StandardCharsets.UTF_8));
		}
		return all.toString();
	}

	private static String answer(String request, int status) {
		StringBuilder b = new StringBuilder("SIP/2.0 " + status + " Whatever\r\n");
		request.lines().filter(l -> l.matches("(?i)(Via|From|To|Call-ID|CSeq):.*")).forEach(l -> b.append(l).append("\r\n"));
		return b.append("Content-Length: 0\r\n\r\n").toString();
	}

	/** A UDP peer on loopback. */
	private static final class Udp implements AutoCloseable {

		private final DatagramSocket socket;

		private final int server;

		Udp(int server) throws IOException {
			this.server = server;
			this.socket = new DatagramSocket(0, InetAddress.getLoopbackAddress());
			this.socket.setSoTimeout(3000);
		}

		int port() {
			return socket.getLocalPort();
		}

		void send(String text) throws IOException {
			byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
			socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), server));
		}

		String receive() throws IOException {
			byte[] buffer = new byte[65_536];
			DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
			try {
				socket.receive(packet);
			}
			catch (SocketTimeoutException e) {
				return null;
			}
			return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.UTF_8);
		}

		String receiveMatching(String text) throws IOException {
			for (String m = receive(); m != null; m = receive()) {
				if (m.contains(text)) {
					return m;
				}
			}
			return null;
		}

		@Override
		public void close() {
			socket.close();
		}
	}
}
