package dev.parley.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import org.springframework.stereotype.Component;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.history.Direction;
import dev.parley.history.InteractionHistory;
import dev.parley.common.Medium;
import dev.parley.history.NewInteraction;
import dev.parley.common.Outcome;

/** Each demo customer gets 4 to 12 past interactions over the last year, some of them rated. */
@Component
class HistorySeeder implements DemoSeeder {

	private static final String[] TOPICS = { "Asked about delivery times", "Could not sign in to the app",
			"Wanted to return an item", "Billing question about the last invoice", "Set-up help",
			"Asked for a warranty repair", "Compared two models before buying", "Reported a fault after an update" };

	private static final String[] COMMENTS = { "Quick and friendly.", "Solved it in one go.", null,
			"Took a while, but it worked.", "Had to call twice." };

	private final InteractionHistory history;

	HistorySeeder(InteractionHistory history) {
		this.history = history;
	}

	@Override
	public int order() {
		return 60;
	}

	@Override
	public void seed(DemoDataset dataset) {
		if (dataset.customers.isEmpty() || dataset.agents.isEmpty()) {
			return;
		}
		var random = new Random(60);
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		for (DemoDataset.Named customer : dataset.customers) {
			int count = 4 + random.nextInt(9);
			// each customer deals with a few products and a few agents, so the grouped history has depth
			var products = pick(dataset.products, 3, random);
			var agents = pick(dataset.agents, 3, random);
			for (int i = 0; i < count; i++) {
				var record = history.record(interaction(customer, products, agents, random, now));
				if (random.nextInt(3) > 0) {
					history.rate(new CustomerId(customer.id()), record.id(), 2 + random.nextInt(4),
							COMMENTS[random.nextInt(COMMENTS.length)], record.version());
				}
			}
		}
	}

	private static <T> List<T> pick(List<T> from, int n, Random random) {
		var copy = new java.util.ArrayList<>(from);
		java.util.Collections.shuffle(copy, random);
		return copy.subList(0, Math.min(n, copy.size()));
	}

	private static NewInteraction interaction(DemoDataset.Named customer, List<DemoDataset.SeededProduct> products,
			List<DemoDataset.Named> agents, Random random, Instant now) {
		ProductId product = products.isEmpty() || random.nextInt(5) == 0 ? null
				: new ProductId(products.get(random.nextInt(products.size())).id());
		var agent = agents.get(random.nextInt(agents.size()));
		Medium medium = Medium.values()[random.nextInt(Medium.values().length)];
		Instant start = now.minus(Duration.ofMinutes(60L * 24 * random.nextInt(365) + random.nextInt(60 * 24)));
		Instant end = start.plus(Duration.ofMinutes(3 + random.nextInt(40)));
		Outcome outcome = Outcome.values()[random.nextInt(Outcome.values().length)];
		String transcript = medium == Medium.CHAT ? "Customer: Hello, I need help.\nAgent: " + agent.name()
				+ " here, happy to help.\nCustomer: Thanks!" : null;
		return new NewInteraction(new CustomerId(customer.id()), product, new AgentId(agent.id()), medium,
				random.nextInt(4) == 0 ? Direction.OUTBOUND : Direction.INBOUND, start, end, outcome,
				TOPICS[random.nextInt(TOPICS.length)], transcript);
	}

}
