package dev.parley.common;

import java.util.List;
import java.util.function.Function;

/** One page of a longer, ordered result. {@code page} counts from 0. */
public record PageResult<T>(List<T> items, int page, int size, long total) {

	public PageResult {
		items = List.copyOf(items);
	}

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), page, size, total);
	}

	/** Checks and clamps client-given paging: page >= 0, 1 <= size <= 200. */
	public static void validate(int page, int size) {
		new Violations().check(page < 0, "page", "range", "must be 0 or more")
			.check(size < 1 || size > 200, "size", "range", "must be between 1 and 200")
			.throwIfAny();
	}
}
