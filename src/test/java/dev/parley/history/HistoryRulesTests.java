package dev.parley.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.CustomerId;
import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;

class HistoryRulesTests {

	static final CustomerId CUSTOMER = new CustomerId(UUID.randomUUID());
	static final UUID ANA = UUID.randomUUID();
	static final UUID BEN = UUID.randomUUID();
	static final ProductId PHONE = ProductId.random();
	static final ProductId ROUTER = ProductId.random();

	static NamedInteraction named(ProductId product, String productName, UUID agent, String agentName,
			String startedAt) {
		Instant start = Instant.parse(startedAt);
		var r = new InteractionRecord(InteractionRecordId.random(), CUSTOMER, product, new AgentId(agent), Medium.CHAT,
				Direction.INBOUND, start, start.plusSeconds(600), Outcome.RESOLVED, "s", null, null, null, null, 0);
		return new NamedInteraction(r, productName, agentName);
	}

	@Test
	void groupsByProductNameThenAgentNameWithGeneralLastAndRecordsNewestFirst() {
		var old = named(ROUTER, "Router", BEN, "Ben", "2026-01-01T10:00:00Z");
		var recent = named(ROUTER, "Router", BEN, "Ben", "2026-03-01T10:00:00Z");
		var phone = named(PHONE, "Phone", ANA, "Ana", "2026-02-01T10:00:00Z");
		var routerAna = named(ROUTER, "Router", ANA, "Ana", "2026-02-15T10:00:00Z");
		var general = named(null, null, ANA, "Ana", "2026-04-01T10:00:00Z");

		var groups = HistoryGrouping.group(List.of(general, old, phone, recent, routerAna));

		assertThat(groups).extracting(ProductInteractions::productName).containsExactly("Phone", "Router", null);
		assertThat(groups.get(2).isGeneral()).isTrue();
		var router = groups.get(1);
		assertThat(router.count()).isEqualTo(3);
		assertThat(router.agents()).extracting(AgentInteractions::agentName).containsExactly("Ana", "Ben");
		assertThat(router.agents().get(1).interactions()).containsExactly(recent, old);
		assertThat(router.agents().get(1).count()).isEqualTo(2);
	}

	@Test
	void dateRangeIsReadInTheViewersZoneAndIncludesBothDays() {
		var berlin = ZoneId.of("Europe/Berlin");
		var filter = new HistoryFilter(null, null, null, LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-02"),
				berlin);

		assertThat(filter.fromInstant()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
		assertThat(filter.toInstantExclusive()).isEqualTo(Instant.parse("2026-07-02T22:00:00Z"));
		assertThat(filter.matches(named(null, null, ANA, "Ana", "2026-06-30T22:30:00Z").record())).isTrue();
		assertThat(filter.matches(named(null, null, ANA, "Ana", "2026-06-30T21:59:00Z").record())).isFalse();
		assertThat(filter.matches(named(null, null, ANA, "Ana", "2026-07-02T21:59:00Z").record())).isTrue();
	}

	@Test
	void filterNamesEveryMalformedParameter() {
		assertThatThrownBy(() -> HistoryFilter.parse("nope", "x", "FAX", "2026-13-01", "yesterday", null))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
				.extracting(FieldViolation::field).containsExactly("product", "agent", "medium", "from", "to"));
	}

	@Test
	void filterRefusesFromAfterTo() {
		assertThatThrownBy(() -> HistoryFilter.parse(null, null, "chat", "2026-05-02", "2026-05-01", null))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.violations().get(0).field()).isEqualTo("from"));
	}

	@Test
	void filterAcceptsBlankPartsAndMediumInAnyCase() {
		var filter = HistoryFilter.parse("", " ", "video", "", null, null);
		assertThat(filter.medium()).isEqualTo(Medium.VIDEO);
		assertThat(filter.product()).isNull();
		assertThat(filter.fromInstant()).isNull();
	}

	@Test
	void ratingMustBeOneToFiveWithAShortComment() {
		assertThat(Rating.check(1, null).isEmpty()).isTrue();
		assertThat(Rating.check(5, "x".repeat(1000)).isEmpty()).isTrue();
		assertThat(Rating.check(0, null).isEmpty()).isFalse();
		assertThat(Rating.check(6, null).isEmpty()).isFalse();
		assertThat(Rating.check(null, null).isEmpty()).isFalse();
		assertThatThrownBy(() -> Rating.check(3, "x".repeat(1001)).throwIfAny())
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.violations().get(0).field()).isEqualTo("comment"));
	}
}
