package dev.parley.sip.jain;

import java.util.Properties;

/**
 * The RI's settings: a unique stack name, no automatic dialogs, SLF4J loggers instead of log4j 1, a
 * re-entrant listener on a bounded pool (also for TCP post-parsing), bounded transactions and messages.
 */
final class JainStackProperties {

	/** Asked for Parley's UDP socket buffers (4 MiB); the kernel grants at most net.core.rmem_max / wmem_max. */
	static final int UDP_BUFFER_BYTES = 4 * 1024 * 1024;

	private JainStackProperties() {
	}

	static Properties of(String name, int threads, int maxMessageBytes) {
		Properties p = new Properties();
		p.setProperty("javax.sip.STACK_NAME", name);
		p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
		p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
		p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
		p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
		p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
		p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(threads));
		p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", Integer.toString(threads));
		p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(maxMessageBytes));
		// A fan-out's 200s to NOTIFYs come back in bursts: the default 128 KiB UDP buffer dropped thousands of them
		// (SIP benchmark, 500 watchers). The kernel caps this at net.core.rmem_max / wmem_max.
		p.setProperty("gov.nist.javax.sip.RECEIVE_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
		p.setProperty("gov.nist.javax.sip.SEND_UDP_BUFFER_SIZE", Integer.toString(UDP_BUFFER_BYTES));
		p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "10000");
		p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "10000");
		p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
		p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
		p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
		return p;
	}
}
