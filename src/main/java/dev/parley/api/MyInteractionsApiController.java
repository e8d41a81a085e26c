package dev.parley.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.catalog.ProductId;
import dev.parley.chat.Chat;
import dev.parley.chat.Participant;
import dev.parley.chat.Receipts;
import dev.parley.common.InvalidInputException;
import dev.parley.routing.InteractionId;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.security.ParleyUser;

/**
 * The signed-in customer's contacts with the center: start one (chat now; the medium decides), see where it
 * stands and the place in the queue, chat, and leave. Another customer's interaction answers as unknown (404).
 */
@RestController
@RequestMapping("/api/v1/me/interactions")
class MyInteractionsApiController {

	record StartRequest(String medium, UUID product, String queue, String topic) {
	}

	record MessageRequest(String body, String clientId) {
	}

	record ReadRequest(Long upTo) {
	}

	private final Interactions interactions;
	private final Chat chat;
	private final BrokerViews views;

	MyInteractionsApiController(Interactions interactions, Chat chat, BrokerViews views) {
		this.interactions = interactions;
		this.chat = chat;
		this.views = views;
	}

	@PostMapping
	ResponseEntity<BrokerViews.InteractionView> start(@AuthenticationPrincipal ParleyUser user,
			@RequestBody(required = false) StartRequest request) {
		StartRequest r = request == null ? new StartRequest(null, null, null, null) : request;
		var started = interactions.start(user.customerId(), new NewContact(BrokerViews.medium(r.medium(), "medium"),
				r.product() == null ? null : new ProductId(r.product()), r.queue(), r.topic()));
		var view = views.forCustomer(started.interaction(), started.position());
		return ResponseEntity.created(URI.create("/api/v1/me/interactions/" + view.id())).body(view);
	}

	@GetMapping
	List<BrokerViews.InteractionView> list(@AuthenticationPrincipal ParleyUser user) {
		return interactions.mine(user.customerId()).stream()
			.map(s -> views.forCustomer(s.interaction(), s.position())).toList();
	}

	@GetMapping("/{id}")
	BrokerViews.InteractionView read(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		var seen = interactions.get(user.customerId(), InteractionId.parse(id));
		return views.forCustomer(seen.interaction(), seen.position());
	}

	@PostMapping("/{id}/leave")
	BrokerViews.InteractionView leave(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		var seen = interactions.leave(user.customerId(), InteractionId.parse(id));
		return views.forCustomer(seen.interaction(), seen.position());
	}

	@GetMapping("/{id}/messages")
	List<BrokerViews.MessageView> messages(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestParam(defaultValue = "0") long after) {
		return chat.messages(me(user), InteractionId.parse(id), after).stream().map(views::message).toList();
	}

	@PostMapping("/{id}/messages")
	ResponseEntity<BrokerViews.MessageView> post(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestBody(required = false) MessageRequest request) {
		var m = chat.post(me(user), InteractionId.parse(id), request == null ? null : request.body(),
				request == null ? null : request.clientId());
		return ResponseEntity.status(201).body(views.message(m));
	}

	@PostMapping("/{id}/read")
	Receipts read(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestBody(required = false) ReadRequest request) {
		return chat.read(me(user), InteractionId.parse(id), upTo(request));
	}

	@PostMapping("/{id}/typing")
	ResponseEntity<Void> typing(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		chat.typing(me(user), InteractionId.parse(id));
		return ResponseEntity.noContent().build();
	}

	/** The conversation as a plain-text file. */
	@GetMapping("/{id}/transcript")
	ResponseEntity<String> transcript(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		var seen = interactions.get(user.customerId(), InteractionId.parse(id));
		chat.receipts(me(user), seen.interaction().id());
		String text = chat.transcript(seen.interaction().id());
		return ResponseEntity.ok()
			.header("Content-Disposition", "attachment; filename=\"chat-" + seen.interaction().id() + ".txt\"")
			.contentType(new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8))
			.body(text == null ? "" : text + "\n");
	}

	private Participant me(ParleyUser user) {
		return Participant.customer(user.id(), user.displayName());
	}

	static long upTo(ReadRequest request) {
		if (request == null || request.upTo() == null) {
			throw InvalidInputException.of("upTo", "required", "must be a message's sequence number");
		}
		return request.upTo();
	}
}
