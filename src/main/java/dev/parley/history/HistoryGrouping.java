package dev.parley.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;

/**
 * Groups records by product (ordered by product name, the "General" group of records without a product
 * last), then by agent (ordered by agent name); records within an agent group stay newest first.
 */
public final class HistoryGrouping {

	private static final Comparator<String> BY_NAME = Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER);

	private static final Comparator<NamedInteraction> NEWEST_FIRST = Comparator
		.comparing((NamedInteraction n) -> n.record().startedAt()).reversed()
		.thenComparing(n -> n.record().id().value());

	private HistoryGrouping() {
	}

	public static List<ProductInteractions> group(List<NamedInteraction> interactions) {
		Map<ProductId, List<NamedInteraction>> byProduct = new LinkedHashMap<>();
		for (NamedInteraction n : interactions) {
			byProduct.computeIfAbsent(n.record().productId(), k -> new ArrayList<>()).add(n);
		}
		List<ProductInteractions> groups = new ArrayList<>();
		byProduct.forEach((product, list) -> groups.add(
				new ProductInteractions(product, product == null ? null : list.get(0).productName(), byAgent(list))));
		groups.sort(Comparator.comparing(ProductInteractions::isGeneral)
			.thenComparing(ProductInteractions::productName, BY_NAME)
			.thenComparing(g -> Objects.toString(g.productId(), "")));
		return groups;
	}

	private static List<AgentInteractions> byAgent(List<NamedInteraction> interactions) {
		Map<AgentId, List<NamedInteraction>> byAgent = new LinkedHashMap<>();
		for (NamedInteraction n : interactions) {
			byAgent.computeIfAbsent(n.record().agentId(), k -> new ArrayList<>()).add(n);
		}
		List<AgentInteractions> groups = new ArrayList<>();
		byAgent.forEach((agent, list) -> {
			list.sort(NEWEST_FIRST);
			groups.add(new AgentInteractions(agent, list.get(0).agentName(), list));
		});
		groups.sort(Comparator.comparing(AgentInteractions::agentName, BY_NAME)
			.thenComparing(g -> g.agentId().toString()));
		return groups;
	}
}
