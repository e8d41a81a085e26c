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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The signed-in customer's contacts with the center: start one (chat now; the medium decides), see where it
 * stands and the place in the queue, chat, and leave. Another customer's interaction answers as unknown (404).
 */
@RestController
@RequestMapping("/api/v1/me/interactions")
@Tag(name = "Interactions", description = "The customer's live contacts with the center: start one, wait with a "
		+ "place in the queue and an estimated wait, chat with the agent, leave.")
class MyInteractionsApiController {

	record StartRequest(String medium, UUID product, String queue, String topic) {
	}

	record MessageRequest(String body, String clientId) {
	}

	record ReadRequest(Long upTo) {
	}

	static final String ID = "The interaction's id. Anything that is not an id of the caller's interactions "
			+ "answers 404.";

	static final String ID_EXAMPLE = "0f6b8a52-3c1e-4d8e-9a57-2b1c9e4f7d30";

	private static final String NOT_FOUND = "No such interaction of the caller: an unknown id and another "
			+ "customer's interaction answer exactly the same.";

	private static final String NO_CHAT = "No such chat of the caller: an unknown id, another customer's "
			+ "interaction and one that is not a chat answer exactly the same.";

	static final String AFTER = "Only messages after this sequence number (0, the default: from the first). "
			+ "At most 200 come at once: ask again after the last one.";

	static final String MESSAGE_RULES = """
			`body` (required, not blank, at most 4000 characters; stored as sent, so render it as text) and an \
			optional `clientId` (at most 64 characters): a client that sends a message again after a cut, with \
			the same `clientId`, gets the stored message back instead of a second copy. The message is stored \
			with its sequence number (`seq`) before the answer, and the other side gets it over the live channel.""";

	static final String MESSAGE_INVALID = "`body` is blank or `clientId` is longer than 64 characters.";

	static final String RECEIPT_RULES = """
			Read implies received. A receipt never goes back nor past the last message: an `upTo` lower than \
			before, or beyond `lastSeq`, changes nothing. Answers how far each side has received \
			(`customerDelivered`, `agentDelivered`) and read (`customerRead`, `agentRead`).""";

	static final String READ_INVALID = "`upTo` is missing or less than 1.";

	private final Interactions interactions;
	private final Chat chat;
	private final BrokerViews views;

	MyInteractionsApiController(Interactions interactions, Chat chat, BrokerViews views) {
		this.interactions = interactions;
		this.chat = chat;
		this.views = views;
	}

	@PostMapping
	@Operation(operationId = "startMyInteraction", summary = "Start a contact with the center", description = """
			Starts a contact on a `medium` (chat, voice, email or video; required), about a `product` of the \
			catalog and a `topic` (at most 200 characters), both optional. The queue is the one named by \
			`queue`, else the queue of the product's category that takes the medium, else one for the \
			caller's strongest interests, else the default queue. The contact is stored and queued before the \
			answer: 201 with its `id`, its `state` (`queued`), its place in the queue (`position`, 1 is next) \
			and, when agents serve the queue, the `estimatedWaitSeconds`. A customer has at most 3 contacts \
			open at once.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "chat", summary = "a chat about a product",
							value = ApiExamples.START))))
	@ApiResponse(responseCode = "201", description = "The contact is queued; `Location` names it.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "queued",
					summary = "second in line", value = ApiExamples.MY_INTERACTION_QUEUED)))
	@ProblemAnswers(invalid = "`medium` is missing or not one of chat, voice, email, video; `product` or "
			+ "`queue` names none; `topic` is longer than 200 characters.",
			conflicts = ProblemAnswers.Conflict.TOO_MANY_OPEN, refusals = { ProblemAnswers.Refusal.MEDIUM_NOT_SERVED,
					ProblemAnswers.Refusal.QUEUE_CLOSED, ProblemAnswers.Refusal.NO_QUEUE })
	ResponseEntity<BrokerViews.InteractionView> start(@AuthenticationPrincipal ParleyUser user,
			@RequestBody(required = false) StartRequest request) {
		StartRequest r = request == null ? new StartRequest(null, null, null, null) : request;
		var started = interactions.start(user.customerId(), new NewContact(BrokerViews.medium(r.medium(), "medium"),
				r.product() == null ? null : new ProductId(r.product()), r.queue(), r.topic()));
		var view = views.forCustomer(started.interaction(), started.position());
		return ResponseEntity.created(URI.create("/api/v1/me/interactions/" + view.id())).body(view);
	}

	@GetMapping
	@Operation(operationId = "listMyLiveInteractions", summary = "List your contacts", description = """
			The caller's 50 newest contacts, newest first, open and over: state, medium, queue, product, \
			topic, the agent once one took it, the place in the queue and estimated wait while it waits, and \
			its times. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The contacts.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "contacts", summary = "a chat now and one that is over",
					value = ApiExamples.MY_INTERACTIONS)))
	List<BrokerViews.InteractionView> list(@AuthenticationPrincipal ParleyUser user) {
		return interactions.mine(user.customerId()).stream()
			.map(s -> views.forCustomer(s.interaction(), s.position())).toList();
	}

	@GetMapping("/{id}")
	@Operation(operationId = "getMyLiveInteraction", summary = "Read one of your contacts", description = """
			One contact of the caller as it stands now: its `state` (queued, offered, connected, wrap-up, \
			closed or abandoned), the place in the queue (`position`, 1 is next; 0 once it does not wait) and \
			the `estimatedWaitSeconds` while it waits, the agent's name once one took it, and its times. \
			Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The contact.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "connected", summary = "a chat with an agent",
					value = ApiExamples.MY_INTERACTION_CONNECTED)))
	@ProblemAnswers(notFound = NOT_FOUND, subject = "interaction")
	BrokerViews.InteractionView read(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = ID_EXAMPLE) @PathVariable String id) {
		var seen = interactions.get(user.customerId(), InteractionId.parse(id));
		return views.forCustomer(seen.interaction(), seen.position());
	}

	@PostMapping("/{id}/leave")
	@Operation(operationId = "leaveMyInteraction", summary = "Leave one of your contacts", description = """
			The caller leaves: a contact that still waits is abandoned (an open offer to an agent is \
			withdrawn), a connected one ends and its agent wraps it up. Leaving one that is over already \
			changes nothing. Answers the contact as it is now.""")
	@ApiResponse(responseCode = "200", description = "The contact after leaving.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "abandoned", summary = "left while waiting",
					value = ApiExamples.MY_INTERACTION_LEFT)))
	@ProblemAnswers(notFound = NOT_FOUND, subject = "interaction")
	BrokerViews.InteractionView leave(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = ID_EXAMPLE) @PathVariable String id) {
		var seen = interactions.leave(user.customerId(), InteractionId.parse(id));
		return views.forCustomer(seen.interaction(), seen.position());
	}

	@GetMapping("/{id}/messages")
	@Operation(operationId = "listMyChatMessages", summary = "Read the messages of your chat", description = """
			The chat's messages in order, after the sequence number `after`: what a client missed while it was \
			away (the live channel brings new ones as they come). What the caller gets counts as delivered to \
			them, which the agent sees. Each message has its `seq`, who sent it (`customer` or `agent`) and \
			their name, its `body` and when it was sent.""")
	@ApiResponse(responseCode = "200", description = "The messages.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "messages", summary = "a chat's start",
					value = ApiExamples.MESSAGES)))
	@ProblemAnswers(invalid = "`after` is negative.", notFound = NO_CHAT, subject = "chat")
	List<BrokerViews.MessageView> messages(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = ID_EXAMPLE) @PathVariable String id,
			@Parameter(description = AFTER, example = "2") @RequestParam(defaultValue = "0") long after) {
		return chat.messages(me(user), InteractionId.parse(id), after).stream().map(views::message).toList();
	}

	@PostMapping("/{id}/messages")
	@HotPath
	@Operation(operationId = "postMyChatMessage", summary = "Send a message in your chat", description = """
			Sends a message to the agent: """ + MESSAGE_RULES + """
			 A customer writes while the contact waits or is connected, not once it is over or in wrap-up.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "message", summary = "a message",
							value = ApiExamples.MESSAGE_REQUEST))))
	@ApiResponse(responseCode = "201", description = "The message as stored, with its sequence number.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "message",
					summary = "stored", value = ApiExamples.MESSAGE)))
	@ProblemAnswers(invalid = MESSAGE_INVALID, notFound = NO_CHAT, subject = "chat",
			conflicts = ProblemAnswers.Conflict.CONVERSATION_OVER,
			refusals = { ProblemAnswers.Refusal.MESSAGE_TOO_LARGE, ProblemAnswers.Refusal.RATE_LIMITED })
	ResponseEntity<BrokerViews.MessageView> post(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = ID_EXAMPLE) @PathVariable String id,
			@RequestBody(required = false) MessageRequest request) {
		var m = chat.post(me(user), InteractionId.parse(id), request == null ? null : request.body(),
				request == null ? null : request.clientId());
		return ResponseEntity.status(201).body(views.message(m));
	}

	@PostMapping("/{id}/read")
	@Operation(operationId = "readMyChat", summary = "Mark your chat read", description = """
			The caller has read the messages up to the sequence number `upTo` (required, 1 or more): the \
			agent sees it as a read receipt. """ + RECEIPT_RULES,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "read", summary = "read up to 2",
							value = ApiExamples.READ_REQUEST))))
	@ApiResponse(responseCode = "200", description = "The chat's receipts.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "receipts", summary = "both sides nearly up to date",
					value = ApiExamples.RECEIPTS)))
	@ProblemAnswers(invalid = READ_INVALID, notFound = NO_CHAT, subject = "chat")
	Receipts read(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = ID_EXAMPLE) @PathVariable String id,
			@RequestBody(required = false) ReadRequest request) {
		return chat.read(me(user), InteractionId.parse(id), upTo(request));
	}

	@PostMapping("/{id}/typing")
	@Operation(operationId = "typeInMyChat", summary = "Say that you are typing", description = """
			Tells the agent, over the live channel only, that the caller is typing; nothing is stored. Once \
			the contact is over it is ignored. Send it at most every few seconds while the caller types.""")
	@ApiResponse(responseCode = "204", description = "Passed on (or ignored, the chat being over).")
	@ProblemAnswers(notFound = NO_CHAT, subject = "chat")
	ResponseEntity<Void> typing(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = ID_EXAMPLE) @PathVariable String id) {
		chat.typing(me(user), InteractionId.parse(id));
		return ResponseEntity.noContent().build();
	}

	/** The conversation as a plain-text file. */
	@GetMapping("/{id}/transcript")
	@Operation(operationId = "getMyChatTranscript", summary = "Download the transcript of your chat", description = """
			The whole conversation as a plain-text file (`chat-<id>.txt`), one line per message: the sender's \
			name, a colon and the text (line breaks in a message become spaces); empty when nobody wrote. \
			Reading it counts as nothing: no receipt changes.""")
	@ApiResponse(responseCode = "200", description = "The transcript, as an attachment.", content = @Content(
			mediaType = "text/plain", schema = @Schema(type = "string"),
			examples = @ExampleObject(name = "transcript", summary = "three messages", value = ApiExamples.TRANSCRIPT)))
	@ProblemAnswers(notFound = NO_CHAT, subject = "interaction")
	ResponseEntity<String> transcript(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = ID_EXAMPLE) @PathVariable String id) {
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
