package dev.parley.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Category;
import dev.parley.catalog.Product;
import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;
import dev.parley.identity.Account;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;

/** Products, agents and interaction records for history tests, each uniquely named. */
final class HistoryFixtures {

	private HistoryFixtures() {
	}

	static ProductId product(Catalog catalog, String name) {
		String key = AccountFixtures.uniqueName("cat");
		catalog.addCategory(new Category(key, "Category " + key, "test", 1));
		var product = new Product(ProductId.random(), AccountFixtures.uniqueName("sku"), name, key, "A product", 1000,
				"EUR", true, List.of(), List.of());
		return catalog.addProduct(product).id();
	}

	static Account agent(IdentityManagement identity, String displayName) {
		var agent = AccountFixtures.account(identity, Role.AGENT);
		identity.rename(agent.id(), displayName);
		return agent;
	}

	static InteractionRecord record(InteractionHistory history, UUID customer, ProductId product, Account agent,
			Medium medium, String startedAt, String summary) {
		Instant start = Instant.parse(startedAt);
		return history.record(new NewInteraction(new CustomerId(customer), product, new AgentId(agent.id().value()), medium, Direction.INBOUND,
				start, start.plusSeconds(900), Outcome.RESOLVED, summary,
				medium == Medium.CHAT ? "Customer: hi\nAgent: hello" : null));
	}
}
