package dev.parley.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.chat.Chat;
import dev.parley.chat.Participant;
import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.common.NotFoundException;
import dev.parley.common.RefusedException;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.invitations.InvitationId;
import dev.parley.invitations.Invitations;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.Interactions;
import dev.parley.security.ParleyUser;

/**
 * The customer's side of invitations in the portal: the notice of agents' invitations (a polite live region that
 * never takes focus; the page script brings it up to date when an invitation event arrives), accept and decline as
 * plain POSTs, and the chat an accepted invitation opens (messages, send, leave; kept current by live events).
 */
@Controller
class CustomerInvitationsController {

	private final Invitations invitations;
	private final InvitationTexts texts;
	private final Interactions interactions;
	private final Chat chat;
	private final ViewerZone zones;
	private final IdentityManagement identity;

	CustomerInvitationsController(Invitations invitations, InvitationTexts texts, Interactions interactions, Chat chat,
			ViewerZone zones, IdentityManagement identity) {
		this.identity = identity;
		this.invitations = invitations;
		this.texts = texts;
		this.interactions = interactions;
		this.chat = chat;
		this.zones = zones;
	}

	/** The notice on the portal's home page. */
	@ControllerAdvice(assignableTypes = CustomerHomeController.class)
	static class Notice {

		private final InvitationTexts texts;
		private final ViewerZone zones;

		Notice(InvitationTexts texts, ViewerZone zones) {
			this.texts = texts;
			this.zones = zones;
		}

		@ModelAttribute
		void notice(@AuthenticationPrincipal ParleyUser user, Model model) {
			if (user != null && user.customerId() != null) {
				model.addAttribute("invitationNotice", texts.pendingFor(user.customerId(), zones.of(user)));
			}
		}
	}

	@GetMapping("/customer/invitations/notice")
	String notice(@AuthenticationPrincipal ParleyUser user, Model model) {
		model.addAttribute("invitationNotice", texts.pendingFor(user.customerId(), zones.of(user)));
		return "customer/_invitations :: notice";
	}

	@PostMapping("/customer/invitations/{id}/accept")
	String accept(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, RedirectAttributes redirect) {
		try {
			var accepted = invitations.accept(user.customerId(), InvitationId.parse(id));
			return "redirect:/customer/contact/" + accepted.interaction();
		}
		catch (ConflictException | RefusedException | NotFoundException e) {
			redirect.addFlashAttribute("flash", e instanceof RefusedException r && r.code().equals("agent-unavailable")
					? e.getMessage() : texts.text("invitation.notice.gone"));
			return "redirect:/customer";
		}
	}

	@PostMapping("/customer/invitations/{id}/decline")
	String decline(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, RedirectAttributes redirect) {
		try {
			invitations.decline(user.customerId(), InvitationId.parse(id));
			redirect.addFlashAttribute("flash", texts.text("invitation.notice.declined"));
		}
		catch (ConflictException | RefusedException | NotFoundException e) {
			redirect.addFlashAttribute("flash", texts.text("invitation.notice.gone"));
		}
		return "redirect:/customer";
	}

	/** An accepted invitation's chat is the portal's chat page; this older address leads there. */
	@GetMapping("/customer/chats/{id}")
	String chat(@PathVariable String id) {
		return "redirect:/customer/contact/" + InteractionId.parse(id);
	}

	private String agentName(Interaction i) {
		return i.agent() == null ? "" : identity.find(new AccountId(i.agent().value())).map(Account::displayName)
			.orElse("");
	}

	private static Participant me(ParleyUser user) {
		return Participant.customer(user.id(), user.displayName());
	}
}
