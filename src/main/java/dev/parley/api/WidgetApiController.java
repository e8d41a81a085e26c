package dev.parley.api;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.chat.Chat;
import dev.parley.chat.Participant;
import dev.parley.common.RefusedException;
import dev.parley.customer.CustomerManagement;
import dev.parley.routing.Interactions;
import dev.parley.widget.WidgetSession;
import dev.parley.widget.WidgetSessions;
import dev.parley.widget.WidgetVisit;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The embeddable chat widget's endpoints ({@code /widget/v1}), called cross-origin from the pages of the origins
 * in {@code parley.widget.allowed-origins}: open a session from the pre-chat form (201 with the session's token and
 * the interaction), then, with the token in {@code X-Parley-Widget}, read the interaction and its messages after a
 * sequence number, post messages and leave. A token reaches its one chat only; an unknown or expired one is 404.
 * Opening sessions is limited per source address. Not part of the v1 API document (it is the widget's own wire).
 */
@Hidden
@RestController
@RequestMapping("/widget/v1")
class WidgetApiController {

	static final String TOKEN = "X-Parley-Widget";

	record OpenRequest(String name, String email, String topic, String queue) {
	}

	record MessageRequest(String body, String clientId) {
	}

	record SessionView(String token, BrokerViews.InteractionView interaction) {
	}

	private final WidgetSessions sessions;
	private final Interactions interactions;
	private final Chat chat;
	private final CustomerManagement customers;
	private final BrokerViews views;
	private final Map<String, Bucket> bySource = new ConcurrentHashMap<>();

	WidgetApiController(WidgetSessions sessions, Interactions interactions, Chat chat, CustomerManagement customers,
			BrokerViews views) {
		this.sessions = sessions;
		this.interactions = interactions;
		this.chat = chat;
		this.customers = customers;
		this.views = views;
	}

	@PostMapping("/sessions")
	ResponseEntity<SessionView> open(@RequestBody(required = false) OpenRequest request, HttpServletRequest http,
			@RequestHeader(name = "Origin", required = false) String origin) {
		throttle(http.getRemoteAddr());
		OpenRequest r = request == null ? new OpenRequest(null, null, null, null) : request;
		WidgetSession session = sessions.open(new WidgetVisit(r.name(), r.email(), r.topic(), r.queue(), origin));
		var seen = interactions.get(session.customer(), session.interaction());
		return ResponseEntity.created(URI.create("/widget/v1/interaction"))
			.body(new SessionView(session.token(), views.forCustomer(seen.interaction(), seen.position())));
	}

	@GetMapping("/interaction")
	BrokerViews.InteractionView interaction(@RequestHeader(name = TOKEN, required = false) String token) {
		WidgetSession s = sessions.find(token);
		var seen = interactions.get(s.customer(), s.interaction());
		return views.forCustomer(seen.interaction(), seen.position());
	}

	@GetMapping("/messages")
	List<BrokerViews.MessageView> messages(@RequestHeader(name = TOKEN, required = false) String token,
			@RequestParam(defaultValue = "0") long after) {
		WidgetSession s = sessions.find(token);
		return chat.messages(visitor(s), s.interaction(), after).stream().map(views::message).toList();
	}

	@PostMapping("/messages")
	ResponseEntity<BrokerViews.MessageView> post(@RequestHeader(name = TOKEN, required = false) String token,
			@RequestBody(required = false) MessageRequest request) {
		WidgetSession s = sessions.find(token);
		var m = chat.post(visitor(s), s.interaction(), request == null ? null : request.body(),
				request == null ? null : request.clientId());
		return ResponseEntity.status(201).body(views.message(m));
	}

	@PostMapping("/leave")
	BrokerViews.InteractionView leave(@RequestHeader(name = TOKEN, required = false) String token) {
		WidgetSession s = sessions.find(token);
		var seen = interactions.leave(s.customer(), s.interaction());
		return views.forCustomer(seen.interaction(), seen.position());
	}

	private Participant visitor(WidgetSession s) {
		return Participant.customer(s.customer().value(),
				customers.profile(s.customer()).demographics().name());
	}

	/** At most 10 sessions a minute from one address (a bounded map: a flood of addresses starts afresh). */
	private void throttle(String source) {
		Bucket bucket = bySource.computeIfAbsent(source == null ? "?" : source, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(10).refillGreedy(10, Duration.ofMinutes(1)).build()).build());
		var probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new RefusedException(RefusedException.Kind.TOO_MANY_REQUESTS, "rate-limited",
					"Too many chats started from here; wait a minute",
					Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
		}
		if (bySource.size() > 50_000) {
			bySource.clear();
		}
	}
}
