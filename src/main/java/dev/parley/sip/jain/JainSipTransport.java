package dev.parley.sip.jain;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;

import dev.parley.sip.SipResponse;
import dev.parley.sip.SipTransport;

/**
 * {@link SipTransport} on the JAIN SIP reference implementation (javax.sip:jain-sip-ri). The stack's listener
 * runs re-entrantly on a bounded pool and never blocks: it opens the server transaction and hands the request
 * to Parley's own bounded pool (full: 503 at once). No automatic dialogs: only an accepted SUBSCRIBE makes one.
 */
public final class JainSipTransport implements SipTransport, SipListener {

	private static final Logger log = LoggerFactory.getLogger(JainSipTransport.class);

	private static final AtomicInteger STACKS = new AtomicInteger();

	private final String address;

	private final int port;

	private final List<String> transports;

	private final int threads;

	private final int queue;

	private final int maxMessageBytes;

	private final HeaderFactory headers = new HeaderFactoryImpl();

	private final MessageFactory messages = new MessageFactoryImpl();

	private final AddressFactory addresses = new AddressFactoryImpl();

	private SipStackImpl stack;

	private SipProvider provider;

	private ThreadPoolExecutor pool;

	private SipRequestHandler handler;

	public JainSipTransport(String address, int port, List<String> transports, int threads, int queue,
			int maxMessageBytes) {
		this.address = address;
		this.port = port;
		this.transports = List.copyOf(transports);
		this.threads = threads;
		this.queue = queue;
		this.maxMessageBytes = maxMessageBytes;
	}

	@Override
	public synchronized void start(SipRequestHandler requestHandler) {
		this.handler = requestHandler;
		CommonLogger.legacyLogger = new Slf4jStackLogger();
		pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
				named("sip-handler"));
		try {
			stack = new SipStackImpl(properties());
			for (String t : transports) {
				ListeningPoint lp = stack.createListeningPoint(address, port, t);
				if (provider == null) {
					provider = stack.createSipProvider(lp);
				}
				else {
					provider.addListeningPoint(lp);
				}
			}
			provider.addSipListener(this);
			stack.start();
		}
		catch (Exception e) {
			stop(Duration.ofSeconds(2));
			throw new IllegalStateException("SIP could not listen on " + address + ":" + port + " " + transports, e);
		}
		log.info("SIP listening on {}:{} over {}", address, port, transports);
	}

	private Properties properties() {
		Properties p = new Properties();
		p.setProperty("javax.sip.STACK_NAME", "parley-" + STACKS.incrementAndGet() + "-" + port);
		p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
		p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
		p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
		p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
		p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
		p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(threads));
		p.setProperty("gov.nist.javax.sip.TCP_POST_PARSING_THREAD_POOL_SIZE", Integer.toString(threads));
		p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(maxMessageBytes));
		p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "10000");
		p.setProperty("gov.nist.javax.sip.MAX_CLIENT_TRANSACTIONS", "10000");
		p.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
		p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
		p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
		return p;
	}

	@Override
	public void stop(Duration timeout) {
		SipStackImpl s;
		synchronized (this) {
			s = stack;
			stack = null;
			if (provider != null) {
				provider.removeSipListener(this);
			}
			provider = null;
			if (pool != null) {
				pool.shutdownNow();
			}
		}
		if (s == null) {
			return;
		}
		// The RI's stop can hang in its event scanner (RestComm/jain-sip#198): bound it.
		Thread stopper = new Thread(s::stop, "sip-stop");
		stopper.setDaemon(true);
		stopper.start();
		try {
			stopper.join(timeout.toMillis());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		if (stopper.isAlive()) {
			log.warn("SIP stack did not stop within {}", timeout);
		}
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
		String transport = ((javax.sip.header.ViaHeader) req.getHeader("Via")).getTransport().toLowerCase();
		JainExchange exchange = new JainExchange(this, st, req, JainMessages.toRequest(req, transport));
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

	SipProvider provider() {
		return provider;
	}

	HeaderFactory headers() {
		return headers;
	}

	MessageFactory messages() {
		return messages;
	}

	ContactHeader contact(String transport) throws java.text.ParseException {
		var uri = addresses.createSipURI("parley", address);
		uri.setPort(port);
		uri.setTransportParam(transport);
		return headers.createContactHeader(addresses.createAddress(uri));
	}

	private static java.util.concurrent.ThreadFactory named(String prefix) {
		AtomicInteger n = new AtomicInteger();
		return r -> {
			Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		};
	}
}
