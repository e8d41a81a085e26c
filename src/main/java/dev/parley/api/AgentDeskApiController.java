package dev.parley.api;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.agent.AgentStates;
import dev.parley.agent.AgentStatus;
import dev.parley.chat.Chat;
import dev.parley.chat.Participant;
import dev.parley.chat.Receipts;
import dev.parley.common.AgentId;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.OfferId;
import dev.parley.routing.Transfer;
import dev.parley.security.ParleyUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The agent's desk: their routing state, offers to accept or reject, the interactions they have, chat,
 * transfer, end and wrap-up. An offer or interaction of another agent answers 403; one already answered or
 * over answers 409.
 */
@RestController
@RequestMapping("/api/v1/agent")
@Tag(name = "Agent desk", description = "The agent's side of the broker: routing state, offers, the interactions "
		+ "they handle, chat, transfer, end and wrap-up.")
class AgentDeskApiController {

	record StateRequest(String state, String reason) {
	}

	record StateView(String state, String reason, java.time.Instant since) {
		static StateView of(AgentStatus s) {
			return new StateView(s.state().token(), s.reason() == null ? null : s.reason().token(), s.since());
		}
	}

	record TransferRequest(String queue, UUID agent, String note) {
	}

	record WrapUpRequest(String disposition, String summary) {
	}

	private static final String OFFER_ID = "The offer's id (not the interaction's).";

	private static final String OFFER_EXAMPLE = "b52e7f0e-9c4d-4e1a-8f3b-6d2a1c0e9b47";

	private static final String OFFER_NOT_FOUND = "No offer has this id.";

	private static final String ID = "The interaction's id.";

	private static final String NOT_FOUND = "No interaction has this id.";

	private static final String NO_CHAT = "No interaction has this id, or it is not a chat.";

	private static final String MINE = " Only the agent who has the interaction may do this; another agent gets "
			+ "403.";

	private final AgentDesk desk;
	private final AgentStates states;
	private final Chat chat;
	private final BrokerViews views;

	AgentDeskApiController(AgentDesk desk, AgentStates states, Chat chat, BrokerViews views) {
		this.desk = desk;
		this.states = states;
		this.chat = chat;
		this.views = views;
	}

	@GetMapping("/state")
	@Operation(operationId = "getMyAgentState", summary = "Read your routing state", description = """
			The caller's routing state: `logged-out`, `not-ready` (with its `reason`: break, meal, meeting, \
			training, other, or missed-offer when Parley set it), `ready`, `busy` (no free capacity) or \
			`wrap-up`, and `since` when. An agent who never set one is logged out. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The state.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "break", summary = "on a break",
					value = ApiExamples.AGENT_STATE)))
	StateView state(@AuthenticationPrincipal ParleyUser user) {
		return StateView.of(states.status(user.agentId()));
	}

	@PutMapping("/state")
	@Operation(operationId = "setMyAgentState", summary = "Change your routing state", description = """
			Sets the caller's `state`: `ready` (offers come), `not-ready` with a `reason` (break, meal, \
			meeting, training or other; required then) or `logged-out`. Busy and wrap-up are not chosen: \
			they follow from the work of a ready agent. The change is stored and announced at once (the \
			wallboard and the router see it). Answers the new state.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "break", summary = "a break",
							value = ApiExamples.STATE_REQUEST))))
	@ApiResponse(responseCode = "200", description = "The new state.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "break", summary = "on a break",
					value = ApiExamples.AGENT_STATE)))
	@ProblemAnswers(invalid = "`state` is not logged-out, not-ready or ready (busy and wrap-up cannot be "
			+ "chosen); `reason` is not break, meal, meeting, training or other, or is missing for not-ready.")
	StateView setState(@AuthenticationPrincipal ParleyUser user, @RequestBody(required = false) StateRequest request) {
		return StateView.of(states.change(user.agentId(), request == null ? null : request.state(),
				request == null ? null : request.reason()));
	}

	@GetMapping("/offers")
	@Operation(operationId = "listMyOffers", summary = "List the offers waiting for you", description = """
			The offers made to the caller that wait for an answer, each with the interaction it is for \
			(customer, queue, medium, product, topic, a transferring agent's note) and when it expires. An \
			offer left to expire goes to another agent; after the queue's `maxMissedOffers` in a row the agent \
			is set not ready (reason missed-offer). The live channel brings new offers as they come. Changes \
			nothing.""")
	@ApiResponse(responseCode = "200", description = "The open offers.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "offers", summary = "one chat offered",
					value = ApiExamples.OFFERS)))
	List<BrokerViews.OfferView> offers(@AuthenticationPrincipal ParleyUser user) {
		return desk.offers(user.agentId()).stream().map(views::offer).toList();
	}

	@PostMapping("/offers/{id}/accept")
	@Operation(operationId = "acceptOffer", summary = "Accept an offer", description = """
			Takes the interaction the offer is for: it is connected to the caller. Exactly one accept ever \
			wins an interaction (decided in the database), so an offer that expired, was withdrawn (the \
			customer left) or was answered already is refused. Answers the connected interaction.""")
	@ApiResponse(responseCode = "200", description = "The interaction, connected to the caller.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "connected",
					summary = "connected", value = ApiExamples.AGENT_INTERACTION)))
	@ProblemAnswers(notFound = OFFER_NOT_FOUND, subject = "offer", conflicts = ProblemAnswers.Conflict.OFFER_CLOSED,
			refusals = ProblemAnswers.Refusal.OFFER_NOT_YOURS)
	BrokerViews.InteractionView accept(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = OFFER_ID, example = OFFER_EXAMPLE) @PathVariable String id) {
		return views.forAgent(desk.accept(user.agentId(), OfferId.parse(id)));
	}

	@PostMapping("/offers/{id}/reject")
	@Operation(operationId = "rejectOffer", summary = "Reject an offer", description = """
			Turns the offer down: the interaction goes back to its place in the queue, for another agent. \
			An offer that is no longer open is refused.""")
	@ApiResponse(responseCode = "204", description = "Rejected; the interaction waits for another agent.")
	@ProblemAnswers(notFound = OFFER_NOT_FOUND, subject = "offer", conflicts = ProblemAnswers.Conflict.OFFER_CLOSED,
			refusals = ProblemAnswers.Refusal.OFFER_NOT_YOURS)
	ResponseEntity<Void> reject(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = OFFER_ID, example = OFFER_EXAMPLE) @PathVariable String id) {
		desk.reject(user.agentId(), OfferId.parse(id));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/interactions")
	@Operation(operationId = "listMyAgentInteractions", summary = "List the interactions you handle", description = """
			The interactions the caller handles now, connected or in wrap-up, oldest connection first, each \
			with its customer, queue, product, topic, a transferring agent's note and, in wrap-up, the \
			deadline. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The interactions.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "interactions", summary = "one chat",
					value = ApiExamples.AGENT_INTERACTIONS)))
	List<BrokerViews.InteractionView> interactions(@AuthenticationPrincipal ParleyUser user) {
		return desk.interactions(user.agentId()).stream().map(views::forAgent).toList();
	}

	@GetMapping("/interactions/{id}")
	@Operation(operationId = "getMyAgentInteraction", summary = "Read an interaction you handle", description = """
			One interaction of the caller, as it stands now (also once it is closed): state, customer, queue, \
			product, topic, times, and once wrapped up its disposition and summary. Changes nothing.""" + MINE)
	@ApiResponse(responseCode = "200", description = "The interaction.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "connected", summary = "a chat",
					value = ApiExamples.AGENT_INTERACTION)))
	@ProblemAnswers(notFound = NOT_FOUND, subject = "interaction",
			refusals = ProblemAnswers.Refusal.INTERACTION_NOT_YOURS)
	BrokerViews.InteractionView interaction(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = MyInteractionsApiController.ID_EXAMPLE) @PathVariable String id) {
		return views.forAgent(desk.get(user.agentId(), InteractionId.parse(id)));
	}

	@GetMapping("/interactions/{id}/messages")
	@Operation(operationId = "listMyAgentChatMessages", summary = "Read the messages of a chat you handle",
			description = """
					The chat's messages in order, after the sequence number `after`: what the caller missed \
					while away (the live channel brings new ones as they come). What the caller gets counts as \
					delivered to the agent's side, which the customer sees.""" + MINE)
	@ApiResponse(responseCode = "200", description = "The messages.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "messages", summary = "a chat's start",
					value = ApiExamples.MESSAGES)))
	@ProblemAnswers(invalid = "`after` is negative.", notFound = NO_CHAT, subject = "chat",
			refusals = ProblemAnswers.Refusal.INTERACTION_NOT_YOURS)
	List<BrokerViews.MessageView> messages(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = MyInteractionsApiController.ID_EXAMPLE) @PathVariable String id,
			@Parameter(description = MyInteractionsApiController.AFTER, example = "2")
			@RequestParam(defaultValue = "0") long after) {
		InteractionId interaction = InteractionId.parse(id);
		desk.get(user.agentId(), interaction);
		return chat.messages(me(user), interaction, after).stream().map(views::message).toList();
	}

	@PostMapping("/interactions/{id}/messages")
	@HotPath
	@Operation(operationId = "postMyAgentChatMessage", summary = "Send a message in a chat you handle",
			description = "Sends a message to the customer: " + MyInteractionsApiController.MESSAGE_RULES
					+ " An agent writes while the interaction is connected." + MINE,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "message", summary = "a message",
							value = ApiExamples.AGENT_MESSAGE_REQUEST))))
	@ApiResponse(responseCode = "201", description = "The message as stored, with its sequence number.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "message",
					summary = "stored", value = ApiExamples.AGENT_MESSAGE)))
	@ProblemAnswers(invalid = MyInteractionsApiController.MESSAGE_INVALID, notFound = NO_CHAT, subject = "chat",
			conflicts = ProblemAnswers.Conflict.CONVERSATION_OVER,
			refusals = { ProblemAnswers.Refusal.INTERACTION_NOT_YOURS, ProblemAnswers.Refusal.MESSAGE_TOO_LARGE,
					ProblemAnswers.Refusal.RATE_LIMITED })
	ResponseEntity<BrokerViews.MessageView> post(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = MyInteractionsApiController.ID_EXAMPLE) @PathVariable String id,
			@RequestBody(required = false) MyInteractionsApiController.MessageRequest request) {
		InteractionId interaction = InteractionId.parse(id);
		String body = request == null ? null : request.body();
		String clientId = request == null ? null : request.clientId();
		var m = chat.postIfWriting(me(user), interaction, body, clientId); // the chat knows who writes now
		if (m == null) { // or it does not: the interaction read once for the answer (404, 403 if not yours, 409, 400)
			m = chat.post(me(user), desk.get(user.agentId(), interaction), body, clientId);
		}
		return ResponseEntity.status(201).body(views.message(m));
	}

	@PostMapping("/interactions/{id}/read")
	@Operation(operationId = "readMyAgentChat", summary = "Mark a chat you handle read", description = """
			The caller has read the messages up to the sequence number `upTo` (required, 1 or more): the \
			customer sees it as a read receipt. """ + MyInteractionsApiController.RECEIPT_RULES + MINE,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "read", summary = "read up to 2",
							value = ApiExamples.READ_REQUEST))))
	@ApiResponse(responseCode = "200", description = "The chat's receipts.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "receipts", summary = "both sides nearly up to date",
					value = ApiExamples.RECEIPTS)))
	@ProblemAnswers(invalid = MyInteractionsApiController.READ_INVALID, notFound = NO_CHAT, subject = "chat",
			refusals = ProblemAnswers.Refusal.INTERACTION_NOT_YOURS)
	Receipts read(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = MyInteractionsApiController.ID_EXAMPLE) @PathVariable String id,
			@RequestBody(required = false) MyInteractionsApiController.ReadRequest request) {
		InteractionId interaction = InteractionId.parse(id);
		desk.get(user.agentId(), interaction);
		return chat.read(me(user), interaction, MyInteractionsApiController.upTo(request));
	}

	@PostMapping("/interactions/{id}/typing")
	@Operation(operationId = "typeInMyAgentChat", summary = "Say that you are typing", description = """
			Tells the customer, over the live channel only, that the caller is typing; nothing is stored. \
			Once the interaction is over it is ignored. Send it at most every few seconds while typing.""" + MINE)
	@ApiResponse(responseCode = "204", description = "Passed on (or ignored, the chat being over).")
	@ProblemAnswers(notFound = NO_CHAT, subject = "chat", refusals = ProblemAnswers.Refusal.INTERACTION_NOT_YOURS)
	ResponseEntity<Void> typing(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = MyInteractionsApiController.ID_EXAMPLE) @PathVariable String id) {
		InteractionId interaction = InteractionId.parse(id);
		desk.get(user.agentId(), interaction);
		chat.typing(me(user), interaction);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/interactions/{id}/transfer")
	@Operation(operationId = "transferMyInteraction", summary = "Transfer an interaction you handle", description = """
			Hands a connected interaction on, with an optional `note` (at most 1000 characters) for whoever \
			takes it next. Give either a `queue` (its key): the interaction waits there again, keeping its \
			place in time; or an `agent` (their id; another agent, taking contacts now): it is offered to \
			them, and goes back to its queue if they do not take it. The caller no longer has it. Answers the \
			interaction after the transfer.""" + MINE,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "queue", summary = "to another queue",
							value = ApiExamples.TRANSFER_REQUEST))))
	@ApiResponse(responseCode = "200", description = "The interaction, transferred.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "queued", summary = "waiting in the care queue",
					value = ApiExamples.AGENT_INTERACTION_TRANSFERRED)))
	@ProblemAnswers(invalid = "Neither or both of `queue` and `agent` are given; `queue` or `agent` names none; "
			+ "`agent` is the caller; `note` is longer than 1000 characters.", notFound = NOT_FOUND,
			subject = "interaction",
			conflicts = { ProblemAnswers.Conflict.INTERACTION_OVER, ProblemAnswers.Conflict.INTERACTION_STATE },
			refusals = { ProblemAnswers.Refusal.INTERACTION_NOT_YOURS, ProblemAnswers.Refusal.MEDIUM_NOT_SERVED,
					ProblemAnswers.Refusal.AGENT_UNAVAILABLE })
	BrokerViews.InteractionView transfer(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = MyInteractionsApiController.ID_EXAMPLE) @PathVariable String id,
			@RequestBody(required = false) TransferRequest request) {
		var transfer = request == null ? new Transfer(null, null, null)
				: new Transfer(request.queue(), request.agent() == null ? null : new AgentId(request.agent()),
						request.note());
		return views.forAgent(desk.transfer(user.agentId(), InteractionId.parse(id), transfer));
	}

	@PostMapping("/interactions/{id}/end")
	@Operation(operationId = "endMyInteraction", summary = "End an interaction you handle", description = """
			Ends the conversation of a connected interaction: it goes to wrap-up, which the caller finishes \
			by `POST .../wrap-up` before `wrapUpDeadline` (the queue's wrap-up limit); when the limit runs out \
			Parley closes it with disposition follow-up. Answers the interaction in wrap-up.""" + MINE)
	@ApiResponse(responseCode = "200", description = "The interaction, in wrap-up.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "wrap-up", summary = "in wrap-up",
					value = ApiExamples.AGENT_INTERACTION_ENDED)))
	@ProblemAnswers(notFound = NOT_FOUND, subject = "interaction",
			conflicts = { ProblemAnswers.Conflict.INTERACTION_OVER, ProblemAnswers.Conflict.INTERACTION_STATE },
			refusals = ProblemAnswers.Refusal.INTERACTION_NOT_YOURS)
	BrokerViews.InteractionView end(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = MyInteractionsApiController.ID_EXAMPLE) @PathVariable String id) {
		return views.forAgent(desk.end(user.agentId(), InteractionId.parse(id)));
	}

	@PostMapping("/interactions/{id}/wrap-up")
	@Operation(operationId = "wrapUpMyInteraction", summary = "Wrap up an interaction you handle", description = """
			Closes a connected interaction or one in wrap-up with a `disposition` (resolved, follow-up, \
			escalated or no-answer) and a `summary` (at most 2000 characters), both required. The \
			interaction's history record is written from it (product, agent, times, summary, transcript), \
			which the customer then sees in their history. Answers the closed interaction.""" + MINE,
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "resolved", summary = "resolved",
							value = ApiExamples.WRAP_UP_REQUEST))))
	@ApiResponse(responseCode = "200", description = "The interaction, closed.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "closed", summary = "resolved",
					value = ApiExamples.AGENT_INTERACTION_CLOSED)))
	@ProblemAnswers(invalid = "`disposition` is missing or not resolved, follow-up, escalated or no-answer; "
			+ "`summary` is blank or longer than 2000 characters.", notFound = NOT_FOUND, subject = "interaction",
			conflicts = { ProblemAnswers.Conflict.INTERACTION_OVER, ProblemAnswers.Conflict.INTERACTION_STATE },
			refusals = ProblemAnswers.Refusal.INTERACTION_NOT_YOURS)
	BrokerViews.InteractionView wrapUp(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = MyInteractionsApiController.ID_EXAMPLE) @PathVariable String id,
			@RequestBody(required = false) WrapUpRequest request) {
		return views.forAgent(desk.wrapUp(user.agentId(), InteractionId.parse(id),
				BrokerViews.disposition(request == null ? null : request.disposition()),
				request == null ? null : request.summary()));
	}

	private Participant me(ParleyUser user) {
		return Participant.agent(user.id(), user.displayName());
	}
}
