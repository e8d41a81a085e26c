package dev.parley.invitations;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentGroup;
import dev.parley.agent.AgentManagement;
import dev.parley.catalog.Catalog;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.NotFoundException;
import dev.parley.common.Violations;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.CustomerProfile;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.invitations.internal.InvitationStore;
import dev.parley.presence.PortalPresence;

/**
 * Reads what the rules need from the modules that know it (the customer's profile, their portal presence, the
 * agent and their group, the invitations stored) and checks the input's fields. Decides nothing itself.
 */
@Component
public class InvitationFacts {

	/** The names an invitation is shown with. */
	public record Names(String customer, String agent, String group) {
	}

	/** The input as it will be stored. */
	record Checked(String topic, String order) {
	}

	private final CustomerManagement customers;
	private final PortalPresence portal;
	private final AgentManagement agents;
	private final IdentityManagement identity;
	private final Catalog catalog;
	private final InvitationStore store;
	private final InvitationSettings settings;

	InvitationFacts(CustomerManagement customers, PortalPresence portal, AgentManagement agents,
			IdentityManagement identity, Catalog catalog, InvitationStore store, InvitationSettings settings) {
		this.customers = customers;
		this.portal = portal;
		this.agents = agents;
		this.identity = identity;
		this.catalog = catalog;
		this.store = store;
		this.settings = settings;
	}

	Checked checkInvitation(AgentId agent, NewInvitation input) {
		agents.agent(agent); // only agents invite
		var v = new Violations();
		v.check(input.customer() == null || !isCustomer(input.customer()), "customer",
				input.customer() == null ? "required" : "unknown", "must be a customer's id");
		v.check(input.medium() == null, "medium", "required", "must be one of CHAT, VOICE, EMAIL, VIDEO");
		String topic = strip(input.topic());
		v.text(topic, Invitations.MAX_TOPIC, "topic");
		String order = strip(input.order());
		v.check(order != null && !Invitations.ORDER.matcher(order).matches(), "order", "format",
				"must be an order number such as PO-100042");
		v.check(input.product() != null && catalog.find(input.product()).isEmpty(), "product", "unknown",
				"is not a product of the catalog");
		v.throwIfAny();
		return new Checked(topic, order);
	}

	String checkRequest(NewRequest input) {
		var v = new Violations();
		boolean known = input.agent() != null && isAgent(input.agent());
		v.check(!known, "agent", input.agent() == null ? "required" : "unknown", "must be an agent's id");
		v.check(input.medium() == null, "medium", "required", "must be one of CHAT, VOICE, EMAIL, VIDEO");
		String topic = strip(input.topic());
		v.text(topic, Invitations.MAX_TOPIC, "topic");
		v.throwIfAny();
		return topic;
	}

	InvitationRules.Facts forInvitation(AgentId agent, CustomerId customer, Instant now) {
		CustomerProfile profile = customers.profile(customer);
		return facts(agent, customer, profile, profile.interests().contactConsent(), portal.isOpen(customer.value()),
				now);
	}

	InvitationRules.Facts forRequest(AgentId agent, CustomerId customer, Instant now) {
		var f = facts(agent, customer, customers.profile(customer), true, true, now);
		List<Instant> asked = store.askedBy(customer, now.minus(settings.rateWindow()));
		return new InvitationRules.Facts(f.consent(), f.online(), f.customerMedia(), f.agentMedia(), f.agenda(),
				f.customerZone(), f.hours(), f.openWithAgent(), asked.size(), asked.isEmpty() ? null : asked.get(0), now);
	}

	/**
	 * The media a customer may ask this agent for now: those their enabled addresses carry and the agent and their
	 * group handle ({@code medium-unavailable} refuses any other).
	 */
	public Set<Medium> askable(CustomerId customer, AgentId agentId) {
		Agent agent = agents.agent(agentId);
		Set<Medium> media = EnumSet.noneOf(Medium.class);
		media.addAll(customers.profile(customer).capabilities().enabledMedia());
		media.retainAll(agent.media());
		media.retainAll(agents.group(agent.groupKey()).media());
		return media;
	}

	Names names(Invitation i) {
		String customer = identity.find(new AccountId(i.customer().value())).map(Account::displayName).orElse("?");
		try {
			Agent agent = agents.agent(i.agent());
			return new Names(customer, agent.displayName(), agents.group(agent.groupKey()).name());
		}
		catch (NotFoundException e) {
			return new Names(customer, "?", "?");
		}
	}

	private InvitationRules.Facts facts(AgentId agentId, CustomerId customer, CustomerProfile profile, boolean consent,
			boolean online, Instant now) {
		Agent agent = agents.agent(agentId);
		AgentGroup group = agents.group(agent.groupKey());
		Set<Medium> agentMedia = EnumSet.noneOf(Medium.class);
		agentMedia.addAll(agent.media());
		agentMedia.retainAll(group.media());
		List<Instant> sent = store.sentBy(agentId, now.minus(settings.rateWindow()));
		return new InvitationRules.Facts(consent, online, profile.capabilities().enabledMedia(), agentMedia,
				profile.agenda(), customers.timeZone(customer), group.schedule(), store.isOpen(customer, agentId, now),
				sent.size(), sent.isEmpty() ? null : sent.get(0), now);
	}

	private boolean isCustomer(CustomerId id) {
		return identity.find(new AccountId(id.value())).filter(a -> a.role() == Role.CUSTOMER).isPresent();
	}

	private boolean isAgent(AgentId id) {
		try {
			agents.agent(id);
			return true;
		}
		catch (NotFoundException e) {
			return false;
		}
	}

	private static String strip(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}
}
