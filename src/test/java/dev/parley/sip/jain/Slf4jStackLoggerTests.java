package dev.parley.sip.jain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import gov.nist.core.StackLogger;

class Slf4jStackLoggerTests {

	private final Logger ri = (Logger) LoggerFactory.getLogger("gov.nist.javax.sip");

	private final Level before = ri.getLevel();

	@AfterEach
	void restore() {
		ri.setLevel(before);
	}

	@Test
	void theStacksPerMessageInfoLinesAreDebugSoAnInfoLogStaysQuietUnderLoad() {
		ri.setLevel(Level.INFO);
		var logger = new Slf4jStackLogger();
		assertThat(logger.isLoggingEnabled(StackLogger.TRACE_INFO)).isFalse();
		assertThat(logger.isLoggingEnabled(StackLogger.TRACE_WARN)).isTrue();
		assertThat(logger.isLoggingEnabled(StackLogger.TRACE_ERROR)).isTrue();
		ri.setLevel(Level.DEBUG);
		assertThat(logger.isLoggingEnabled(StackLogger.TRACE_INFO)).isTrue();
	}
}
