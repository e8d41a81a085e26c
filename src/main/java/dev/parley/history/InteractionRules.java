package dev.parley.history;

import org.springframework.stereotype.Component;

import dev.parley.catalog.Catalog;
import dev.parley.common.Violations;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;

/** Checks a new interaction record: every field named at once. */
@Component
class InteractionRules {

	static final int SUMMARY_MAX = 2000;
	static final int TRANSCRIPT_MAX = 100_000;

	private final Catalog catalog;
	private final IdentityManagement identity;

	InteractionRules(Catalog catalog, IdentityManagement identity) {
		this.catalog = catalog;
		this.identity = identity;
	}

	void check(NewInteraction r) {
		var v = new Violations();
		v.check(r.customerId() == null || !hasRole(r.customerId().value(), Role.CUSTOMER), "customerId", "unknown",
				"must be a customer's account");
		v.check(r.agentId() == null || !hasRole(r.agentId().value(), Role.AGENT), "agentId", "unknown",
				"must be an agent's account");
		v.check(r.productId() != null && catalog.find(r.productId()).isEmpty(), "productId", "unknown",
				"must be a product of the catalog");
		v.check(r.medium() == null, "medium", "required", "must be given");
		v.check(r.direction() == null, "direction", "required", "must be given");
		v.check(r.outcome() == null, "outcome", "required", "must be given");
		v.check(r.startedAt() == null, "startedAt", "required", "must be given");
		v.check(r.endedAt() == null, "endedAt", "required", "must be given");
		v.check(r.startedAt() != null && r.endedAt() != null && r.endedAt().isBefore(r.startedAt()), "endedAt",
				"before-start", "must not be before the start");
		v.required(r.summary(), "summary").lines(r.summary(), SUMMARY_MAX, "summary");
		v.lines(r.transcript(), TRANSCRIPT_MAX, "transcript");
		v.throwIfAny();
	}

	private boolean hasRole(java.util.UUID id, Role role) {
		return identity.find(new AccountId(id)).map(Account::role).filter(role::equals).isPresent();
	}
}
