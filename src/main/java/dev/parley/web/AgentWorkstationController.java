package dev.parley.web;

import java.util.Arrays;
import java.util.List;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStates;
import dev.parley.agent.AgentStatus;
import dev.parley.common.InvalidInputException;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresencePrivacy;
import dev.parley.presence.PresenceSummary;
import dev.parley.presence.PresentityId;
import dev.parley.security.ParleyUser;

/**
 * The agent workstation (/agent): the agent's routing state (kept by the agent module), and the
 * customers who let agents watch them, whose rows live push fills and keeps current (topic customers).
 */
@Controller
class AgentWorkstationController {

	/** One row of the customer panel before push fills it in. */
	record Row(String key, String name, String state, PresenceSummary presence) {
	}

	private static final int PANEL = 50;

	private final AgentStates states;
	private final PresencePrivacy privacy;
	private final IdentityManagement identity;
	private final MessageSource messages;

	AgentWorkstationController(AgentStates states, PresencePrivacy privacy, IdentityManagement identity,
			MessageSource messages) {
		this.states = states;
		this.privacy = privacy;
		this.identity = identity;
		this.messages = messages;
	}

	@GetMapping("/agent")
	String agent(@AuthenticationPrincipal ParleyUser user, Model model) {
		AgentStatus status = states.status(user.agentId());
		model.addAttribute("agentState", status.state().token());
		model.addAttribute("agentReason", status.reason() == null ? "" : status.reason().token());
		model.addAttribute("states", Arrays.stream(AgentState.values()).map(AgentState::token).toList());
		model.addAttribute("reasons", Arrays.stream(AgentState.Reason.values()).map(AgentState.Reason::token).toList());
		model.addAttribute("rows", rows(user));
		return "agent/home";
	}

	@PostMapping("/agent/state")
	String state(@AuthenticationPrincipal ParleyUser user, @RequestParam(required = false) String state,
			@RequestParam(required = false) String reason, Model model, RedirectAttributes redirect) {
		try {
			states.change(user.agentId(), state, reason);
			redirect.addFlashAttribute("flash",
					messages.getMessage("presence.agent.state.saved", null, LocaleContextHolder.getLocale()));
			return "redirect:/agent";
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
			String view = agent(user, model);
			model.addAttribute("agentState", state);
			model.addAttribute("agentReason", reason);
			return view;
		}
	}

	private List<Row> rows(ParleyUser user) {
		return privacy.watchableByAgent(user.id(), PANEL).stream()
			.flatMap(c -> identity.find(new AccountId(c)).stream())
			.map(a -> new Row(a.id().value().toString(), a.displayName(), "connecting",
					PresenceSummary.of(PresenceDocument.neutral(PresentityId.customer(a.id().value())))))
			.sorted(java.util.Comparator.comparing(Row::name))
			.toList();
	}
}
