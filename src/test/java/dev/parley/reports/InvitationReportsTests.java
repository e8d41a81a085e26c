package dev.parley.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.invitations.Direction;
import dev.parley.invitations.InvitationRecordFixtures;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * Invitations in supervisors' reports: invitations stored in every state over two days and two agents are counted
 * by day, by agent and by medium, each split by direction, with the acceptance rate and the median time to answer;
 * one sent that ran out but was not swept yet counts as expired; a bad question is refused naming every field.
 */
@ParleyIntegrationTest
class InvitationReportsTests {

	@Autowired
	InvitationReports reports;

	@Autowired
	JdbcClient jdbc;

	InvitationRecordFixtures invitations;

	@BeforeEach
	void store() {
		invitations = new InvitationRecordFixtures(jdbc);
	}

	@AfterEach
	void forget() {
		invitations.deleteStored();
	}

	@Test
	void invitationsInEveryStateAddUpByDayAgentAndDirection() {
		LocalDate first = InvitationRecordFixtures.unusedDay();
		LocalDate second = first.plusDays(1);
		UUID ana = UUID.randomUUID();
		UUID ben = UUID.randomUUID();
		var at = invitations.at(first, reports.zone());
		at.sent(ana, Direction.TO_CUSTOMER, Medium.CHAT).accepted(10);
		at.sent(ana, Direction.TO_CUSTOMER, Medium.CHAT).accepted(30);
		at.sent(ana, Direction.TO_CUSTOMER, Medium.CHAT).declined(20);
		at.sent(ana, Direction.TO_CUSTOMER, Medium.CHAT).expired();
		at.sent(ana, Direction.TO_AGENT, Medium.CHAT).accepted(60);
		var then = invitations.at(second, reports.zone());
		then.sent(ben, Direction.TO_CUSTOMER, Medium.VOICE).declined(40);
		then.sent(ben, Direction.TO_CUSTOMER, Medium.CHAT).open(true);
		then.sent(ben, Direction.TO_CUSTOMER, Medium.CHAT).open(false);
		then.sent(ben, Direction.TO_AGENT, Medium.CHAT).expired();

		var byDay = reports.report(new InvitationQuery(first, second, Dimension.DAY, null, 0, 50));
		assertThat(byDay.rows()).extracting(InvitationRow::key, InvitationRow::direction, InvitationRow::sent,
				InvitationRow::accepted, InvitationRow::declined, InvitationRow::expired, InvitationRow::open,
				InvitationRow::medianAnswerSeconds)
			.containsExactly(tuple(first.toString(), Direction.TO_CUSTOMER, 4L, 2L, 1L, 1L, 0L, 20.0),
					tuple(first.toString(), Direction.TO_AGENT, 1L, 1L, 0L, 0L, 0L, 60.0),
					tuple(second.toString(), Direction.TO_CUSTOMER, 3L, 0L, 1L, 1L, 1L, 40.0),
					tuple(second.toString(), Direction.TO_AGENT, 1L, 0L, 0L, 1L, 0L, null));
		assertThat(byDay.rows().get(0).acceptanceRate()).isEqualTo(0.5);
		assertThat(byDay.rows().get(1).acceptanceRate()).isEqualTo(1.0);
		assertThat(byDay.rows().get(2).acceptanceRate()).as("the open one is not counted").isEqualTo(0.0);
		assertThat(byDay.totalRows()).isEqualTo(4);
		assertThat(byDay.totals()).extracting(InvitationRow::key, InvitationRow::direction, InvitationRow::sent,
				InvitationRow::accepted, InvitationRow::medianAnswerSeconds)
			.containsExactly(tuple("total", Direction.TO_CUSTOMER, 7L, 2L, 25.0),
					tuple("total", Direction.TO_AGENT, 2L, 1L, 60.0));

		var byAgent = reports.report(new InvitationQuery(first, second, Dimension.AGENT, null, 0, 50));
		assertThat(byAgent.rows()).extracting(InvitationRow::key, InvitationRow::direction, InvitationRow::sent)
			.startsWith(tuple(ana.toString(), Direction.TO_CUSTOMER, 4L), tuple(ben.toString(), Direction.TO_CUSTOMER, 3L))
			.contains(tuple(ana.toString(), Direction.TO_AGENT, 1L), tuple(ben.toString(), Direction.TO_AGENT, 1L))
			.hasSize(4);

		var onePage = reports.report(new InvitationQuery(first, second, Dimension.AGENT, null, 1, 3));
		assertThat(onePage.rows()).hasSize(1);
		assertThat(onePage.totalRows()).isEqualTo(4);

		var calls = reports.report(new InvitationQuery(first, second, Dimension.MEDIUM, Medium.VOICE, 0, 50));
		assertThat(calls.rows()).extracting(InvitationRow::key, InvitationRow::direction, InvitationRow::sent,
				InvitationRow::declined)
			.containsExactly(tuple("voice", Direction.TO_CUSTOMER, 1L, 1L));

		assertThat(reports.report(new InvitationQuery(second.plusDays(1), second.plusDays(3), Dimension.DAY, null, 0, 50))
			.rows()).isEmpty();
	}

	@Test
	void aBadQuestionIsRefusedNamingEveryField() {
		LocalDate today = LocalDate.now();
		assertThatThrownBy(() -> reports.report(new InvitationQuery(today, today.minusDays(1), Dimension.QUEUE, null,
				-1, 0)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
				.extracting(FieldViolation::field).containsExactlyInAnyOrder("to", "by", "page", "size"));
		assertThatThrownBy(() -> reports.report(new InvitationQuery(today.minusDays(400), today, Dimension.DAY, null,
				0, 50)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.violations()).extracting(FieldViolation::message)
						.containsExactly("a report covers at most 366 days"));
		assertThatThrownBy(() -> reports.report(new InvitationQuery(null, null, Dimension.DAY, null, 0, 50)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.violations()).extracting(FieldViolation::field).containsExactly("from", "to"));
	}
}
