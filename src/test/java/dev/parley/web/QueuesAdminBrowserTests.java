package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

import dev.parley.agent.AgentManagement;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.Category;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Registration;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RequiredSkill;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.Browser;
import dev.parley.testing.BrowserTest;

/**
 * An administrator, in a real browser, creates a queue, changes its strategy and media, is told what is wrong
 * with a bad setting (and nothing changes), is refused the delete while the queue has an open contact, and
 * deletes it once the contact is over; at desktop and phone width.
 */
@BrowserTest
class QueuesAdminBrowserTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	Catalog catalog;

	@Autowired
	CustomerManagement customers;

	@Autowired
	Interactions interactions;

	@Test
	void anAdministratorCreatesEditsAndDeletesAQueue(Browser browser) {
		String group = RoutingFixtures.openGroup(agents);
		// another queue first, so that the one made here is not the first and thus not the default
		RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.MOST_SKILLED, 20);
		String category = "c" + UUID.randomUUID().toString().substring(0, 8);
		catalog.addCategory(new Category(category, "Routers " + category, null, 99));
		String key = "q-" + UUID.randomUUID().toString().substring(0, 8);

		var admin = AccountFixtures.account(identity, Role.ADMIN);
		browser.signIn(admin.username(), AccountFixtures.PASSWORD).open("/admin");
		browser.click(By.id("admin-queues"));
		browser.click(By.id("new-queue"));
		browser.type(By.id("q-key"), key).type(By.id("q-name"), "Router help").select(By.id("q-group"), group);
		browser.click(By.id("q-media-CHAT")).click(By.id("q-category-" + category));
		browser.type(By.id("skill-0-key"), "routers").select(By.id("skill-0-level"), "3");
		browser.select(By.id("q-strategy"), "ROUND_ROBIN").type(By.id("q-offerTimeoutSeconds"), "30");
		browser.screenshot("admin-queue-new");
		browser.click(By.id("queue-save"));

		assertThat(browser.text(By.cssSelector(".flash"))).contains("Router help");
		var created = queues.queue(key);
		assertThat(created.strategy()).isEqualTo(RoutingStrategy.ROUND_ROBIN);
		assertThat(created.media()).containsExactly(Medium.CHAT);
		assertThat(created.categories()).containsExactly(category);
		assertThat(created.skills()).containsExactly(new RequiredSkill("routers", 3));
		assertThat(created.offerTimeout().toSeconds()).isEqualTo(30);
		assertThat(created.defaultQueue()).isFalse();
		String row = browser.text(By.id("queue-" + key));
		assertThat(row).contains("Router help", key, "Group " + group, "Chat", "Routers " + category, "Round robin",
				"30 s");
		browser.screenshot("admin-queues-1280");
		browser.windowSize(390, 844).reload();
		assertThat(browser.overflowRight(By.cssSelector("#queues-table tbody td"))).isZero();
		assertThat(browser.overflowsSideways(By.cssSelector(".table-wrap"))).isFalse();
		browser.screenshot("admin-queues-390");
		browser.windowSize(1280, 900);

		browser.click(By.cssSelector("#queue-" + key + " a"));
		browser.select(By.id("q-strategy"), "LONGEST_IDLE").click(By.id("q-media-EMAIL"));
		browser.click(By.id("queue-save"));
		assertThat(browser.text(By.cssSelector(".flash"))).contains("Router help");
		var edited = queues.queue(key);
		assertThat(edited.strategy()).isEqualTo(RoutingStrategy.LONGEST_IDLE);
		assertThat(edited.media()).containsExactlyInAnyOrder(Medium.CHAT, Medium.EMAIL);
		assertThat(edited.skills()).as("untouched settings stay").containsExactly(new RequiredSkill("routers", 3));

		browser.type(By.id("q-name"), "Renamed").type(By.id("q-offerTimeoutSeconds"), "2");
		browser.click(By.id("queue-save"));
		assertThat(browser.text(By.id("q-offerTimeoutSeconds-error"))).isEqualTo("must be between 5 and 300");
		assertThat(browser.find(By.id("q-offerTimeoutSeconds")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.find(By.id("queue-errors")).isDisplayed()).isTrue();
		assertThat(browser.value(By.id("q-name"))).as("what was typed stays in the form").isEqualTo("Renamed");
		assertThat(queues.queue(key)).as("nothing changed").isEqualTo(edited);
		browser.screenshot("admin-queue-error-1280");
		browser.windowSize(390, 844).screenshot("admin-queue-error-390");
		assertThat(browser.overflowsSideways(By.cssSelector("#queue-form"))).isFalse();
		browser.windowSize(1280, 900);

		CustomerId customer = customers.register(new Registration(AccountFixtures.uniqueName("cust"), "Cora Customer",
				UUID.randomUUID() + "@example.com", AccountFixtures.PASSWORD, "Europe/Berlin")).id();
		var contact = interactions.start(customer, new NewContact(Medium.CHAT, null, key, "my router")).interaction();
		browser.open("/admin/queues/" + key).click(By.id("queue-delete-button")).acceptDialogIfAny();
		assertThat(browser.text(By.id("queue-refusal"))).contains("open contacts", "not deleted");
		assertThat(queues.find(key)).as("still there").isPresent();
		browser.screenshot("admin-queue-refused");

		interactions.leave(customer, contact.id());
		browser.click(By.id("queue-delete-button")).acceptDialogIfAny();
		browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/queues"));
		assertThat(browser.text(By.cssSelector(".flash"))).contains("deleted");
		assertThat(browser.findAll(By.id("queue-" + key))).isEmpty();
		assertThat(queues.find(key)).isEmpty();
		assertThat(browser.text(By.cssSelector("header nav"))).as("the navigation links the page").contains("Queues");
	}
}
