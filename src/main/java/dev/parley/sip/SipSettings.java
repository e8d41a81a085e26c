package dev.parley.sip;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.parley.identity.DigestAlgorithm;

/**
 * Settings of the SIP SIMPLE adapter ({@code parley.sip.*}). {@code parley.sip.domain}, the host part of every
 * presentity URI, is read by the PIDF module's {@code PresentityUris}: the API writes those URIs too.
 *
 * @param enabled whether Parley listens for SIP at all
 * @param address the local address to bind (loopback by default)
 * @param port the port for every transport
 * @param transports {@code udp} and/or {@code tcp}
 * @param realm the digest realm; must be the identity module's ({@code parley.identity.digest-realm}), for
 *        which the HA1 values are stored
 * @param nonceLifetime how long a digest nonce is good; an older one gets {@code stale=true}
 * @param maxBodyBytes larger bodies are refused with 413
 * @param notifyInterval the least time between two NOTIFYs of one subscription (RFC 3856 s6.4 asks 5 s);
 *        changes inside it coalesce, the last state wins. Parley's only notification rate limit: the presence
 *        service hands every change on at once
 * @param requestsPerSecond requests one source address may send per second (with a burst of twice that)
 *        before it gets 503 with Retry-After
 * @param digestAlgorithms the digest algorithms a 401 offers, one challenge each, most preferred first (RFC 8760
 *        s2.4). Default MD5 alone: libre-based softphones (baresip) give up on a 401 holding any challenge they cannot
 *        answer, and clients that read only the topmost challenge (sipp) need theirs first; list SHA-256 to offer it
 * @param threads the stack's and the handler's thread pool sizes (bounded, never unlimited)
 * @param queue requests waiting for a handler thread; past it: 503
 * @param terminateOnShutdown whether a graceful shutdown tells every subscriber {@code terminated;reason=deactivated}
 *        (and forgets the subscriptions); by default they stay stored and carry on after the restart
 */
@ConfigurationProperties("parley.sip")
public record SipSettings(Boolean enabled, String address, Integer port, List<String> transports, String realm,
		Duration nonceLifetime, Integer maxBodyBytes, Duration notifyInterval, Integer requestsPerSecond,
		List<String> digestAlgorithms, Integer threads, Integer queue, Boolean terminateOnShutdown) {

	public SipSettings {
		enabled = enabled == null || enabled;
		address = address == null || address.isBlank() ? "127.0.0.1" : address.trim();
		port = port == null ? 5060 : port;
		transports = transports == null || transports.isEmpty() ? List.of("udp", "tcp")
				: transports.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).distinct().toList();
		nonceLifetime = nonceLifetime == null ? Duration.ofMinutes(5) : nonceLifetime;
		maxBodyBytes = maxBodyBytes == null ? 16 * 1024 : maxBodyBytes;
		notifyInterval = notifyInterval == null ? Duration.ofSeconds(5) : notifyInterval;
		requestsPerSecond = requestsPerSecond == null ? 50 : requestsPerSecond;
		digestAlgorithms = digestAlgorithms == null || digestAlgorithms.isEmpty() ? List.of("MD5")
				: digestAlgorithms.stream().map(a -> a.trim().toUpperCase(Locale.ROOT)).distinct().toList();
		threads = threads == null ? 4 : Math.max(1, threads);
		queue = queue == null ? 1000 : Math.max(1, queue);
		terminateOnShutdown = terminateOnShutdown != null && terminateOnShutdown;
		for (String t : transports) {
			if (!t.equals("udp") && !t.equals("tcp")) {
				throw new IllegalArgumentException("parley.sip.transports: only udp and tcp are supported, not " + t);
			}
		}
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("parley.sip.port must be 0 to 65535");
		}
	}

	public static SipSettings defaults() {
		return new SipSettings(null, null, null, null, null, null, null, null, null, null, null, null, null);
	}

	public SipSettings withRealm(String value) {
		return new SipSettings(enabled, address, port, transports, value, nonceLifetime, maxBodyBytes,
				notifyInterval, requestsPerSecond, digestAlgorithms, threads, queue, terminateOnShutdown);
	}

	public SipSettings withNotifyInterval(Duration value) {
		return new SipSettings(enabled, address, port, transports, realm, nonceLifetime, maxBodyBytes,
				value, requestsPerSecond, digestAlgorithms, threads, queue, terminateOnShutdown);
	}

	public SipSettings withDigestAlgorithms(List<String> value) {
		return new SipSettings(enabled, address, port, transports, realm, nonceLifetime, maxBodyBytes, notifyInterval,
				requestsPerSecond, value, threads, queue, terminateOnShutdown);
	}

	/** The digest algorithms to offer, in order; an unknown name stops the start. */
	public List<DigestAlgorithm> algorithms() {
		return digestAlgorithms.stream().map(a -> DigestAlgorithm.ofToken(a).orElseThrow(
				() -> new IllegalStateException("parley.sip.digest-algorithms: unknown " + a))).toList();
	}

	public SipSettings withRequestsPerSecond(int value) {
		return new SipSettings(enabled, address, port, transports, realm, nonceLifetime, maxBodyBytes,
				notifyInterval, value, digestAlgorithms, threads, queue, terminateOnShutdown);
	}
}
