package dev.parley.api;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.invitations.InvitationId;
import dev.parley.invitations.Invitations;
import dev.parley.invitations.NewInvitation;
import dev.parley.invitations.NewRequest;
import dev.parley.invitations.Requests;
import dev.parley.security.ParleyUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Invitations both ways: agents invite customers ({@code /api/v1/agent/invitations}) and answer customers'
 * requests; customers ask for a named agent ({@code /api/v1/me/invitations}) and answer agents' invitations. A
 * refusal names its rule in {@code code} and sends nothing.
 */
@RestController
@Tag(name = "Invitations", description = "Agents invite customers to a contact; customers ask for a named agent.")
class InvitationsApiController {

	private static final String ID = "The invitation's id, from the list or the answer that created it.";
	private static final String EXAMPLE_ID = "5b1e7c1a-8a8e-4a43-9a3b-3c2d8f0e4b11";
	private static final String UNKNOWN = "No such invitation (another customer's answers the same).";
	private static final String UNKNOWN_FOR_AGENT = "No such invitation.";

	record InviteRequest(UUID customer, String medium, String topic, String order, UUID product) {
	}

	record AskRequest(UUID agent, String medium, String topic) {
	}

	private final Invitations invitations;
	private final Requests requests;
	private final InvitationViews views;
	private final BrokerViews contacts;

	InvitationsApiController(Invitations invitations, Requests requests, InvitationViews views, BrokerViews contacts) {
		this.invitations = invitations;
		this.requests = requests;
		this.views = views;
		this.contacts = contacts;
	}

	@PostMapping("/api/v1/agent/invitations")
	@Operation(operationId = "inviteCustomer", summary = "Invite a customer", description = """
			Invites an online customer to a contact with the calling agent on `medium` (`chat`, `voice`, `email`, \
			`video`), optionally about a `topic`, an `order` number or a `product`. The customer sees it live in the \
			portal and accepts or declines within a few minutes (`expiresAt`), after which it expires. Refused, with \
			nothing sent, when the customer has not consented to proactive contact, is not online in the portal, \
			cannot use the medium (or the agent does not handle it), the agent's group is closed, the customer's \
			agenda says they are busy (the answer carries their `nextFreeSlot` in their `timeZone`), an invitation \
			between the two is open already, or the agent sent too many invitations lately.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "invite", summary = "about an order",
							value = ApiExamples.NEW_INVITATION))))
	@ApiResponse(responseCode = "201", description = "The invitation, pending; `Location` names it.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "invitation",
					summary = "sent", value = ApiExamples.INVITATION)))
	@ProblemAnswers(conflicts = ProblemAnswers.Conflict.DUPLICATE, refusals = {
			ProblemAnswers.Refusal.NO_CONSENT,
			ProblemAnswers.Refusal.OFFLINE,
			ProblemAnswers.Refusal.MEDIUM_UNAVAILABLE_CUSTOMER,
			ProblemAnswers.Refusal.GROUP_CLOSED,
			ProblemAnswers.Refusal.BUSY_SLOT,
			ProblemAnswers.Refusal.INVITATIONS_RATE_LIMITED })
	ResponseEntity<InvitationViews.InvitationView> invite(@AuthenticationPrincipal ParleyUser user,
			@RequestBody(required = false) InviteRequest request) {
		var r = request == null ? new InviteRequest(null, null, null, null, null) : request;
		var sent = invitations.invite(user.agentId(), new NewInvitation(
				r.customer() == null ? null : new CustomerId(r.customer()), BrokerViews.medium(r.medium(), "medium"),
				r.topic(), r.order(), r.product() == null ? null : new ProductId(r.product())));
		return ResponseEntity.created(URI.create("/api/v1/agent/invitations/" + sent.id())).body(views.view(sent));
	}

	@GetMapping("/api/v1/agent/invitations")
	@Operation(operationId = "listAgentInvitations", summary = "List your invitations and requests", description = """
			The calling agent's invitations to customers and customers' requests for them, newest first (at most \
			50), each with its state (`pending`, `accepted`, `declined`, `expired`), who answered and when, and the \
			interaction an accepted one became. Requests still pending wait for the agent's answer. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The invitations.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "invitations", summary = "one pending",
					value = ApiExamples.INVITATIONS)))
	List<InvitationViews.InvitationView> agentList(@AuthenticationPrincipal ParleyUser user) {
		return invitations.ofAgent(user.agentId()).stream().map(views::view).toList();
	}

	@PostMapping("/api/v1/agent/invitations/{id}/accept")
	@Operation(operationId = "acceptCustomerRequest", summary = "Accept a customer's request", description = """
			Accepts a customer's pending request for the calling agent: an interaction connected to the agent \
			starts at once, without a queue, and both sides are told live. Exactly one answer of an invitation \
			ever counts: a second one, or one after it expired, answers 409 and changes nothing. Refused when the \
			agent has no room for another contact of the medium.""")
	@ApiResponse(responseCode = "200", description = "The request, accepted, with its `interaction`.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "accepted",
					summary = "accepted", value = ApiExamples.INVITATION_ACCEPTED)))
	@ProblemAnswers(notFound = UNKNOWN_FOR_AGENT, subject = "invitation", conflicts = { ProblemAnswers.Conflict.ANSWERED,
			ProblemAnswers.Conflict.EXPIRED, ProblemAnswers.Conflict.TOO_MANY_OPEN }, refusals = {
					ProblemAnswers.Refusal.INVITATION_NOT_YOURS,
					ProblemAnswers.Refusal.AGENT_NO_ROOM })
	InvitationViews.InvitationView agentAccept(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = EXAMPLE_ID) @PathVariable String id) {
		return views.view(invitations.accept(user.agentId(), InvitationId.parse(id)));
	}

	@PostMapping("/api/v1/agent/invitations/{id}/decline")
	@Operation(operationId = "declineCustomerRequest", summary = "Decline a customer's request", description = """
			Declines a customer's pending request for the calling agent; the customer is told live and may ask \
			someone else or start a contact through a queue. A second answer, or one after it expired, answers \
			409 and changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The request, declined.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "request", summary = "pending before",
					value = ApiExamples.REQUEST)))
	@ProblemAnswers(notFound = UNKNOWN_FOR_AGENT, subject = "invitation", conflicts = { ProblemAnswers.Conflict.ANSWERED,
			ProblemAnswers.Conflict.EXPIRED }, refusals = ProblemAnswers.Refusal.INVITATION_NOT_YOURS)
	InvitationViews.InvitationView agentDecline(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = EXAMPLE_ID) @PathVariable String id) {
		return views.view(invitations.decline(user.agentId(), InvitationId.parse(id)));
	}

	@PostMapping("/api/v1/me/invitations")
	@Operation(operationId = "askForAgent", summary = "Ask for a named agent", description = """
			Asks a named `agent` (one you talked to before, from your history, or from the availability page) for \
			a contact on `medium`, optionally about a `topic`. The agent sees it live, or when they next sign in \
			while it is open, and accepts or declines. `agentState` says whether they are ready now; when they are \
			busy or in wrap-up, `estimate` says in how many seconds they are likely free (left out when there is \
			no estimate, e.g. not ready or logged out); `alternatives` lists the other agents of their group who are ready now for \
			the medium. While it waits you may withdraw it, or go to a queue instead (`to-queue`). Refused, with \
			nothing sent, when you or the agent cannot use the medium, the agent's group is closed, a request to \
			that agent is open already, or you asked for agents too often lately.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "ask", summary = "the agent from last time",
							value = ApiExamples.NEW_REQUEST))))
	@ApiResponse(responseCode = "201", description = "The request, pending; `Location` names it.",
			useReturnTypeSchema = true, content = @Content(examples = {
					@ExampleObject(name = "request", summary = "the agent is ready", value = ApiExamples.REQUEST),
					@ExampleObject(name = "busy", summary = "the agent is busy: an estimate and who else can help",
							value = ApiExamples.REQUEST_BUSY) }))
	@ProblemAnswers(conflicts = ProblemAnswers.Conflict.DUPLICATE, refusals = {
			ProblemAnswers.Refusal.MEDIUM_UNAVAILABLE_ASKER,
			ProblemAnswers.Refusal.GROUP_CLOSED,
			ProblemAnswers.Refusal.REQUESTS_RATE_LIMITED })
	ResponseEntity<InvitationViews.InvitationView> ask(@AuthenticationPrincipal ParleyUser user,
			@RequestBody(required = false) AskRequest request) {
		var r = request == null ? new AskRequest(null, null, null) : request;
		var sent = invitations.request(user.customerId(), new NewRequest(
				r.agent() == null ? null : new AgentId(r.agent()), BrokerViews.medium(r.medium(), "medium"), r.topic()));
		return ResponseEntity.created(URI.create("/api/v1/me/invitations/" + sent.id())).body(views.view(sent));
	}

	@GetMapping("/api/v1/me/invitations")
	@Operation(operationId = "listMyInvitations", summary = "List your invitations and requests", description = """
			Agents' invitations to you and your requests for agents, newest first (at most 50), each with its state \
			(`pending`, `accepted`, `declined`, `expired`, `withdrawn`), who answered and when, and the interaction \
			an accepted one became (or, for a request you withdrew to go to a queue, the queued contact). A request \
			carries `agentState`, `estimate` and `alternatives` as when it was sent, read now. Pending invitations \
			wait for your answer. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The invitations.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "invitations", summary = "one pending",
					value = ApiExamples.INVITATIONS)))
	List<InvitationViews.InvitationView> myList(@AuthenticationPrincipal ParleyUser user) {
		return invitations.ofCustomer(user.customerId()).stream().map(views::view).toList();
	}

	@PostMapping("/api/v1/me/invitations/{id}/accept")
	@Operation(operationId = "acceptInvitation", summary = "Accept an agent's invitation", description = """
			Accepts an agent's pending invitation: an interaction connected to that agent starts at once, without \
			a queue (its id is `interaction`; carry on under `/api/v1/me/interactions/{id}`), and the agent is told \
			live. Exactly one answer ever counts: a second one, or one after it expired, answers 409 and changes \
			nothing.""")
	@ApiResponse(responseCode = "200", description = "The invitation, accepted, with its `interaction`.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "accepted",
					summary = "accepted", value = ApiExamples.INVITATION_ACCEPTED)))
	@ProblemAnswers(notFound = UNKNOWN, subject = "invitation", conflicts = { ProblemAnswers.Conflict.ANSWERED,
			ProblemAnswers.Conflict.EXPIRED, ProblemAnswers.Conflict.TOO_MANY_OPEN }, refusals = {
					ProblemAnswers.Refusal.REQUEST_NOT_YOURS,
					ProblemAnswers.Refusal.AGENT_NO_ROOM })
	InvitationViews.InvitationView myAccept(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = EXAMPLE_ID) @PathVariable String id) {
		return views.view(invitations.accept(user.customerId(), InvitationId.parse(id)));
	}

	@PostMapping("/api/v1/me/invitations/{id}/decline")
	@Operation(operationId = "declineInvitation", summary = "Decline an agent's invitation", description = """
			Declines an agent's pending invitation; the agent is told live. A second answer, or one after it \
			expired, answers 409 and changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The invitation, declined.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "invitation", summary = "pending before",
					value = ApiExamples.INVITATION)))
	@ProblemAnswers(notFound = UNKNOWN, subject = "invitation", conflicts = { ProblemAnswers.Conflict.ANSWERED,
			ProblemAnswers.Conflict.EXPIRED }, refusals = ProblemAnswers.Refusal.REQUEST_NOT_YOURS)
	InvitationViews.InvitationView myDecline(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = EXAMPLE_ID) @PathVariable String id) {
		return views.view(invitations.decline(user.customerId(), InvitationId.parse(id)));
	}

	@PostMapping("/api/v1/me/invitations/{id}/withdraw")
	@Operation(operationId = "withdrawRequest", summary = "Withdraw your request for an agent", description = """
			Withdraws your pending request for a named agent (you no longer wait for them): its state becomes \
			`withdrawn`, the agent's list shows it at once, and you may ask again or someone else. Decided once: \
			when the agent answered first, or the request expired or was withdrawn already, 409 and nothing \
			changes. An agent's invitation to you is declined, not withdrawn (403).""")
	@ApiResponse(responseCode = "200", description = "The request, withdrawn.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "withdrawn", summary = "withdrawn",
					value = ApiExamples.REQUEST_WITHDRAWN)))
	@ProblemAnswers(notFound = UNKNOWN, subject = "invitation", conflicts = { ProblemAnswers.Conflict.ANSWERED,
			ProblemAnswers.Conflict.EXPIRED }, refusals = ProblemAnswers.Refusal.INVITATION_TO_YOU)
	InvitationViews.InvitationView myWithdraw(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = EXAMPLE_ID) @PathVariable String id) {
		return views.view(requests.withdraw(user.customerId(), InvitationId.parse(id)));
	}

	@PostMapping("/api/v1/me/invitations/{id}/to-queue")
	@Operation(operationId = "requestToQueue", summary = "Go to a queue instead of waiting for the agent",
			description = """
					Withdraws your pending request for a named agent and starts a contact for its medium and topic \
					in a queue of that agent's group that takes the medium (an open one first), in one transaction: \
					201 with the contact as `POST /api/v1/me/interactions` answers it (`Location` names it), and the \
					request is `withdrawn` with the contact as its `interaction`. When the agent answered first, or the \
					request expired, 409 and no contact starts; when the queue refuses the contact (closed, or you \
					have 3 contacts open), the request stays pending.""")
	@ApiResponse(responseCode = "201", description = "The contact, queued; `Location` names it.",
			useReturnTypeSchema = true, content = @Content(examples = @ExampleObject(name = "queued",
					summary = "second in line", value = ApiExamples.MY_INTERACTION_QUEUED)))
	@ProblemAnswers(notFound = UNKNOWN, subject = "invitation", conflicts = { ProblemAnswers.Conflict.ANSWERED,
			ProblemAnswers.Conflict.EXPIRED, ProblemAnswers.Conflict.TOO_MANY_OPEN }, refusals = {
					ProblemAnswers.Refusal.INVITATION_TO_YOU,
					ProblemAnswers.Refusal.NO_GROUP_QUEUE,
					ProblemAnswers.Refusal.QUEUE_CLOSED })
	ResponseEntity<BrokerViews.InteractionView> myToQueue(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = ID, example = EXAMPLE_ID) @PathVariable String id) {
		var queued = requests.toQueue(user.customerId(), InvitationId.parse(id));
		var view = contacts.forCustomer(queued.contact().interaction(), queued.contact().position());
		return ResponseEntity.created(URI.create("/api/v1/me/interactions/" + view.id())).body(view);
	}
}
