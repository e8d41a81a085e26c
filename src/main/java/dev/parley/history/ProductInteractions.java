package dev.parley.history;

import java.util.List;

import dev.parley.catalog.ProductId;

/** A customer's interactions about one product ({@code productId} null: the "General" group), by agent. */
public record ProductInteractions(ProductId productId, String productName, List<AgentInteractions> agents) {

	public ProductInteractions {
		agents = List.copyOf(agents);
	}

	public boolean isGeneral() {
		return productId == null;
	}

	public int count() {
		return agents.stream().mapToInt(AgentInteractions::count).sum();
	}
}
