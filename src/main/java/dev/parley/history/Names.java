package dev.parley.history;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Product;
import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;

/** Looks up the product and agent names shown next to ids, once per distinct id. */
@Component
class Names {

	static final String UNKNOWN = "Unknown";

	private final Catalog catalog;
	private final IdentityManagement identity;

	Names(Catalog catalog, IdentityManagement identity) {
		this.catalog = catalog;
		this.identity = identity;
	}

	List<NamedInteraction> of(List<InteractionRecord> records) {
		var productIds = new LinkedHashSet<ProductId>();
		var agentIds = new LinkedHashSet<AgentId>();
		records.forEach(r -> {
			if (r.productId() != null) {
				productIds.add(r.productId());
			}
			agentIds.add(r.agentId());
		});
		Map<ProductId, String> products = products(productIds);
		Map<AgentId, String> agents = agents(agentIds);
		return records.stream()
			.map(r -> new NamedInteraction(r, r.productId() == null ? null : products.get(r.productId()),
					agents.get(r.agentId())))
			.toList();
	}

	Map<ProductId, String> products(Collection<ProductId> ids) {
		Map<ProductId, String> names = new HashMap<>();
		Map<ProductId, Product> found = catalog.byIds(ids);
		ids.forEach(id -> names.put(id, found.containsKey(id) ? found.get(id).name() : UNKNOWN));
		return names;
	}

	Map<AgentId, String> agents(Collection<AgentId> ids) {
		Map<AgentId, String> names = new HashMap<>();
		ids.forEach(id -> names.put(id,
				identity.find(new AccountId(id.value())).map(Account::displayName).orElse(UNKNOWN)));
		return names;
	}
}
