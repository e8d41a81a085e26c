package dev.parley.history;

import java.util.List;

/** One page of a customer's records (newest first), grouped by product then by agent. */
public record GroupedHistory(List<ProductInteractions> groups, int page, int size, long total) {

	public GroupedHistory {
		groups = List.copyOf(groups);
	}

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}
}
