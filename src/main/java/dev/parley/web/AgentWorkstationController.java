package dev.parley.web;


import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.agent.AgentStates;
import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.common.NotFoundException;
import dev.parley.common.RefusedException;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interaction;
import dev.parley.routing.OfferId;
import dev.parley.security.ParleyUser;

/**
 * The agent workstation (/agent): the agent's routing state (kept by the agent module), the offers routing makes
 * them, their open chats ({@link AgentChatController}) and the customers who let agents watch them, whose rows
 * live push fills and keeps current (topic customers). Every form works as a plain POST; the page script sends
 * the same forms with {@value #FRAGMENT} and swaps in the fragments of the answer.
 */
@Controller
class AgentWorkstationController {

	/** The page script's header: answer with the changed fragments, not a redirect. */
	static final String FRAGMENT = "X-Parley-Fragment";
	static final String ANSWER = "agent/_answer";

	private final AgentStates states;
	private final AgentDesk desk;
	private final DeskPage page;
	private final DeskViews views;
	private final MessageSource messages;

	AgentWorkstationController(AgentStates states, AgentDesk desk, DeskPage page, DeskViews views,
			MessageSource messages) {
		this.states = states;
		this.desk = desk;
		this.page = page;
		this.views = views;
		this.messages = messages;
	}

	@GetMapping("/agent")
	String agent(@AuthenticationPrincipal ParleyUser user, Model model) {
		return page.render(user, model);
	}

	@PostMapping("/agent/state")
	String state(@AuthenticationPrincipal ParleyUser user, @RequestParam(required = false) String state,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		try {
			states.change(user.agentId(), state, reason);
			redirect.addFlashAttribute("flash", text("presence.agent.state.saved"));
			return "redirect:/agent";
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
			model.addAttribute("agentState", state);
			model.addAttribute("agentReason", reason);
			return agent(user, model);
		}
	}

	/** The state form with the state now (busy and wrap-up follow the agent's work). */
	@GetMapping("/agent/desk/state")
	String stateFragment(@AuthenticationPrincipal ParleyUser user, Model model) {
		page.state(user, model);
		return "agent/_desk :: state";
	}

	@GetMapping("/agent/desk/offers")
	String offers(@AuthenticationPrincipal ParleyUser user, Model model) {
		model.addAttribute("offers", views.offers(user.agentId()));
		return "agent/_desk :: offers";
	}

	/** Takes the offer: the chat opens (in the page, or at its anchor after a redirect). */
	@PostMapping("/agent/offers/{id}/accept")
	String accept(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestHeader(name = FRAGMENT, required = false) String fragment, Model model, RedirectAttributes redirect) {
		try {
			Interaction taken = desk.accept(user.agentId(), OfferId.parse(id));
			if (fragment == null) {
				return "redirect:/agent#chat-" + taken.id();
			}
			page.paneExtras(user, model);
			model.addAttribute("pane", views.pane(user, taken));
			return answer(user, model, null);
		}
		catch (ConflictException | RefusedException | NotFoundException | InvalidInputException e) {
			return gone(user, fragment, model, redirect);
		}
	}

	@PostMapping("/agent/offers/{id}/reject")
	String reject(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestHeader(name = FRAGMENT, required = false) String fragment, Model model, RedirectAttributes redirect) {
		try {
			desk.reject(user.agentId(), OfferId.parse(id));
			if (fragment == null) {
				redirect.addFlashAttribute("flash", text("workstation.offer.rejected"));
				return "redirect:/agent";
			}
			return answer(user, model, text("workstation.offer.rejected"));
		}
		catch (ConflictException | RefusedException | NotFoundException | InvalidInputException e) {
			return gone(user, fragment, model, redirect);
		}
	}

	private String gone(ParleyUser user, String fragment, Model model, RedirectAttributes redirect) {
		if (fragment == null) {
			redirect.addFlashAttribute("deskAlert", text("workstation.offer.gone"));
			return "redirect:/agent";
		}
		model.addAttribute("deskAlert", text("workstation.offer.gone"));
		return answer(user, model, null);
	}

	private String answer(ParleyUser user, Model model, String status) {
		model.addAttribute("offers", views.offers(user.agentId()));
		if (status != null) {
			model.addAttribute("deskStatus", status);
		}
		return ANSWER;
	}

	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}
}
