package dev.parley.web;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStates;
import dev.parley.agent.AgentStatus;
import dev.parley.common.Outcome;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresencePrivacy;
import dev.parley.presence.PresenceSummary;
import dev.parley.presence.PresentityId;
import dev.parley.security.ParleyUser;

/**
 * Fills the model of the whole workstation page (/agent): the agent's state, their offers and open chats with
 * the customers beside them, transfer targets and dispositions. Both workstation controllers render it: the page
 * itself, and a form posted without the page script that comes back with field messages.
 */
@Component
class DeskPage {

	static final String VIEW = "agent/home";

	/** One row of the customer panel before push fills it in. */
	record Row(String key, String name, String state, PresenceSummary presence) {
	}

	private static final int PANEL = 50;

	private final AgentStates states;
	private final DeskViews views;
	private final PresencePrivacy privacy;
	private final IdentityManagement identity;

	DeskPage(AgentStates states, DeskViews views, PresencePrivacy privacy, IdentityManagement identity) {
		this.states = states;
		this.views = views;
		this.privacy = privacy;
		this.identity = identity;
	}

	String render(ParleyUser user, Model model) {
		state(user, model);
		model.addAttribute("offers", views.offers(user.agentId()));
		model.addAttribute("panes", views.panes(user));
		model.addAttribute("targets", views.targets(user.agentId()));
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("addressFields", OrdersController.ADDRESS_FIELDS);
		model.addAttribute("serverNow", System.currentTimeMillis());
		model.addAttribute("rows", rows(user));
		return VIEW;
	}

	/** The agent's state, as the state form and its "now" line show it. */
	void state(ParleyUser user, Model model) {
		AgentStatus status = states.status(user.agentId());
		model.addAttribute("agentStatus", status);
		if (!model.containsAttribute("agentState")) {
			model.addAttribute("agentState", status.state().token());
			model.addAttribute("agentReason", status.reason() == null ? "" : status.reason().token());
		}
		model.addAttribute("states", Arrays.stream(AgentState.values()).map(AgentState::token).toList());
		model.addAttribute("reasons", Arrays.stream(AgentState.Reason.values()).map(AgentState.Reason::token).toList());
	}

	/** Chat panes and forms need these besides the pane itself. */
	void paneExtras(ParleyUser user, Model model) {
		model.addAttribute("targets", views.targets(user.agentId()));
		model.addAttribute("outcomes", Outcome.values());
		model.addAttribute("addressFields", OrdersController.ADDRESS_FIELDS);
	}

	private List<Row> rows(ParleyUser user) {
		return privacy.watchableByAgent(user.id(), PANEL).stream()
			.flatMap(c -> identity.find(new AccountId(c)).stream())
			.map(a -> new Row(a.id().value().toString(), a.displayName(), "connecting",
					PresenceSummary.of(PresenceDocument.neutral(PresentityId.customer(a.id().value())))))
			.sorted(Comparator.comparing(Row::name))
			.toList();
	}
}
