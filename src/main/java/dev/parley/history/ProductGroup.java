package dev.parley.history;

import java.util.List;

import dev.parley.catalog.ProductId;

/** A customer's interactions about one product ({@code productId} null: the "General" group), by agent. */
public record ProductGroup(ProductId productId, String productName, List<AgentGroup> agents) {

	public ProductGroup {
		agents = List.copyOf(agents);
	}

	public boolean isGeneral() {
		return productId == null;
	}

	public int count() {
		return agents.stream().mapToInt(AgentGroup::count).sum();
	}
}
