package dev.parley.sip.jain;

import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.core.StackLogger;

/**
 * The JAIN SIP RI's stack logger on SLF4J, so the RI never reaches for its default log4j 1 logger
 * ({@code gov.nist.core.LogWriter}): Parley does not ship log4j 1. Set as {@code gov.nist.javax.sip.STACK_LOGGER}
 * and as {@code CommonLogger.legacyLogger} before the stack is made.
 */
public class Slf4jStackLogger implements StackLogger {

	private static final Logger log = LoggerFactory.getLogger("gov.nist.javax.sip");

	@Override
	public void logStackTrace() {
		if (log.isTraceEnabled()) {
			log.trace("stack trace", new Throwable());
		}
	}

	@Override
	public void logStackTrace(int traceLevel) {
		logStackTrace();
	}

	@Override
	public int getLineCount() {
		return 0;
	}

	@Override
	public void logException(Throwable ex) {
		log.warn("SIP stack exception", ex);
	}

	@Override
	public void logDebug(String message) {
		log.debug(message);
	}

	@Override
	public void logDebug(String message, Exception ex) {
		log.debug(message, ex);
	}

	@Override
	public void logTrace(String message) {
		log.trace(message);
	}

	@Override
	public void logFatalError(String message) {
		log.error(message);
	}

	@Override
	public void logError(String message) {
		log.error(message);
	}

	@Override
	public boolean isLoggingEnabled() {
		return log.isInfoEnabled();
	}

	@Override
	public boolean isLoggingEnabled(int level) {
		if (level >= TRACE_TRACE) {
			return log.isTraceEnabled();
		}
		if (level >= TRACE_DEBUG) {
			return log.isDebugEnabled();
		}
		if (level >= TRACE_INFO) {
			return log.isDebugEnabled(); // the RI's INFO is per message (every datagram's source): our DEBUG
		}
		return level > TRACE_NONE && (level >= TRACE_WARN ? log.isWarnEnabled() : log.isErrorEnabled());
	}

	@Override
	public void logError(String message, Exception ex) {
		log.error(message, ex);
	}

	@Override
	public void logWarning(String message) {
		log.warn(message);
	}

	@Override
	public void logInfo(String message) {
		log.debug(message);
	}

	@Override
	public void disableLogging() {
	}

	@Override
	public void enableLogging() {
	}

	@Override
	public void setBuildTimeStamp(String buildTimeStamp) {
	}

	@Override
	public void setStackProperties(Properties stackProperties) {
	}

	@Override
	public String getLoggerName() {
		return log.getName();
	}
}
