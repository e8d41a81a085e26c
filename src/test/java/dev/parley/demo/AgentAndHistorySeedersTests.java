package dev.parley.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.agent.AgentManagement;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.Category;
import dev.parley.catalog.Product;
import dev.parley.catalog.ProductId;
import dev.parley.common.CustomerId;
import dev.parley.common.PageResult;
import dev.parley.history.HistoryFilter;
import dev.parley.history.InteractionHistory;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.NewAccount;
import dev.parley.identity.Role;

/** The agent and history seeders run through the services' rules on an empty in-memory database. */
@SpringBootTest
class AgentAndHistorySeedersTests {

	@Autowired
	AgentSeeder agentSeeder;

	@Autowired
	HistorySeeder historySeeder;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Catalog catalog;

	@Autowired
	AgentManagement agents;

	@Autowired
	InteractionHistory history;

	@Test
	void seedsGroupsAgentsAndEachCustomersHistory() {
		var dataset = new DemoDataset();
		transaction.executeWithoutResult(s -> {
			catalog.addCategory(new Category("phones", "Phones", "", 1));
			for (int i = 0; i < 3; i++) {
				var p = catalog.addProduct(new Product(ProductId.random(), "SKU-" + i, "Phone " + i, "phones", "d",
						100, "EUR", true, List.of(), List.of()));
				dataset.products.add(new DemoDataset.SeededProduct(p.id().value(), p.name(), "phones", 100));
			}
			dataset.categoryKeys.add("phones");
			var alice = identity.open(new NewAccount("alice-seed", DemoDataset.PASSWORD, "Alice", Role.CUSTOMER));
			dataset.customers.add(new DemoDataset.Named(alice.id().value(), "Alice"));
			historySeeder.seed(new DemoDataset());
			agentSeeder.seed(dataset);
			historySeeder.seed(dataset);
		});

		assertThat(agents.groups()).extracting(g -> g.key()).containsExactlyInAnyOrder("sales", "support", "care");
		assertThat(dataset.agents).hasSize(10);
		assertThat(dataset.signIns).extracting(DemoDataset.SignIn::username).contains("agent1", "agent10");
		assertThat(agents.agents(null)).hasSize(10);
		PageResult<?> page = history.history(new CustomerId(dataset.customers.get(0).id()), HistoryFilter.none(), 0, 50);
		assertThat(page.total()).isBetween(4L, 12L);
	}
}
