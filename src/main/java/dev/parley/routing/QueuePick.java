package dev.parley.routing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import dev.parley.common.Medium;

/**
 * Which queue a contact goes to when the customer does not choose one: the queues for the product's category that
 * serve the medium, then those for the customer's interests (strongest first), then the default queue. Of these the
 * first one open now wins; when none is open, the first of them (starting then says it is closed and when it
 * opens). The default queue comes last even when it does not serve the medium, so that starting can say so. Pure:
 * the queues, what is open and the interests are given.
 */
final class QueuePick {

	private QueuePick() {
	}

	/**
	 * @param queues every queue, in the order to prefer among equals
	 * @param productCategory the chosen product's category, or null
	 * @param interestCategories the categories of the customer's interests, strongest first
	 * @param openNow whether a queue takes contacts now
	 * @return empty when there is no queue to go to at all
	 */
	static Optional<Queue> pick(List<Queue> queues, String productCategory, List<String> interestCategories,
			Medium medium, Predicate<Queue> openNow) {
		var candidates = new LinkedHashSet<Queue>();
		if (productCategory != null) {
			candidates.addAll(forCategory(queues, productCategory, medium));
		}
		for (String category : interestCategories) {
			candidates.addAll(forCategory(queues, category, medium));
		}
		queues.stream().filter(Queue::defaultQueue).findFirst().ifPresent(candidates::add);
		return candidates.stream().filter(q -> q.serves(medium) && openNow.test(q)).findFirst()
			.or(() -> candidates.stream().filter(q -> q.serves(medium)).findFirst())
			.or(() -> candidates.stream().findFirst());
	}

	private static List<Queue> forCategory(List<Queue> queues, String category, Medium medium) {
		List<Queue> found = new ArrayList<>();
		for (Queue q : queues) {
			if (q.categories().contains(category) && q.serves(medium)) {
				found.add(q);
			}
		}
		return found;
	}
}
