package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.agent.AgentManagement;
import dev.parley.agent.HoursEntry;
import dev.parley.agent.NewGroup;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Registration;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.PageSession;
import dev.parley.testing.PageSession.Page;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * The administrators' queue pages over real HTTP on a whole Parley (H2, then PostgreSQL): only administrators
 * reach them, a form without the CSRF token is refused, every bad setting is named on its field and changes
 * nothing, and a queue with open contacts (or the default queue) is not deleted.
 */
@ParleyIntegrationTest
class QueuesAdminPageTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	CustomerManagement customers;

	@Autowired
	Interactions interactions;

	String group;
	Queue queue;
	PageSession admin;

	@BeforeEach
	void setUp() {
		group = RoutingFixtures.openGroup(agents);
		// a queue first, so that there is a default queue and the one the tests use is not it
		RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.MOST_SKILLED, 20);
		queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT, Medium.EMAIL), RoutingStrategy.LONGEST_IDLE, 30);
		admin = PageSession.signedIn(port, AccountFixtures.account(identity, Role.ADMIN).username());
	}

	@Test
	void onlyAdministratorsReachTheQueuePages() {
		String newKey = freshKey();
		for (Role role : List.of(Role.CUSTOMER, Role.AGENT, Role.SUPERVISOR)) {
			var other = PageSession.signedIn(port, AccountFixtures.account(identity, role).username());
			assertThat(other.get("/admin/queues").status()).as(role + " lists").isEqualTo(403);
			assertThat(other.get("/admin/queues/new").status()).as(role + " opens the new form").isEqualTo(403);
			assertThat(other.get("/admin/queues/" + queue.key()).status()).as(role + " opens a queue").isEqualTo(403);
			assertThat(other.post("/admin/queues", newQueue(newKey)).status()).as(role + " creates").isEqualTo(403);
			assertThat(other.post("/admin/queues/" + queue.key(), formOf(queue, "name", "Taken over")).status())
				.as(role + " edits").isEqualTo(403);
			assertThat(other.post("/admin/queues/" + queue.key() + "/delete", "version", "" + queue.version()).status())
				.as(role + " deletes").isEqualTo(403);
		}
		var anonymous = PageSession.anonymous(port).get("/admin/queues");
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.location()).endsWith("/login");
		assertThat(queues.find(newKey)).isEmpty();
		assertThat(queues.queue(queue.key())).isEqualTo(queue);

		Page list = admin.get("/admin/queues");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("id=\"queue-" + queue.key() + "\"", queue.name(), "Longest idle", "30 s");
	}

	@Test
	void aFormWithoutTheCsrfTokenIsRefusedAndChangesNothing() {
		String newKey = freshKey();
		assertThat(admin.postWithout("/admin/queues", newQueue(newKey)).status()).isEqualTo(403);
		assertThat(admin.postWithout("/admin/queues/" + queue.key(), formOf(queue, "name", "Forged")).status())
			.isEqualTo(403);
		assertThat(admin.postWithout("/admin/queues/" + queue.key() + "/delete", "version", "" + queue.version())
			.status()).isEqualTo(403);
		assertThat(queues.find(newKey)).isEmpty();
		assertThat(queues.queue(queue.key())).isEqualTo(queue);
	}

	@Test
	void aGoodNewQueueIsCreatedWithEverySetting() {
		String key = freshKey();
		Page answer = admin.post("/admin/queues", newQueue(key));
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.location()).endsWith("/admin/queues");
		assertThat(admin.follow(answer).body()).contains("Queue Fresh queue created.");
		var created = queues.queue(key);
		assertThat(created.groupKey()).isEqualTo(group);
		assertThat(created.media()).containsExactlyInAnyOrder(Medium.CHAT, Medium.VOICE);
		assertThat(created.strategy()).isEqualTo(RoutingStrategy.LEAST_BUSY);
		assertThat(created.skills()).extracting(s -> s.key() + ":" + s.minLevel()).containsExactly("billing:4");
		assertThat(created.priority()).isEqualTo(2);
		assertThat(created.offerTimeout().toSeconds()).isEqualTo(15);
		assertThat(created.maxMissedOffers()).isEqualTo(2);
		assertThat(created.wrapUpLimit().toSeconds()).isEqualTo(90);
		assertThat(created.serviceLevelTarget().toSeconds()).isEqualTo(30);
		assertThat(created.defaultQueue()).isFalse();
	}

	@Test
	void everyBadSettingOfANewQueueIsNamedOnItsFieldAndNothingIsCreated() {
		int before = queues.queues().size();
		Page page = admin.post("/admin/queues", "key", "Bad Key", "name", " ", "groupKey", group, "media", "CHAT",
				"categories", "no-such-category", "skills[0].key", "", "skills[1].key", "Bad Skill",
				"skills[1].minLevel", "2", "skills[2].key", "billing", "skills[2].minLevel", "9", "strategy",
				"ROUND_ROBIN", "offerTimeoutSeconds", "2", "maxMissedOffers", "lots", "wrapUpSeconds", "3601",
				"serviceLevelSeconds", "4", "priority", "11");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"queue-errors\"");
		assertThat(error(page, "q-key")).contains("lowercase letters");
		assertThat(error(page, "q-name")).isEqualTo("must not be blank");
		assertThat(error(page, "q-categories")).isEqualTo("must be categories of the catalog");
		assertThat(error(page, "skill-1-key")).as("the form's row, not the index among filled rows")
			.contains("lowercase letters");
		assertThat(error(page, "skill-2-level")).isEqualTo("must be between 1 and 5");
		assertThat(error(page, "q-offerTimeoutSeconds")).isEqualTo("must be between 5 and 300");
		assertThat(error(page, "q-maxMissedOffers")).isEqualTo("must be between 1 and 10");
		assertThat(error(page, "q-wrapUpSeconds")).isEqualTo("must be between 0 and 3600");
		assertThat(error(page, "q-serviceLevelSeconds")).isEqualTo("must be between 5 and 3600");
		assertThat(error(page, "q-priority")).isEqualTo("must be between -10 and 10");
		for (String field : List.of("q-key", "q-name", "skill-1-key", "skill-2-level", "q-offerTimeoutSeconds",
				"q-maxMissedOffers", "q-priority")) {
			assertThat(marked(page, field)).as(field + " is marked invalid").isTrue();
		}
		assertThat(marked(page, "q-group")).isFalse();
		assertThat(page.body()).as("what was typed is shown again").contains("value=\"Bad Key\"", "value=\"lots\"");

		Page noGroup = admin.post("/admin/queues", "key", freshKey(), "name", "No group", "groupKey", "no-such-group");
		assertThat(error(noGroup, "q-group")).isEqualTo("must be an existing agent group");
		assertThat(error(noGroup, "q-media")).isEqualTo("must serve at least one medium");
		assertThat(error(admin.post("/admin/queues", newQueue(queue.key())), "q-key")).isEqualTo("is taken by another queue");
		assertThat(error(admin.post("/admin/queues", newQueue("new")), "q-key")).contains("reserved");
		assertThat(queues.queues()).hasSize(before);
		assertThat(queues.queue(queue.key())).isEqualTo(queue);
	}

	@Test
	void aBadEditIsNamedOnItsFieldAndChangesNothing() {
		String chatOnly = "g" + UUID.randomUUID().toString().substring(0, 8);
		agents.createGroup(new NewGroup(chatOnly, "Chat only", null, EnumSet.of(Medium.CHAT), "UTC",
				List.of(new HoursEntry("MONDAY", "09:00", "17:00")), List.of()), null);
		Queue chat = RoutingFixtures.queue(queues, chatOnly, Set.of(Medium.CHAT), RoutingStrategy.ROUND_ROBIN, 20);

		Page page = admin.post("/admin/queues/" + chat.key(), formOf(chat, "name", "Renamed", "media", "CHAT", "media",
				"VIDEO", "skills[0].key", "billing", "skills[1].key", "billing"));
		assertThat(page.status()).isEqualTo(200);
		assertThat(error(page, "q-media")).isEqualTo("the group does not offer VIDEO");
		assertThat(error(page, "skill-1-key")).isEqualTo("is listed twice; give each skill once");
		assertThat(page.body()).contains("value=\"Renamed\"");
		assertThat(queues.queue(chat.key())).isEqualTo(chat);

		Queue defaultQueue = queues.queues().stream().filter(Queue::defaultQueue).findFirst().orElseThrow();
		Page undefault = admin.post("/admin/queues/" + defaultQueue.key(), formOf(defaultQueue, "defaultQueue", null));
		assertThat(error(undefault, "q-default")).contains("stays the default until you make another queue the default");
		assertThat(queues.queue(defaultQueue.key())).isEqualTo(defaultQueue);

		Page stale = admin.post("/admin/queues/" + chat.key(), formOf(chat, "name", "Late", "version",
				"" + (chat.version() + 7)));
		assertThat(stale.status()).isEqualTo(200);
		assertThat(stale.body()).contains("Someone else changed this in the meantime").doesNotContain("value=\"Late\"");
		assertThat(queues.queue(chat.key())).isEqualTo(chat);

		Page good = admin.post("/admin/queues/" + chat.key(), formOf(chat, "name", "Renamed", "strategy", "LEAST_BUSY"));
		assertThat(good.status()).isEqualTo(302);
		var saved = queues.queue(chat.key());
		assertThat(saved.name()).isEqualTo("Renamed");
		assertThat(saved.strategy()).isEqualTo(RoutingStrategy.LEAST_BUSY);
		assertThat(saved.version()).isGreaterThan(chat.version());
	}

	@Test
	void aQueueWithOpenContactsOrTheDefaultQueueIsNotDeleted() {
		CustomerId customer = customers.register(new Registration(AccountFixtures.uniqueName("cust"), "Cora Customer",
				UUID.randomUUID() + "@example.com", AccountFixtures.PASSWORD, "Europe/Berlin")).id();
		var contact = interactions.start(customer, new NewContact(Medium.CHAT, null, queue.key(), null)).interaction();

		Page refused = admin.post("/admin/queues/" + queue.key() + "/delete", "version", "" + queue.version());
		assertThat(refused.status()).isEqualTo(302);
		assertThat(refused.location()).endsWith("/admin/queues/" + queue.key());
		assertThat(admin.follow(refused).body()).contains("id=\"queue-refusal\"", "still has open contacts",
				"It was not deleted");
		assertThat(queues.find(queue.key())).isPresent();

		Queue defaultQueue = queues.queues().stream().filter(Queue::defaultQueue).findFirst().orElseThrow();
		Page notDefault = admin.post("/admin/queues/" + defaultQueue.key() + "/delete", "version",
				"" + defaultQueue.version());
		assertThat(admin.follow(notDefault).body()).contains("This is the default queue");
		assertThat(queues.find(defaultQueue.key())).isPresent();

		interactions.leave(customer, contact.id());
		Page stale = admin.post("/admin/queues/" + queue.key() + "/delete", "version", "" + (queue.version() + 3));
		assertThat(admin.follow(stale).body()).contains("Someone else changed this queue");
		assertThat(queues.find(queue.key())).isPresent();

		Page deleted = admin.post("/admin/queues/" + queue.key() + "/delete", "version", "" + queue.version());
		assertThat(deleted.location()).endsWith("/admin/queues");
		assertThat(admin.follow(deleted).body()).contains("Queue " + queue.name() + " deleted.")
			.doesNotContain("id=\"queue-" + queue.key() + "\"");
		assertThat(queues.find(queue.key())).isEmpty();
	}

	private String[] newQueue(String key) {
		return new String[] { "key", key, "name", "Fresh queue", "groupKey", group, "media", "CHAT", "media", "VOICE",
				"skills[0].key", "billing", "skills[0].minLevel", "4", "skills[1].key", "", "strategy", "LEAST_BUSY",
				"priority", "2", "offerTimeoutSeconds", "15", "maxMissedOffers", "2", "wrapUpSeconds", "90",
				"serviceLevelSeconds", "30" };
	}

	/** The form as the edit page fills it for the queue, with some fields replaced (null: left out). */
	private static String[] formOf(Queue q, String... replaced) {
		List<String> form = new ArrayList<>(List.of("name", q.name(), "groupKey", q.groupKey(), "strategy",
				q.strategy().name(), "priority", "" + q.priority(), "offerTimeoutSeconds", "" + q.offerTimeout().toSeconds(),
				"maxMissedOffers", "" + q.maxMissedOffers(), "wrapUpSeconds", "" + q.wrapUpLimit().toSeconds(),
				"serviceLevelSeconds", "" + q.serviceLevelTarget().toSeconds(), "version", "" + q.version()));
		q.media().forEach(m -> form.addAll(List.of("media", m.name())));
		q.categories().forEach(c -> form.addAll(List.of("categories", c)));
		for (int i = 0; i < q.skills().size(); i++) {
			form.addAll(List.of("skills[" + i + "].key", q.skills().get(i).key(), "skills[" + i + "].minLevel",
					"" + q.skills().get(i).minLevel()));
		}
		if (q.defaultQueue()) {
			form.addAll(List.of("defaultQueue", "true"));
		}
		for (int i = 0; i < replaced.length; i += 2) {
			String name = replaced[i];
			for (int j = form.size() - 2; j >= 0; j -= 2) {
				if (form.get(j).equals(name)) {
					form.subList(j, j + 2).clear();
				}
			}
		}
		for (int i = 0; i < replaced.length; i += 2) {
			if (replaced[i + 1] != null) {
				form.addAll(List.of(replaced[i], replaced[i + 1]));
			}
		}
		return form.toArray(String[]::new);
	}

	/** The message shown next to the field with this id. */
	private static String error(Page page, String id) {
		var m = Pattern.compile("id=\"" + Pattern.quote(id) + "-error\" class=\"field-error\">([^<]*)<").matcher(page.body());
		assertThat(m.find()).as("a message for " + id + " on the page").isTrue();
		return m.group(1).replace("&#39;", "'").replace("&quot;", "\"").replace("&amp;", "&");
	}

	/** Whether the field with this id is marked aria-invalid. */
	private static boolean marked(Page page, String id) {
		var m = Pattern.compile("<(?:input|select|textarea)[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>")
			.matcher(page.body());
		assertThat(m.find()).as("the field " + id).isTrue();
		return m.group().contains("aria-invalid=\"true\"");
	}

	private static String freshKey() {
		return "q-" + UUID.randomUUID().toString().substring(0, 8);
	}
}
