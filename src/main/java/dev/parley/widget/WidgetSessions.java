package dev.parley.widget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.NotFoundException;
import dev.parley.common.Violations;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Registration;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.widget.internal.WidgetSessionStore;

/**
 * Opens and finds widget sessions. Opening finds the customer by the e-mail address given (or opens a customer
 * record with it: a generated username and an unusable random password; they can register properly later and
 * an administrator can merge), starts a chat whose topic says it came through the widget with an unverified
 * e-mail, and keeps only the token's hash; all in one transaction, so a refusal (closed queue) leaves nothing.
 */
@Service
public class WidgetSessions {

	public static final String UNVERIFIED = "[web widget, e-mail not verified]";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final CustomerManagement customers;
	private final Interactions interactions;
	private final WidgetSessionStore store;
	private final Duration lifetime;
	private final Clock clock;

	WidgetSessions(CustomerManagement customers, Interactions interactions, WidgetSessionStore store,
			@Value("${parley.widget.session-lifetime:12h}") Duration lifetime, Optional<Clock> clock) {
		this.customers = customers;
		this.interactions = interactions;
		this.store = store;
		this.lifetime = lifetime;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	@Transactional
	public WidgetSession open(WidgetVisit visit) {
		String name = visit.name() == null ? null : visit.name().strip();
		String email = visit.email() == null ? null : visit.email().strip();
		String topic = visit.topic() == null || visit.topic().isBlank() ? null : visit.topic().strip();
		new Violations().required(name, "name").text(name, 120, "name")
			.check(email == null || email.isEmpty(), "email", "required", "must not be blank")
			.check(email != null && !email.isEmpty() && !CustomerManagement.isEmailAddress(email), "email", "invalid",
					"must be an email address like alice@example.com")
			.text(topic, 150, "topic").throwIfAny();
		CustomerId customer = customers.findByEmail(email).orElseGet(() -> customers.openVisitorRecord(new Registration(
				"visitor-" + UUID.randomUUID().toString().substring(0, 12), name, email, randomSecret(), null)).id());
		String label = UNVERIFIED + (topic == null ? "" : " " + topic);
		var started = interactions.start(customer, new NewContact(Medium.CHAT, null,
				visit.queue() == null || visit.queue().isBlank() ? null : visit.queue().strip(), label));
		String token = "pw_" + randomSecret();
		Instant now = clock.instant();
		store.deleteExpired(now); // expired sessions go as new ones come (indexed by expiry)
		var session = new WidgetSession(token, customer, started.interaction().id(), now.plus(lifetime));
		store.insert(hash(token), session, visit.origin(), now);
		return session;
	}

	/** The session a token opens; unknown and expired tokens are the same "not found". */
	@Transactional(readOnly = true)
	public WidgetSession find(String token) {
		if (token == null || token.isBlank() || token.length() > 100) {
			throw new NotFoundException("widget session");
		}
		return store.find(hash(token.strip()), clock.instant()).orElseThrow(() -> new NotFoundException("widget session"));
	}

	private static String randomSecret() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static String hash(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
