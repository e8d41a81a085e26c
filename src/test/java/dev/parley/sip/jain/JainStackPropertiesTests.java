package dev.parley.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JainStackPropertiesTests {

	@Test
	void asksForFourMebibyteUdpBuffersSoAFanOutsBurstOfAnswersIsNotDropped() {
		var p = JainStackProperties.of("t", 2, 65_536);
		assertThat(p.getProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE")).isEqualTo("4194304");
		assertThat(p.getProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE")).isEqualTo("4194304");
	}
}
