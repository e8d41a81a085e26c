package dev.parley.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.common.CustomerId;
import dev.parley.common.FieldViolation;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;
import dev.parley.history.InteractionHistory;
import dev.parley.history.InteractionRecordId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Eventually;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * Reports follow the broker: an answered and closed contact and an abandoned one become facts (through the
 * event registry), a rating joins its contact's fact, and the figures by queue, day, agent and medium add up.
 */
@ParleyIntegrationTest
class ReportsTests {

	@Autowired
	ContactReports reports;

	@Autowired
	IdentityManagement identity;

	@Autowired
	AgentManagement agents;

	@Autowired
	AgentStates states;

	@Autowired
	QueueManagement queues;

	@Autowired
	Interactions interactions;

	@Autowired
	AgentDesk desk;

	@Autowired
	InteractionHistory history;

	@Test
	void anAnsweredAndAnAbandonedContactAddUpByQueueDayAgentAndMedium() {
		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		var agent = RoutingFixtures.agent(agents, group);
		var first = new CustomerId(AccountFixtures.account(identity, Role.CUSTOMER).id().value());
		var second = new CustomerId(AccountFixtures.account(identity, Role.CUSTOMER).id().value());

		var left = interactions.start(second, new NewContact(Medium.CHAT, null, queue.key(), "gone")).interaction();
		interactions.leave(second, left.id());
		states.change(agent.id(), "ready", null);
		try {
			var served = interactions.start(first, new NewContact(Medium.CHAT, null, queue.key(), "help")).interaction();
			var offer = Eventually.value(() -> desk.offers(agent.id()).stream().findFirst().orElse(null));
			desk.accept(agent.id(), offer.offer().id());
			desk.end(agent.id(), served.id());
			desk.wrapUp(agent.id(), served.id(), Outcome.RESOLVED, "done");

			LocalDate today = LocalDate.now(reports.zone());
			var byQueue = new ReportQuery(today, today, Dimension.QUEUE, queue.key(), null, 0, 50);
			var row = Eventually.value(() -> {
				var r = reports.report(byQueue);
				return r.rows().size() == 1 && r.rows().get(0).offered() == 2 ? r.rows().get(0) : null;
			});
			assertThat(row.key()).isEqualTo(queue.key());
			assertThat(row.answered()).isEqualTo(1);
			assertThat(row.abandoned()).isEqualTo(1);
			assertThat(row.abandonRate()).isEqualTo(0.5);
			assertThat(row.serviceLevel()).as("answered at once, within the 20 s target").isEqualTo(0.5);
			assertThat(row.waitBuckets()[0]).isEqualTo(2);
			assertThat(row.averageHandleSeconds()).isNotNull();

			var byAgent = reports.report(new ReportQuery(today, today, Dimension.AGENT, queue.key(), null, 0, 50));
			assertThat(byAgent.rows()).extracting(ReportRow::key).containsExactly(agent.id().value().toString(), "none");
			var byDay = reports.report(new ReportQuery(today, today, Dimension.DAY, queue.key(), Medium.CHAT, 0, 50));
			assertThat(byDay.rows()).extracting(ReportRow::key).containsExactly(today.toString());
			assertThat(byDay.total().offered()).isEqualTo(2);
			assertThat(reports.report(new ReportQuery(today, today, Dimension.MEDIUM, queue.key(), Medium.VOICE, 0, 50))
				.rows()).isEmpty();

			var record = Eventually.value(() -> {
				try {
					return history.get(first, new InteractionRecordId(served.id().value()));
				}
				catch (dev.parley.common.NotFoundException e) {
					return null;
				}
			});
			history.rate(first, record.record().id(), 4, null, record.record().version());
			Eventually.value(() -> {
				var r = reports.report(byQueue).rows().get(0);
				return r.ratings() == 1 && r.averageRating() == 4.0 ? r : null;
			});
		}
		finally {
			states.change(agent.id(), "logged-out", null);
		}
	}

	@Test
	void aBadQuestionIsRefusedNamingEveryField() {
		LocalDate today = LocalDate.now();
		assertThatThrownBy(() -> reports.report(new ReportQuery(today, today.minusDays(1), Dimension.DAY, "no-such", null,
				-1, 0)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.violations())
				.extracting(FieldViolation::field).containsExactlyInAnyOrder("to", "queue", "page", "size"));
		assertThatThrownBy(() -> reports.report(new ReportQuery(today.minusDays(400), today, Dimension.DAY, null, null,
				0, 50)))
			.isInstanceOfSatisfying(InvalidInputException.class,
					e -> assertThat(e.violations().get(0).message()).contains("at most 366 days"));
	}
}
