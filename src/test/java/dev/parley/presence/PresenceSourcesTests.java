package dev.parley.presence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStatus;
import dev.parley.common.InvalidInputException;
import dev.parley.customer.Agenda;
import dev.parley.customer.DatedException;
import dev.parley.customer.ExceptionKind;

/** Where presence comes from: the agenda's busy slots, the chosen status, agent routing states. */
class PresenceSourcesTests {

	static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

	static Agenda agenda(DatedException... exceptions) {
		return new Agenda(List.of(), Arrays.asList(exceptions), 1L);
	}

	@Test
	void aBusySlotMeansBusyUntilItsEndAndTheNextBoundaryIsItsEnd() {
		var slot = new DatedException(LocalDate.of(2025, 3, 3), LocalTime.of(14, 0), LocalTime.of(15, 0),
				ExceptionKind.BUSY, "dentist");
		var at = Instant.parse("2025-03-03T13:30:00Z"); // 14:30 in Berlin
		var busy = AgendaBusy.at(agenda(slot), BERLIN, at);
		assertThat(busy.busy()).isTrue();
		assertThat(busy.until()).isEqualTo(Instant.parse("2025-03-03T14:00:00Z"));
		assertThat(busy.note()).isEqualTo("dentist");
		assertThat(busy.nextBoundary()).isEqualTo(Instant.parse("2025-03-03T14:00:00Z"));
	}

	@Test
	void beforeASlotTheNextBoundaryIsItsStartAndFreeSlotsDoNotCount() {
		var busySlot = new DatedException(LocalDate.of(2025, 3, 4), null, null, ExceptionKind.BUSY, null);
		var free = new DatedException(LocalDate.of(2025, 3, 3), LocalTime.of(9, 0), LocalTime.of(10, 0),
				ExceptionKind.FREE, null);
		var busy = AgendaBusy.at(agenda(busySlot, free), BERLIN, Instant.parse("2025-03-03T08:30:00Z"));
		assertThat(busy.busy()).isFalse();
		assertThat(busy.nextBoundary()).isEqualTo(Instant.parse("2025-03-03T23:00:00Z"));
		assertThat(AgendaBusy.at(agenda(), BERLIN, Instant.now()).boundary()).isEmpty();
	}

	@Test
	void aChosenStatusNamesEveryBadField() {
		assertThatThrownBy(() -> StatusChoice.parse("sleepy", List.of("busy", "wrap-up", "nonsense"), "x".repeat(201)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
				.extracting(v -> v.field())
				.containsExactly("status", "activities[1]", "activities[2]", "note"));
		var ok = StatusChoice.parse("open", List.of("busy", "meeting"), "  in a call  ");
		assertThat(ok.activities()).containsExactlyInAnyOrder(Activity.BUSY, Activity.MEETING);
		assertThat(ok.note()).isEqualTo("in a call");
	}

	@Test
	void agentRoutingStatesReadAsPresence() {
		var now = Instant.parse("2025-03-03T10:00:00Z");
		assertThat(AgentPresence.tuple(AgentStatus.parse("logged-out", null, now)).isOpen()).isFalse();
		assertThat(AgentPresence.tuple(AgentStatus.parse("ready", null, now)).activities()).isEmpty();
		assertThat(AgentPresence.tuple(new AgentStatus(AgentState.WRAP_UP, null, now)).activities())
			.containsExactly(Activity.WRAP_UP);
		assertThat(AgentPresence.tuple(new AgentStatus(AgentState.BUSY, null, now)).activities())
			.containsExactly(Activity.BUSY);
		assertThatThrownBy(() -> AgentStatus.parse("busy", null, now)).isInstanceOf(InvalidInputException.class);
		assertThat(AgentPresence.tuple(AgentStatus.parse("not-ready", "meal", now)).activities()).containsExactly(Activity.MEAL);
		assertThatThrownBy(() -> AgentStatus.parse("not-ready", "", now))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.violations().get(0).field()).isEqualTo("reason"));
		assertThatThrownBy(() -> AgentStatus.parse("dancing", null, now))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.violations().get(0).field()).isEqualTo("state"));
	}
}
