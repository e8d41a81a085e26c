package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.sip.jain.JainSipTransport;

/** The JAIN SIP stack behind Parley's port: runs without log4j 1, answers, stops in bounded time. */
class JainSipTransportTests {

	@Test
	void log4jOneIsNotOnTheClasspath() {
		assertThatThrownBy(() -> Class.forName("org.apache.log4j.Logger")).isInstanceOf(ClassNotFoundException.class);
	}

	@Test
	void answersOverUdpWithoutLog4jAndStopsInBoundedTime() {
		int port = Sipp.freePort();
		var transport = new JainSipTransport("127.0.0.1", port, List.of("udp", "tcp"), 2, 10, 65_536);
		transport.start(exchange -> exchange.respond(SipResponse.of(200, "OK").with("Allow-Events", "presence, presence.winfo")));
		try (RawSip sip = new RawSip(port)) {
			sip.send(sip.request("OPTIONS", "x", 1, "jain-1", "", null));
			String answer = sip.receive();
			assertThat(answer).startsWith("SIP/2.0 200 OK").contains("Allow-Events: presence");
		}
		finally {
			long start = System.nanoTime();
			transport.stop(Duration.ofSeconds(5));
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(6));
		}
	}
}
