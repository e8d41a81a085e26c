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
import dev.parley.routing.InteractionId;
import dev.parley.routing.OfferId;
import dev.parley.routing.Transfer;
import dev.parley.security.ParleyUser;

/**
 * The agent's desk: their routing state, offers to accept or reject, the interactions they have, chat,
 * transfer, end and wrap-up. An offer or interaction of another agent answers 403; one already answered or
 * over answers 409.
 */
@RestController
@RequestMapping("/api/v1/agent")
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
	StateView state(@AuthenticationPrincipal ParleyUser user) {
		return StateView.of(states.status(user.agentId()));
	}

	@PutMapping("/state")
	StateView setState(@AuthenticationPrincipal ParleyUser user, @RequestBody(required = false) StateRequest request) {
		return StateView.of(states.change(user.agentId(), request == null ? null : request.state(),
				request == null ? null : request.reason()));
	}

	@GetMapping("/offers")
	List<BrokerViews.OfferView> offers(@AuthenticationPrincipal ParleyUser user) {
		return desk.offers(user.agentId()).stream().map(views::offer).toList();
	}

	@PostMapping("/offers/{id}/accept")
	BrokerViews.InteractionView accept(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		return views.forAgent(desk.accept(user.agentId(), OfferId.parse(id)));
	}

	@PostMapping("/offers/{id}/reject")
	ResponseEntity<Void> reject(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		desk.reject(user.agentId(), OfferId.parse(id));
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/interactions")
	List<BrokerViews.InteractionView> interactions(@AuthenticationPrincipal ParleyUser user) {
		return desk.interactions(user.agentId()).stream().map(views::forAgent).toList();
	}

	@GetMapping("/interactions/{id}")
	BrokerViews.InteractionView interaction(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		return views.forAgent(desk.get(user.agentId(), InteractionId.parse(id)));
	}

	@GetMapping("/interactions/{id}/messages")
	List<BrokerViews.MessageView> messages(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestParam(defaultValue = "0") long after) {
		InteractionId interaction = InteractionId.parse(id);
		desk.get(user.agentId(), interaction);
		return chat.messages(me(user), interaction, after).stream().map(views::message).toList();
	}

	@PostMapping("/interactions/{id}/messages")
	ResponseEntity<BrokerViews.MessageView> post(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestBody(required = false) MyInteractionsApiController.MessageRequest request) {
		InteractionId interaction = InteractionId.parse(id);
		desk.get(user.agentId(), interaction);
		var m = chat.post(me(user), interaction, request == null ? null : request.body(),
				request == null ? null : request.clientId());
		return ResponseEntity.status(201).body(views.message(m));
	}

	@PostMapping("/interactions/{id}/read")
	Receipts read(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestBody(required = false) MyInteractionsApiController.ReadRequest request) {
		InteractionId interaction = InteractionId.parse(id);
		desk.get(user.agentId(), interaction);
		return chat.read(me(user), interaction, MyInteractionsApiController.upTo(request));
	}

	@PostMapping("/interactions/{id}/typing")
	ResponseEntity<Void> typing(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		InteractionId interaction = InteractionId.parse(id);
		desk.get(user.agentId(), interaction);
		chat.typing(me(user), interaction);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/interactions/{id}/transfer")
	BrokerViews.InteractionView transfer(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestBody(required = false) TransferRequest request) {
		var transfer = request == null ? new Transfer(null, null, null)
				: new Transfer(request.queue(), request.agent() == null ? null : new AgentId(request.agent()),
						request.note());
		return views.forAgent(desk.transfer(user.agentId(), InteractionId.parse(id), transfer));
	}

	@PostMapping("/interactions/{id}/end")
	BrokerViews.InteractionView end(@AuthenticationPrincipal ParleyUser user, @PathVariable String id) {
		return views.forAgent(desk.end(user.agentId(), InteractionId.parse(id)));
	}

	@PostMapping("/interactions/{id}/wrap-up")
	BrokerViews.InteractionView wrapUp(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestBody(required = false) WrapUpRequest request) {
		return views.forAgent(desk.wrapUp(user.agentId(), InteractionId.parse(id),
				BrokerViews.disposition(request == null ? null : request.disposition()),
				request == null ? null : request.summary()));
	}

	private Participant me(ParleyUser user) {
		return Participant.agent(user.id(), user.displayName());
	}
}
