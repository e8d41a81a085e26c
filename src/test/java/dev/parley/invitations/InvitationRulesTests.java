package dev.parley.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.parley.agent.OpeningHours;
import dev.parley.agent.WeeklySchedule;
import dev.parley.common.ConflictException;
import dev.parley.common.Medium;
import dev.parley.common.RefusedException;
import dev.parley.customer.Agenda;
import dev.parley.customer.AvailabilityWindow;
import dev.parley.customer.DatedException;
import dev.parley.customer.ExceptionKind;

/** The rules an agent's invitation and a customer's request keep, each refusal naming its rule. */
class InvitationRulesTests {

	static final Instant MONDAY_NOON = Instant.parse("2026-03-02T12:00:00Z");
	static final InvitationRules.Limits LIMITS = new InvitationRules.Limits(3, Duration.ofMinutes(10),
			Duration.ofDays(14));

	@Test
	void anInvitationKeepingEveryRuleIsAllowed() {
		assertThat(InvitationRules.checkInvitation(Medium.CHAT, facts().build(), LIMITS)).isEmpty();
	}

	@Test
	void aCustomerWhoDidNotConsentIsNotInvited() {
		assertThat(code(InvitationRules.checkInvitation(Medium.CHAT, facts().consent(false).build(), LIMITS)))
			.isEqualTo("no-consent");
	}

	@Test
	void anOfflineCustomerIsNotInvited() {
		assertThat(code(InvitationRules.checkInvitation(Medium.CHAT, facts().online(false).build(), LIMITS)))
			.isEqualTo("offline");
	}

	@Test
	void noVideoInvitationToSomeoneWithoutVideo() {
		var f = facts().customerMedia(EnumSet.of(Medium.CHAT, Medium.EMAIL)).build();
		var refused = InvitationRules.checkInvitation(Medium.VIDEO, f, LIMITS);
		assertThat(code(refused)).isEqualTo("medium-unavailable");
		assertThat(refused.get().getMessage()).contains("video");
		assertThat(InvitationRules.checkInvitation(Medium.CHAT, f, LIMITS)).isEmpty();
	}

	@Test
	void onlyMediaTheAgentHandlesToo() {
		var f = facts().agentMedia(EnumSet.of(Medium.CHAT)).build();
		assertThat(code(InvitationRules.checkInvitation(Medium.VOICE, f, LIMITS))).isEqualTo("medium-unavailable");
		assertThat(code(InvitationRules.checkRequest(Medium.VOICE, f, LIMITS))).isEqualTo("medium-unavailable");
	}

	@Test
	void noInvitationWhileTheAgentsGroupIsClosed() {
		var f = facts().hours(new WeeklySchedule(ZoneId.of("Europe/Berlin"),
				List.of(new OpeningHours(DayOfWeek.MONDAY, LocalTime.of(8, 0), LocalTime.of(12, 0))), List.of()));
		// 12:00 UTC is 13:00 in Berlin: closed since 12:00 local
		assertThat(code(InvitationRules.checkInvitation(Medium.CHAT, f.build(), LIMITS))).isEqualTo("closed");
		assertThat(code(InvitationRules.checkRequest(Medium.CHAT, f.build(), LIMITS))).isEqualTo("closed");
		assertThat(InvitationRules.checkInvitation(Medium.CHAT, f.now(Instant.parse("2026-03-02T10:59:00Z")).build(),
				LIMITS)).isEmpty();
	}

	@Test
	void aBusySlotIsRefusedWithTheNextFreeSlotInTheCustomersZoneAcrossTheSpringChangeInLondon() {
		ZoneId london = ZoneId.of("Europe/London");
		// Saturday 28 March 2026 busy all day; clocks go forward that night; free Sunday 09:00-12:00 local (BST)
		var agenda = new Agenda(List.of(new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(17, 0)),
				new AvailabilityWindow(DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))),
				List.of(new DatedException(LocalDate.of(2026, 3, 28), null, null, ExceptionKind.BUSY, "away")), 1L);
		var f = facts().agenda(agenda, london).now(Instant.parse("2026-03-28T12:00:00Z")).build();
		var refused = (RefusedException) InvitationRules.checkInvitation(Medium.CHAT, f, LIMITS).orElseThrow();
		assertThat(refused.code()).isEqualTo("busy-slot");
		assertThat(refused.details()).containsEntry("timeZone", "Europe/London")
			.containsEntry("nextFreeSlot", "2026-03-29T09:00+01:00");
		assertThat(refused.getMessage()).contains("Sun 29 Mar 2026 09:00 (Europe/London)");
	}

	@Test
	void theSameAgendaInNewYorkGivesItsOwnWallClockAcrossItsEarlierChange() {
		ZoneId newYork = ZoneId.of("America/New_York");
		// Saturday 7 March 2026 busy from 09:00 to 18:00; clocks go forward on Sunday 8 March at 02:00
		var agenda = new Agenda(List.of(new AvailabilityWindow(DayOfWeek.SATURDAY, LocalTime.of(9, 0), LocalTime.of(18, 0)),
				new AvailabilityWindow(DayOfWeek.SUNDAY, LocalTime.of(9, 0), LocalTime.of(12, 0))),
				List.of(new DatedException(LocalDate.of(2026, 3, 7), LocalTime.of(9, 0), LocalTime.of(18, 0),
						ExceptionKind.BUSY, null)), 1L);
		// 15:00 UTC is 10:00 EST: in the busy slot
		var f = facts().agenda(agenda, newYork).now(Instant.parse("2026-03-07T15:00:00Z")).build();
		var refused = (RefusedException) InvitationRules.checkInvitation(Medium.CHAT, f, LIMITS).orElseThrow();
		assertThat(refused.details()).containsEntry("nextFreeSlot", "2026-03-08T09:00-04:00");
		// the same instant for a customer in London (15:00 GMT, within their Saturday window) is free
		assertThat(InvitationRules.checkInvitation(Medium.CHAT,
				facts().agenda(agenda, ZoneId.of("Europe/London")).now(Instant.parse("2026-03-14T15:00:00Z")).build(),
				LIMITS)).isEmpty();
	}

	@Test
	void aCustomerWithoutAnAgendaIsFreeExceptInBusySlots() {
		var busyToday = new Agenda(List.of(), List.of(new DatedException(LocalDate.of(2026, 3, 2), LocalTime.of(11, 0),
				LocalTime.of(13, 0), ExceptionKind.BUSY, null)), 1L);
		var refused = (RefusedException) InvitationRules
			.checkInvitation(Medium.CHAT, facts().agenda(busyToday, ZoneOffset.UTC).build(), LIMITS).orElseThrow();
		assertThat(refused.details()).containsEntry("nextFreeSlot", "2026-03-02T13:00Z");
		assertThat(InvitationRules.checkInvitation(Medium.CHAT,
				facts().agenda(new Agenda(List.of(), List.of(), 1L), ZoneOffset.UTC).build(), LIMITS)).isEmpty();
	}

	@Test
	void oneOpenInvitationPerCustomerAndAgent() {
		var open = InvitationRules.checkInvitation(Medium.CHAT, facts().openWithAgent(true).build(), LIMITS);
		assertThat(open).get().isInstanceOf(ConflictException.class);
		assertThat(((ConflictException) open.get()).code()).isEqualTo("duplicate");
		assertThat(InvitationRules.checkRequest(Medium.CHAT, facts().openWithAgent(true).build(), LIMITS)).get()
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void anAgentMaySendOnlySoManyWithinTheWindowAndLearnsWhenTheNextGoes() {
		Instant first = MONDAY_NOON.minus(Duration.ofMinutes(7));
		assertThat(InvitationRules.checkInvitation(Medium.CHAT, facts().sent(2, first).build(), LIMITS)).isEmpty();
		var refused = (RefusedException) InvitationRules.checkInvitation(Medium.CHAT, facts().sent(3, first).build(),
				LIMITS).orElseThrow();
		assertThat(refused.code()).isEqualTo("rate-limited");
		assertThat(refused.kind()).isEqualTo(RefusedException.Kind.TOO_MANY_REQUESTS);
		assertThat(refused.retryAfterSeconds()).isEqualTo(180);
	}

	@Test
	void consentIsCheckedBeforeOnlineSoAnAgentLearnsNothingOfThePresenceOfSomeoneWhoDidNotConsent() {
		assertThat(code(InvitationRules.checkInvitation(Medium.CHAT, facts().consent(false).online(false).build(),
				LIMITS))).isEqualTo("no-consent");
	}

	@Test
	void aCustomersRequestNeedsNoConsentNorAgendaOfTheirOwn() {
		var f = facts().consent(false).online(false)
			.agenda(new Agenda(List.of(), List.of(new DatedException(LocalDate.of(2026, 3, 2), null, null,
					ExceptionKind.BUSY, null)), 1L), ZoneOffset.UTC)
			.build();
		assertThat(InvitationRules.checkRequest(Medium.CHAT, f, LIMITS)).isEmpty();
	}

	@Test
	void aCustomerWhoAsksTooOftenIsHeldBackAndTheTextSaysRequests() {
		var refused = (RefusedException) InvitationRules.checkRequest(Medium.CHAT,
				facts().sent(3, MONDAY_NOON.minusSeconds(420)).build(), LIMITS).orElseThrow();
		assertThat(refused.code()).isEqualTo("rate-limited");
		assertThat(refused.getMessage()).startsWith("You sent 3 requests within 10 minutes");
		assertThat(refused.retryAfterSeconds()).isEqualTo(180);
		assertThat(code(InvitationRules.checkRequest(Medium.VIDEO, facts().customerMedia(Set.of(Medium.CHAT)).build(),
				LIMITS))).isEqualTo("medium-unavailable");
		assertThat(InvitationRules.checkRequest(Medium.VIDEO, facts().customerMedia(Set.of(Medium.CHAT)).build(), LIMITS)
			.orElseThrow().getMessage()).isEqualTo("You cannot use video now");
	}

	private static String code(Optional<RuntimeException> refusal) {
		RuntimeException e = refusal.orElseThrow(() -> new AssertionError("expected a refusal"));
		return e instanceof RefusedException r ? r.code() : ((ConflictException) e).code();
	}

	static FactsBuilder facts() {
		return new FactsBuilder();
	}

	/** Facts where every rule holds (a Monday noon, open round the clock, a customer free all week), to vary. */
	static final class FactsBuilder {

		boolean consent = true;
		boolean online = true;
		Set<Medium> customerMedia = EnumSet.allOf(Medium.class);
		Set<Medium> agentMedia = EnumSet.allOf(Medium.class);
		Agenda agenda = new Agenda(List.of(), List.of(), 1L);
		ZoneId zone = ZoneOffset.UTC;
		WeeklySchedule hours = new WeeklySchedule(ZoneOffset.UTC, java.util.Arrays.stream(DayOfWeek.values())
			.map(d -> new OpeningHours(d, LocalTime.MIN, LocalTime.MAX)).toList(), List.of());
		boolean openWithAgent;
		int sent;
		Instant oldest;
		Instant now = MONDAY_NOON;

		FactsBuilder consent(boolean v) {
			consent = v;
			return this;
		}

		FactsBuilder online(boolean v) {
			online = v;
			return this;
		}

		FactsBuilder customerMedia(Set<Medium> v) {
			customerMedia = v;
			return this;
		}

		FactsBuilder agentMedia(Set<Medium> v) {
			agentMedia = v;
			return this;
		}

		FactsBuilder agenda(Agenda a, ZoneId z) {
			agenda = a;
			zone = z;
			return this;
		}

		FactsBuilder hours(WeeklySchedule v) {
			hours = v;
			return this;
		}

		FactsBuilder openWithAgent(boolean v) {
			openWithAgent = v;
			return this;
		}

		FactsBuilder sent(int n, Instant first) {
			sent = n;
			oldest = first;
			return this;
		}

		FactsBuilder now(Instant v) {
			now = v;
			return this;
		}

		InvitationRules.Facts build() {
			return new InvitationRules.Facts(consent, online, customerMedia, agentMedia, agenda, zone, hours,
					openWithAgent, sent, oldest, now);
		}
	}
}
