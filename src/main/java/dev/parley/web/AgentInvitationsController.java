package dev.parley.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.common.NotFoundException;
import dev.parley.common.RefusedException;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.invitations.InvitationId;
import dev.parley.invitations.Invitations;
import dev.parley.invitations.NewInvitation;
import dev.parley.presence.PresencePrivacy;
import dev.parley.security.ParleyUser;

/**
 * The workstation's invitations card: invite a customer who lets agents see them (a refusal shows its reason and
 * sends nothing), the agent's recent invitations with their outcome, customers' requests to accept or decline. Plain
 * POSTs that the workstation script sends in the background ({@value AgentWorkstationController#FRAGMENT}), answered
 * with the card.
 */
@Controller
class AgentInvitationsController {

	static final String CARD = "agent/_invitations :: card";

	/** One customer the agent may invite from the card. */
	record Choice(String key, String name) {
	}

	private final Invitations invitations;
	private final Card card;

	AgentInvitationsController(Invitations invitations, Card card) {
		this.invitations = invitations;
		this.card = card;
	}

	/** Fills the card wherever the workstation page is rendered. */
	@ControllerAdvice(assignableTypes = { AgentWorkstationController.class, AgentChatController.class,
			AgentOrdersController.class })
	static class Card {

		private final InvitationTexts texts;
		private final PresencePrivacy privacy;
		private final IdentityManagement identity;
		private final ViewerZone zones;

		Card(InvitationTexts texts, PresencePrivacy privacy, IdentityManagement identity, ViewerZone zones) {
			this.texts = texts;
			this.privacy = privacy;
			this.identity = identity;
			this.zones = zones;
		}

		@ModelAttribute
		void fill(@AuthenticationPrincipal ParleyUser user, Model model) {
			if (user == null || user.agentId() == null) {
				return;
			}
			List<Choice> choices = privacy.watchableByAgent(user.id(), 50).stream()
				.flatMap(c -> identity.find(new AccountId(c)).stream())
				.map(a -> new Choice(a.id().value().toString(), a.displayName()))
				.sorted(Comparator.comparing(Choice::name)).toList();
			model.addAttribute("inviteChoices", choices);
			model.addAttribute("inviteMedia", Medium.values());
			var lines = texts.ofAgent(user.agentId(), zones.of(user));
			model.addAttribute("inviteLines", lines);
			Instant recent = Instant.now().minus(Duration.ofSeconds(30));
			lines.stream().filter(l -> l.invitation().answeredAt() != null && l.invitation().answeredAt().isAfter(recent))
				.max(Comparator.comparing(l -> l.invitation().answeredAt())).ifPresent(l -> model
					.addAttribute("invitationChange", texts.text("invitation.desk.changed", l.text(), l.state())));
		}
	}

	@GetMapping("/agent/desk/invitations")
	String card(@AuthenticationPrincipal ParleyUser user, Model model) {
		card.fill(user, model);
		return CARD;
	}

	@PostMapping("/agent/invitations")
	String invite(@AuthenticationPrincipal ParleyUser user, @RequestParam(required = false) String customer,
			@RequestParam(required = false) String medium, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String order,
			@RequestHeader(name = AgentWorkstationController.FRAGMENT, required = false) String fragment, Model model,
			RedirectAttributes redirect) {
		String outcome;
		boolean ok = false;
		try {
			var sent = invitations.invite(user.agentId(), new NewInvitation(customerId(customer), medium(medium), topic,
					order, null));
			outcome = card.texts.text("invitation.desk.sent", card.texts.customerName(sent));
			ok = true;
		}
		catch (InvalidInputException e) {
			model.addAttribute("inviteErrors", FieldErrors.of(e));
			outcome = e.violations().get(0).field() + ": " + e.violations().get(0).message();
		}
		catch (RefusedException | ConflictException | NotFoundException e) {
			outcome = e.getMessage();
		}
		return answer(user, fragment, model, redirect, outcome, ok);
	}

	@PostMapping("/agent/invitations/{id}/accept")
	String accept(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestHeader(name = AgentWorkstationController.FRAGMENT, required = false) String fragment, Model model,
			RedirectAttributes redirect) {
		try {
			var accepted = invitations.accept(user.agentId(), InvitationId.parse(id));
			if (fragment == null) {
				return "redirect:/agent#chat-" + accepted.interaction();
			}
			return answer(user, fragment, model, redirect, null, true);
		}
		catch (RefusedException | ConflictException | NotFoundException e) {
			return answer(user, fragment, model, redirect, e.getMessage(), false);
		}
	}

	@PostMapping("/agent/invitations/{id}/decline")
	String decline(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestHeader(name = AgentWorkstationController.FRAGMENT, required = false) String fragment, Model model,
			RedirectAttributes redirect) {
		try {
			invitations.decline(user.agentId(), InvitationId.parse(id));
			return answer(user, fragment, model, redirect, null, true);
		}
		catch (RefusedException | ConflictException | NotFoundException e) {
			return answer(user, fragment, model, redirect, e.getMessage(), false);
		}
	}

	private String answer(ParleyUser user, String fragment, Model model, RedirectAttributes redirect, String outcome,
			boolean ok) {
		if (fragment == null) {
			if (outcome != null) {
				redirect.addFlashAttribute("flash", outcome);
			}
			return "redirect:/agent#invitations-card";
		}
		card.fill(user, model);
		if (outcome != null) {
			model.addAttribute(ok ? "invitationStatus" : "invitationAlert", outcome);
		}
		return CARD;
	}

	private static CustomerId customerId(String text) {
		try {
			return text == null || text.isBlank() ? null : new CustomerId(UUID.fromString(text.strip()));
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("customer", "unknown", "must be a customer's id");
		}
	}

	private static Medium medium(String text) {
		try {
			return text == null || text.isBlank() ? null : Medium.valueOf(text.strip());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("medium", "invalid", "must be one of CHAT, VOICE, EMAIL, VIDEO");
		}
	}
}
