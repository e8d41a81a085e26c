package dev.parley.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.common.AgentId;
import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.common.RefusedException;
import dev.parley.invitations.InvitationId;
import dev.parley.invitations.Invitations;
import dev.parley.invitations.NewRequest;
import dev.parley.invitations.RequestOutlooks;
import dev.parley.invitations.Requests;
import dev.parley.security.ParleyUser;

/**
 * A customer asks for a named agent (from their history or the availability page): the form offers the media both
 * sides can use now and an optional topic; a refusal shows its reason and stores nothing. The request's page then
 * follows it live: waiting for the agent's answer, or, when the agent is busy or not ready, an estimate and the
 * choice to wait or go to the queue; when they are signed out, who else can help.
 */
@Controller
class CustomerAskController {

	static final String FORM = "customer/ask";
	static final String REQUEST = "customer/ask-request";

	private final Invitations invitations;
	private final Requests requests;
	private final RequestOutlooks outlooks;
	private final AgentManagement agents;
	private final AskViews views;
	private final InvitationTexts texts;
	private final ViewerZone zones;

	CustomerAskController(Invitations invitations, Requests requests, RequestOutlooks outlooks,
			AgentManagement agents, AskViews views, InvitationTexts texts, ViewerZone zones) {
		this.invitations = invitations;
		this.requests = requests;
		this.outlooks = outlooks;
		this.agents = agents;
		this.views = views;
		this.texts = texts;
		this.zones = zones;
	}

	@GetMapping("/customer/ask/{agent}")
	String form(@AuthenticationPrincipal ParleyUser user, @PathVariable UUID agent,
			@RequestParam(required = false) String medium, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String instead, Model model) {
		return form(user, new AgentId(agent), medium, topic, instead, Map.of(), null, model);
	}

	@PostMapping("/customer/ask/{agent}")
	String ask(@AuthenticationPrincipal ParleyUser user, @PathVariable UUID agent,
			@RequestParam(required = false) String medium, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String instead, Model model) {
		AgentId asked = new AgentId(agent);
		agents.agent(asked); // an unknown agent is a 404 page, as on the form
		var input = new NewRequest(asked, medium(medium), topic);
		try {
			var sent = instead == null || instead.isBlank() ? invitations.request(user.customerId(), input)
					: requests.askInstead(user.customerId(), InvitationId.parse(instead), input);
			return "redirect:/customer/ask/requests/" + sent.id();
		}
		catch (InvalidInputException e) {
			return form(user, asked, medium, topic, instead, FieldErrors.of(e), null, model);
		}
		catch (RefusedException | ConflictException e) {
			return form(user, asked, medium, topic, instead, Map.of(), e.getMessage(), model);
		}
	}

	@GetMapping("/customer/ask/requests/{id}")
	String request(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestParam(defaultValue = "false") boolean waiting, Model model) {
		var status = views.status(user.customerId(), id, zones.of(user), waiting);
		if (status.stage() == AskViews.Stage.ACCEPTED && status.request().interaction() != null) {
			return "redirect:/customer/contact/" + status.request().interaction();
		}
		model.addAttribute("ask", status);
		return REQUEST;
	}

	/** The request's state and choices, for the page script to bring up to date. */
	@GetMapping("/customer/ask/requests/{id}/status")
	String status(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestParam(defaultValue = "false") boolean waiting, Model model) {
		model.addAttribute("ask", views.status(user.customerId(), id, zones.of(user), waiting));
		return "customer/_ask :: status";
	}

	@PostMapping("/customer/ask/requests/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, RedirectAttributes redirect) {
		try {
			requests.withdraw(user.customerId(), InvitationId.parse(id));
			redirect.addFlashAttribute("flash", texts.text("ask.withdrawn"));
		}
		catch (RefusedException | ConflictException e) {
			redirect.addFlashAttribute("flash", e.getMessage());
		}
		return "redirect:/customer/ask/requests/" + InvitationId.parse(id);
	}

	/** Stop waiting and go to a queue of the agent's group; after a decline or expiry, start one there. */
	@PostMapping("/customer/ask/requests/{id}/to-queue")
	String toQueue(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, RedirectAttributes redirect) {
		InvitationId request = InvitationId.parse(id);
		try {
			var contact = invitations.get(user.customerId(), request).isPending()
					? requests.toQueue(user.customerId(), request).contact() : requests.queueAfter(user.customerId(), request);
			return "redirect:/customer/contact/" + contact.interaction().id();
		}
		catch (RefusedException | ConflictException e) {
			redirect.addFlashAttribute("flash", e.getMessage());
			return "redirect:/customer/ask/requests/" + request;
		}
	}

	private String form(ParleyUser user, AgentId asked, String medium, String topic, String instead,
			Map<String, String> errors, String refusal, Model model) {
		Agent agent = agents.agent(asked);
		List<Medium> media = outlooks.askable(user.customerId(), asked).stream().sorted().toList();
		model.addAttribute("agent", agent);
		model.addAttribute("group", agents.group(agent.groupKey()).name());
		model.addAttribute("agentState", outlooks.stateOf(asked).token());
		model.addAttribute("media", media);
		Medium chosen = medium(medium);
		model.addAttribute("medium", chosen != null ? chosen : media.isEmpty() ? null : media.get(0));
		model.addAttribute("topic", topic);
		model.addAttribute("instead", instead == null || instead.isBlank() ? null : instead);
		model.addAttribute("errors", errors);
		model.addAttribute("refusal", refusal);
		return FORM;
	}

	private static Medium medium(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Medium.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}
}
