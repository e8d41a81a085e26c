package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.agent.AgentManagement;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.invitations.Direction;
import dev.parley.invitations.InvitationRecordFixtures;
import dev.parley.reports.ContactFact;
import dev.parley.reports.ContactReports;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

/** A supervisor reads a report by queue with its chart, downloads it as CSV, and is told what is wrong with a bad range. */
@BrowserTest
class ReportsBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	ContactReports reports;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSupervisorReadsAReportByQueueAndDownloadsIt(Browser browser) {
		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		LocalDate day = LocalDate.now(reports.zone()).minusDays(1);
		Instant at = day.atStartOfDay(reports.zone()).toInstant().plus(10, ChronoUnit.HOURS);
		for (int i = 0; i < 3; i++) {
			reports.record(new ContactFact(UUID.randomUUID(), day, queue.key(), Medium.CHAT, null, null, at,
					at.plusSeconds(15), at.plusSeconds(300), false, 15, 285L, 20, true, i == 0 ? 5 : null));
		}
		reports.record(new ContactFact(UUID.randomUUID(), day, queue.key(), Medium.CHAT, null, null, at, null,
				at.plusSeconds(90), true, 90, null, 20, false, null));

		var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		browser.signIn(supervisor.username(), AccountFixtures.PASSWORD)
			.open("/supervisor/reports?by=queue&queue=" + queue.key() + "&from=" + day + "&to=" + day);
		String row = browser.text(By.cssSelector("#report-rows tr[data-key='" + queue.key() + "']"));
		assertThat(row).contains(queue.name(), "4", "3", "1", "75%", "5.0 (1)");
		browser.waitFor(d -> !d.findElements(By.cssSelector("#report-chart svg")).isEmpty());
		browser.screenshot("reports");

		String csv = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
				"var done = arguments[arguments.length - 1];"
						+ "fetch(document.getElementById('report-csv').href).then(r => r.text()).then(done);");
		assertThat(csv.lines().toList()).hasSize(3);
		assertThat(csv.lines().skip(1).findFirst().orElseThrow()).startsWith(queue.key() + ",Queue " + queue.key()
				+ ",4,3,1,0.750,0.250,");

		browser.windowSize(390, 844).reload();
		assertThat(browser.overflowsSideways(By.cssSelector(".reports .card"))).isFalse();
		browser.screenshot("reports-phone");
	}

	@Test
	void aSupervisorReadsTheInvitationsByAgentAndDownloadsThem(Browser browser) {
		String group = RoutingFixtures.openGroup(agents);
		var ana = RoutingFixtures.agent(agents, group);
		var ben = RoutingFixtures.agent(agents, group);
		var stored = new InvitationRecordFixtures(jdbc);
		LocalDate day = InvitationRecordFixtures.unusedDay();
		try {
			var at = stored.at(day, reports.zone());
			at.sent(ana.id().value(), Direction.TO_CUSTOMER, Medium.CHAT).accepted(12);
			at.sent(ana.id().value(), Direction.TO_CUSTOMER, Medium.CHAT).accepted(30);
			at.sent(ana.id().value(), Direction.TO_CUSTOMER, Medium.CHAT).declined(50);
			at.sent(ana.id().value(), Direction.TO_AGENT, Medium.CHAT).expired();
			at.sent(ben.id().value(), Direction.TO_CUSTOMER, Medium.VOICE).expired();
			at.sent(ben.id().value(), Direction.TO_AGENT, Medium.CHAT).accepted(95);

			var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
			browser.signIn(supervisor.username(), AccountFixtures.PASSWORD)
				.open("/supervisor/reports?by=agent&from=" + day + "&to=" + day);
			String row = browser.text(By.cssSelector("#invitation-rows tr[data-key='" + ana.id().value()
					+ "'][data-direction='to-customer']"));
			assertThat(row).contains(ana.displayName(), "Agent to customer", "3", "2", "1", "67%", "30 s");
			assertThat(browser.text(By.cssSelector("#invitation-rows tr[data-key='" + ben.id().value()
					+ "'][data-direction='to-agent']"))).contains(ben.displayName(), "Customer to agent", "100%", "1:35");
			assertThat(browser.text(By.cssSelector("#invitations-total [data-direction='to-customer']")))
				.contains("4", "50%");
			browser.waitFor(d -> !d.findElements(By.cssSelector("#invitation-chart svg")).isEmpty());
			scrollTo(browser, "invitation-report");
			browser.screenshot("reports-invitations");

			String csv = fetch(browser, "document.getElementById('invitations-csv').href");
			assertThat(csv.lines().toList()).hasSize(1 + 4 + 2);
			assertThat(csv.lines().toList()).contains(ana.id().value() + "," + ana.displayName()
					+ ",to-customer,3,2,1,0,0,0.667,30.000", "total,,to-agent,2,1,0,1,0,0.500,95.000");
			String refused = fetch(browser, "'/supervisor/reports/invitations.csv?by=agent&from=" + day + "&to="
					+ day.minusDays(1) + "'");
			assertThat(refused).contains("to: must not be before from");

			browser.windowSize(390, 844).reload();
			assertThat(browser.overflowsSideways(By.cssSelector(".reports .card"))).isFalse();
			scrollTo(browser, "invitation-rows");
			browser.screenshot("reports-invitations-phone");
		}
		finally {
			stored.deleteStored();
		}
	}

	@Test
	void aReportNarrowedToAQueueSaysInvitationsGoToNone(Browser browser) {
		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		browser.signIn(supervisor.username(), AccountFixtures.PASSWORD).open("/supervisor/reports?queue=" + queue.key());
		assertThat(browser.text(By.id("invitations-by-queue"))).contains("Invitations go to no queue");
		assertThat(browser.findAll(By.id("invitation-rows"))).isEmpty();
	}

	private static void scrollTo(Browser browser, String id) {
		((JavascriptExecutor) browser.driver()).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
	}

	private static String fetch(Browser browser, String urlExpression) {
		return (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
				"var done = arguments[arguments.length - 1];"
						+ "fetch(" + urlExpression + ").then(r => r.text()).then(done);");
	}

	@Test
	void aRangeThatEndsBeforeItStartsIsExplained(Browser browser) {
		var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		browser.signIn(supervisor.username(), AccountFixtures.PASSWORD)
			.open("/supervisor/reports?from=2026-12-04&to=2026-12-01&by=day");
		assertThat(browser.text(By.cssSelector(".error-summary"))).contains("to: must not be before from");
		assertThat(browser.findAll(By.id("report"))).isEmpty();
	}
}
