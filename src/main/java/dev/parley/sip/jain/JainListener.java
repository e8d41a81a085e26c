package dev.parley.sip.jain;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.IntConsumer;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.parley.sip.SipResponse;
import dev.parley.sip.SipTransport.SipRequestHandler;

/**
 * The stack's listener, called re-entrantly from its threads: never blocks. A request gets its server
 * transaction here and goes to Parley's bounded pool (full: 503); a NOTIFY's final answer or timeout goes to
 * the callback the dialog attached to its client transaction, on the same pool.
 */
final class JainListener implements SipListener {

	private static final Logger log = LoggerFactory.getLogger(JainListener.class);

	private final JainSipTransport transport;

	private final SipRequestHandler handler;

	private final ExecutorService pool;

	JainListener(JainSipTransport transport, SipRequestHandler handler, ExecutorService pool) {
		this.transport = transport;
		this.handler = handler;
		this.pool = pool;
	}

	@Override
	public void processRequest(RequestEvent event) {
		Request req = event.getRequest();
		if (Request.ACK.equals(req.getMethod())) {
			return;
		}
		SipProvider p = (SipProvider) event.getSource();
		ServerTransaction st = event.getServerTransaction();
		try {
			if (st == null) {
				st = p.getNewServerTransaction(req);
			}
		}
		catch (Exception e) {
			return; // a retransmission the stack already holds a transaction for, or a broken request
		}
		String via = ((javax.sip.header.ViaHeader) req.getHeader("Via")).getTransport().toLowerCase(java.util.Locale.ROOT);
		JainExchange exchange = new JainExchange(transport, st, req, JainMessages.toRequest(req, via));
		try {
			pool.execute(() -> handle(exchange));
		}
		catch (RejectedExecutionException e) {
			exchange.respond(SipResponse.of(503, "Service Unavailable").with("Retry-After", "5"));
		}
	}

	private void handle(JainExchange exchange) {
		try {
			handler.handle(exchange);
		}
		catch (RuntimeException e) {
			log.warn("SIP {} failed", exchange.request().method(), e);
			exchange.respond(SipResponse.of(500, "Server Internal Error"));
		}
	}

	@Override
	public void processResponse(ResponseEvent event) {
		Response r = event.getResponse();
		if (r.getStatusCode() >= 200 && event.getClientTransaction() != null) {
			complete(event.getClientTransaction().getApplicationData(), r.getStatusCode());
		}
	}

	@Override
	public void processTimeout(TimeoutEvent event) {
		if (!event.isServerTransaction() && event.getClientTransaction() != null) {
			complete(event.getClientTransaction().getApplicationData(), 408);
		}
	}

	private void complete(Object callback, int status) {
		if (callback instanceof IntConsumer c) {
			try {
				pool.execute(() -> c.accept(status));
			}
			catch (RejectedExecutionException e) {
				log.debug("NOTIFY outcome {} dropped: pool full or stopped", status);
			}
		}
	}

	@Override
	public void processIOException(IOExceptionEvent event) {
		log.debug("SIP I/O error with {}:{}", event.getHost(), event.getPort());
	}

	@Override
	public void processTransactionTerminated(TransactionTerminatedEvent event) {
	}

	@Override
	public void processDialogTerminated(DialogTerminatedEvent event) {
	}
}
