package dev.parley.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.parley.common.Medium;

/** The queue a contact goes to when the customer does not choose one. */
class QueuePickTests {

	static Queue queue(String key, Set<Medium> media, Set<String> categories, boolean defaultQueue) {
		return new Queue(key, key, null, "g", media, categories, List.of(), RoutingStrategy.MOST_SKILLED, 0,
				Duration.ofSeconds(20), 3, Duration.ofSeconds(60), Duration.ofSeconds(20), defaultQueue, 0);
	}

	final Queue sales = queue("sales", EnumSet.of(Medium.CHAT, Medium.VOICE), Set.of("phones"), false);
	final Queue support = queue("support", EnumSet.allOf(Medium.class), Set.of("computers", "tv"), false);
	final Queue care = queue("care", EnumSet.of(Medium.CHAT, Medium.EMAIL), Set.of(), true);
	final List<Queue> all = List.of(care, sales, support);

	@Test
	void theProductsCategoryComesFirst() {
		assertThat(QueuePick.pick(all, "phones", List.of("computers"), Medium.CHAT, q -> true)).contains(sales);
	}

	@Test
	void withoutAProductTheStrongestInterestWithAQueueDecides() {
		assertThat(QueuePick.pick(all, null, List.of("garden", "tv", "phones"), Medium.CHAT, q -> true))
			.contains(support);
	}

	@Test
	void aProductWhoseCategoryHasNoQueueFallsToTheInterestsThenTheDefault() {
		assertThat(QueuePick.pick(all, "garden", List.of("phones"), Medium.CHAT, q -> true)).contains(sales);
		assertThat(QueuePick.pick(all, "garden", List.of(), Medium.CHAT, q -> true)).contains(care);
		assertThat(QueuePick.pick(all, null, List.of(), Medium.CHAT, q -> true)).contains(care);
	}

	@Test
	void onlyQueuesServingTheMediumCountForACategory() {
		assertThat(QueuePick.pick(all, "phones", List.of("tv"), Medium.VIDEO, q -> true)).contains(support);
		assertThat(QueuePick.pick(all, "phones", List.of(), Medium.EMAIL, q -> true)).contains(care);
	}

	@Test
	void anOpenQueueLaterInTheOrderWinsOverAClosedOne() {
		assertThat(QueuePick.pick(all, "phones", List.of("tv"), Medium.CHAT, q -> q != sales)).contains(support);
		assertThat(QueuePick.pick(all, "phones", List.of(), Medium.CHAT, q -> q == care)).contains(care);
	}

	@Test
	void whenNoneIsOpenTheFirstByTheRuleIsNamedSoStartingCanSayItIsClosed() {
		assertThat(QueuePick.pick(all, "phones", List.of("tv"), Medium.CHAT, q -> false)).contains(sales);
		assertThat(QueuePick.pick(all, null, List.of(), Medium.CHAT, q -> false)).contains(care);
	}

	@Test
	void theDefaultIsNamedEvenForAMediumItDoesNotServeWhenNothingElseIs() {
		assertThat(QueuePick.pick(all, null, List.of(), Medium.VIDEO, q -> true)).contains(care);
	}

	@Test
	void noQueueAtAllPicksNothing() {
		assertThat(QueuePick.pick(List.of(), "phones", List.of("tv"), Medium.CHAT, q -> true)).isEmpty();
		assertThat(QueuePick.pick(List.of(sales), "tv", List.of(), Medium.CHAT, q -> true)).isEmpty();
	}
}
