package dev.parley.sip.jain;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.ListeningPoint;
import javax.sip.SipProvider;
import javax.sip.address.AddressFactory;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.core.CommonLogger;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.address.AddressFactoryImpl;
import gov.nist.javax.sip.header.HeaderFactoryImpl;
import gov.nist.javax.sip.message.MessageFactoryImpl;

import dev.parley.sip.SipDialog;
import dev.parley.sip.SipDialogState;
import dev.parley.sip.SipTransport;

/**
 * {@link SipTransport} on the JAIN SIP reference implementation (javax.sip:jain-sip-ri). The stack's listener
 * runs re-entrantly on a bounded pool and never blocks: it opens the server transaction and hands the request
 * to Parley's own bounded pool (full: 503 at once). No automatic dialogs: only an accepted SUBSCRIBE makes one.
 */
public final class JainSipTransport implements SipTransport {

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

	private JainListener listener;

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
		CommonLogger.legacyLogger = new Slf4jStackLogger();
		pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(queue),
				named("sip-handler"));
		listener = new JainListener(this, requestHandler, pool);
		try {
			stack = new SipStackImpl(JainStackProperties.of("parley-" + STACKS.incrementAndGet() + "-" + port, threads,
					maxMessageBytes));
			for (String t : transports) {
				ListeningPoint lp = stack.createListeningPoint(address, port, t);
				if (provider == null) {
					provider = stack.createSipProvider(lp);
				}
				else {
					provider.addListeningPoint(lp);
				}
			}
			provider.addSipListener(listener);
			stack.start();
		}
		catch (Exception e) {
			stop(Duration.ofSeconds(2));
			throw new IllegalStateException("SIP could not listen on " + address + ":" + port + " " + transports, e);
		}
		log.info("SIP listening on {}:{} over {}", address, port, transports);
	}

	@Override
	public void stop(Duration timeout) {
		SipStackImpl s;
		synchronized (this) {
			s = stack;
			stack = null;
			if (provider != null) {
				provider.removeSipListener(listener);
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
	public SipDialog dialog(SipDialogState state) {
		return new JainDialog(this, state);
	}

	SipProvider provider() {
		SipProvider p = provider;
		if (p == null) {
			throw new IllegalStateException("SIP transport not started");
		}
		return p;
	}

	AddressFactory addresses() {
		return addresses;
	}

	String address() {
		return address;
	}

	int port() {
		return port;
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
