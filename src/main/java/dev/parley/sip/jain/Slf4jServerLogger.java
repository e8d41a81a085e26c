package dev.parley.sip.jain;

import java.util.Properties;

import javax.sip.SipStack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.core.ServerLogger;
import gov.nist.javax.sip.message.SIPMessage;

/**
 * The RI's message logger ({@code gov.nist.javax.sip.SERVER_LOGGER}) on SLF4J: each SIP message at TRACE
 * level of {@code dev.parley.sip.wire}, nothing otherwise (bodies may hold presence information).
 */
public class Slf4jServerLogger implements ServerLogger {

	private static final Logger wire = LoggerFactory.getLogger("dev.parley.sip.wire");

	@Override
	public void closeLogFile() {
	}

	@Override
	public void logMessage(SIPMessage message, String from, String to, boolean sender, long time) {
		log(message, from, to, sender);
	}

	@Override
	public void logMessage(SIPMessage message, String from, String to, String status, boolean sender, long time) {
		log(message, from, to, sender);
	}

	@Override
	public void logMessage(SIPMessage message, String from, String to, String status, boolean sender) {
		log(message, from, to, sender);
	}

	private static void log(SIPMessage message, String from, String to, boolean sender) {
		if (wire.isTraceEnabled()) {
			wire.trace("{} {} -> {}\n{}", sender ? "sent" : "received", from, to, message);
		}
	}

	@Override
	public void logException(Exception ex) {
		wire.debug("SIP message exception", ex);
	}

	@Override
	public void setStackProperties(Properties stackProperties) {
	}

	@Override
	public void setSipStack(SipStack sipStack) {
	}
}
