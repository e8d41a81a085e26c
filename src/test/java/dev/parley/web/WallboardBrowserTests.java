package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

/**
 * The supervisor's wallboard and the customer's status panel show the center's figures and follow them live:
 * a contact joining a queue and an agent becoming ready change the open pages without a reload.
 */
@BrowserTest
class WallboardBrowserTests {

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
	dev.parley.status.StatusHistory history;

	@Test
	void theWallboardFollowsAQueueAndItsAgentsLive(Browser browser) {
		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		browser.signIn(supervisor.username(), AccountFixtures.PASSWORD).open("/supervisor");
		By row = By.cssSelector("tr[data-queue='" + queue.key() + "']");
		By waiting = By.cssSelector("tr[data-queue='" + queue.key() + "'] [data-field=contactsWaiting]");
		assertThat(browser.text(row)).contains(queue.name());
		assertThat(browser.text(waiting)).isEqualTo("0");

		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		interactions.start(new CustomerId(customer.id().value()), new NewContact(Medium.CHAT, null, queue.key(), "wallboard"));
		browser.waitFor(d -> "1".equals(d.findElement(waiting).getText()));

		var agent = RoutingFixtures.agent(agents, group);
		By available = By.cssSelector("tr[data-queue='" + queue.key() + "'] [data-field=agentsLoggedIn]");
		try {
			states.change(agent.id(), "not-ready", "break");
			browser.waitFor(d -> "1".equals(d.findElement(available).getText()));
			By agentRow = By.cssSelector("#agent-rows tr[data-agent='" + agent.id().value() + "']");
			browser.waitFor(d -> !d.findElements(agentRow).isEmpty()
					&& d.findElement(agentRow).getText().contains("Not ready · Break"));
			assertThat(browser.text(agentRow)).contains(agent.displayName(), group);
			states.change(agent.id(), "ready", null);
			browser.waitFor(d -> d.findElement(agentRow).getText().contains("Ready"));
		}
		finally {
			states.change(agent.id(), "logged-out", null);
		}
		browser.screenshot("wallboard");
		browser.windowSize(390, 844).screenshot("wallboard-phone");
		assertThat(browser.overflowsSideways(By.cssSelector(".wallboard .card, .wallboard .tiles"))).isFalse();
	}

	@Test
	void theWallboardsChartsTakeEachNewSampleLive(Browser browser) {
		// the queue gets its contact at once: a minute's sample taken between the two (StatusHistory's timer) would
		// write the queue's row of that minute with nobody waiting, and the test's sample below would then find the
		// minute's row taken (the customer's account, slow to make with its password hash, comes first)
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		interactions.start(new CustomerId(customer.id().value()), new NewContact(Medium.CHAT, null, queue.key(), "charts"));
		var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		browser.signIn(supervisor.username(), AccountFixtures.PASSWORD).open("/supervisor");
		By data = By.id("chart-data");
		browser.waitFor(d -> d.findElements(By.cssSelector("#chart-waiting svg")).size() > 0);
		String before = browser.driver().findElement(data).getDomAttribute("data-fetched");
		int fetchedBefore = before == null ? 0 : Integer.parseInt(before);

		history.sample();
		browser.waitFor(d -> {
			String now = d.findElement(data).getDomAttribute("data-fetched");
			return now != null && Integer.parseInt(now) > fetchedBefore;
		});
		Object last = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
				var name = arguments[0];
				var s = echarts.getInstanceByDom(document.getElementById('chart-waiting')).getOption().series
				  .filter(function (x) { return x.name === name; })[0];
				return s ? s.data[s.data.length - 1] : null;""", queue.name());
		assertThat(((Number) last).intValue()).as("the queue's latest sample: one contact waiting").isEqualTo(1);
		assertThat(browser.text(By.id("charts"))).doesNotContain("No samples yet");
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById('charts').scrollIntoView()");
		browser.screenshot("wallboard-charts");
	}

	@Test
	void aQueuePastItsThresholdRaisesAnAlertOnTheOpenWallboard(Browser browser) {
		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
		browser.signIn(supervisor.username(), AccountFixtures.PASSWORD).open("/supervisor");
		By alert = By.cssSelector("#alert-list li[data-queue='" + queue.key() + "'][data-kind='waiting']");
		By row = By.cssSelector("tr[data-queue='" + queue.key() + "']");
		assertThat(browser.driver().findElements(alert)).isEmpty();
		for (int i = 0; i < 3; i++) { // the tests' threshold: three waiting
			var customer = AccountFixtures.account(identity, Role.CUSTOMER);
			interactions.start(new CustomerId(customer.id().value()), new NewContact(Medium.CHAT, null, queue.key(), "alert"));
		}
		browser.waitFor(d -> !d.findElements(alert).isEmpty());
		assertThat(browser.text(alert)).isEqualTo(queue.name() + ": 3 contacts waiting, the limit is 3");
		assertThat(browser.driver().findElement(row).getDomAttribute("class")).contains("breach");
		assertThat(browser.driver().findElement(By.id("alerts")).getDomAttribute("aria-live")).isEqualTo("polite");
		browser.open("/supervisor");
		assertThat(browser.text(alert)).as("rendered on a fresh page too").contains("3 contacts waiting");
		((org.openqa.selenium.JavascriptExecutor) browser.driver())
			.executeScript("document.getElementById('alerts').scrollIntoView()");
		browser.screenshot("wallboard-alerts");
	}

	@Test
	void aSupervisorReadsAnAgentsStateHistoryOfTheDay(Browser browser) {
		var agent = RoutingFixtures.agent(agents, RoutingFixtures.openGroup(agents));
		try {
			states.change(agent.id(), "ready", null);
			states.change(agent.id(), "not-ready", "break");
			var supervisor = AccountFixtures.account(identity, Role.SUPERVISOR);
			browser.signIn(supervisor.username(), AccountFixtures.PASSWORD).open("/supervisor/agents");
			By row = By.cssSelector("#agent-list tr[data-agent='" + agent.id().value() + "']");
			assertThat(browser.text(row)).contains(agent.displayName(), "Not ready · Break");
			browser.click(By.cssSelector("#agent-list tr[data-agent='" + agent.id().value() + "'] a"));
			browser.waitFor(d -> d.getCurrentUrl().contains("/supervisor/agents/" + agent.id().value()));
			assertThat(browser.text(By.id("periods"))).contains("Ready", "Not ready · Break");
			assertThat(browser.text(By.id("totals"))).contains("Ready", "Not ready · Break");
			browser.screenshot("agent-history");

			browser.open("/supervisor/agents/" + agent.id().value() + "?day=2026-13-40");
			assertThat(browser.text(By.id("day-error"))).contains("Give a day that has begun");
			assertThat(browser.text(By.id("periods"))).as("today's history shown meanwhile").contains("Not ready · Break");
			browser.open("/supervisor/agents/" + java.util.UUID.randomUUID());
			assertThat(browser.driver().getPageSource()).doesNotContain("State history of");
			browser.windowSize(390, 844).open("/supervisor/agents/" + agent.id().value()).screenshot("agent-history-phone");
			assertThat(browser.overflowsSideways(By.cssSelector("main .card"))).isFalse();
		}
		finally {
			states.change(agent.id(), "logged-out", null);
		}
	}

	@Test
	void theCustomersStatusPanelShowsWhatIsOpenAndFollowsTheWaitingCount(Browser browser) {
		var customer = AccountFixtures.account(identity, Role.CUSTOMER);
		browser.signIn(customer.username(), AccountFixtures.PASSWORD);
		By waiting = By.cssSelector("#live-status [data-field=contactsWaiting]");
		int before = Integer.parseInt(browser.text(waiting));
		assertThat(browser.text(By.id("live-status"))).contains("Chat", "Estimated wait now");

		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		var other = AccountFixtures.account(identity, Role.CUSTOMER);
		interactions.start(new CustomerId(other.id().value()), new NewContact(Medium.CHAT, null, queue.key(), "panel"));
		browser.waitFor(d -> Integer.parseInt(d.findElement(waiting).getText()) == before + 1);
	}
}
