package dev.parley.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentStates;
import dev.parley.chat.Chat;
import dev.parley.chat.Participant;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.identity.Account;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.InteractionId;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ParleyIntegrationTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The broker's events reach a signed-in customer's open page over the live channel (a real event stream,
 * signed in with the form): the agent's message, the agent's read receipt of the customer's message, and the
 * interaction's change of state, each after the change committed.
 */
@ParleyIntegrationTest
class BrokerPushTests {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	AgentManagement agents;

	@Autowired
	QueueManagement queues;

	@Autowired
	AgentStates states;

	@Autowired
	Interactions interactions;

	@Autowired
	AgentDesk desk;

	@Autowired
	Chat chat;

	final ObjectMapper json = new ObjectMapper();

	final List<CompletableFuture<?>> streams = new ArrayList<>();

	Agent agent;

	@AfterEach
	void close() {
		streams.forEach(s -> s.cancel(true));
		if (agent != null) {
			states.change(agent.id(), "logged-out", null);
		}
	}

	@Test
	void theCustomersPageHearsTheAgentsMessageReceiptsAndTheInteractionsStates() throws Exception {
		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		agent = RoutingFixtures.agent(agents, group);
		Account customer = AccountFixtures.account(identity, Role.CUSTOMER);
		BlockingQueue<Event> events = open(customer.username());

		states.change(agent.id(), "ready", null);
		InteractionId id = interactions.start(new CustomerId(customer.id().value()),
				new NewContact(Medium.CHAT, null, queue.key(), "push")).interaction().id();
		var offer = dev.parley.testing.Eventually.value(() -> desk.offers(agent.id()).stream().findFirst().orElse(null));
		desk.accept(agent.id(), offer.offer().id());
		assertThat(next(events, "interaction", e -> e.data().path("state").asString("").equals("connected")))
			.as("the page hears that an agent took the chat").isNotNull();

		var me = Participant.customer(customer.id().value(), customer.displayName());
		var them = Participant.agent(agent.id().value(), "Agent");
		chat.post(them, id, "Hello, how can I help?", null);
		Event message = next(events, "message", e -> e.data().path("interaction").asString("").equals(id.toString()));
		assertThat(message.data().path("body").asString()).isEqualTo("Hello, how can I help?");
		assertThat(message.data().path("sender").asString()).isEqualTo("agent");

		var mine = chat.post(me, id, "My router blinks red.", null);
		chat.read(them, id, mine.seq());
		Event receipts = next(events, "receipts", e -> e.data().path("agentRead").asLong() == mine.seq());
		assertThat(receipts.data().path("lastSeq").asLong()).isEqualTo(mine.seq());
	}

	@Test
	void aCustomersPageHearsOfTheirOwnChatsOnlyNeverOfAnothersChat() throws Exception {
		String group = RoutingFixtures.openGroup(agents);
		var queue = RoutingFixtures.queue(queues, group, Set.of(Medium.CHAT), RoutingStrategy.LONGEST_IDLE, 60);
		agent = RoutingFixtures.agent(agents, group);
		Account watcher = AccountFixtures.account(identity, Role.CUSTOMER);
		Account other = AccountFixtures.account(identity, Role.CUSTOMER);
		BlockingQueue<Event> events = open(watcher.username());

		states.change(agent.id(), "ready", null);
		InteractionId theirs = interactions.start(new CustomerId(other.id().value()),
				new NewContact(Medium.CHAT, null, queue.key(), "someone else's")).interaction().id();
		var offer = dev.parley.testing.Eventually.value(() -> desk.offers(agent.id()).stream().findFirst().orElse(null));
		desk.accept(agent.id(), offer.offer().id());
		var them = Participant.agent(agent.id().value(), "Agent");
		var otherCustomer = Participant.customer(other.id().value(), other.displayName());
		chat.post(them, theirs, "A private answer", null);
		var asked = chat.post(otherCustomer, theirs, "A private question", null);
		chat.read(them, theirs, asked.seq());
		chat.typing(otherCustomer, theirs);
		chat.typing(them, theirs);

		InteractionId mine = interactions.start(new CustomerId(watcher.id().value()),
				new NewContact(Medium.CHAT, null, queue.key(), "mine")).interaction().id();
		List<Event> heard = new ArrayList<>();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (heard.stream().noneMatch(e -> e.name().equals("interaction")
				&& e.data().path("id").asString("").equals(mine.toString())) && System.nanoTime() < end) {
			Event e = events.poll(100, TimeUnit.MILLISECONDS);
			if (e != null) {
				heard.add(e);
			}
		}
		assertThat(heard).as("the page hears of its own chat").anyMatch(e -> e.name().equals("interaction"));
		Thread.sleep(1000); // anything of the other chat still on its way arrives meanwhile
		events.drainTo(heard);
		assertThat(heard).noneMatch(e -> e.data().toString().contains(theirs.toString()));
		assertThat(heard).noneMatch(e -> e.data().toString().contains("A private"));
	}

	@Test
	void aCustomerWhoAsksForAgentsStatesGetsNone() throws Exception {
		String group = RoutingFixtures.openGroup(agents);
		agent = RoutingFixtures.agent(agents, group);
		Account customer = AccountFixtures.account(identity, Role.CUSTOMER);
		BlockingQueue<Event> events = open(customer.username(), "agents,status");
		states.change(agent.id(), "ready", null);
		next(events, "status", e -> true); // the same push round as the agents' list would be
		assertThat(events.stream().map(Event::name)).doesNotContain("agents");
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
		while (System.nanoTime() < end) {
			Event e = events.poll(100, TimeUnit.MILLISECONDS);
			assertThat(e == null ? "" : e.name()).isNotEqualTo("agents");
		}
	}

	record Event(String name, JsonNode data) {
	}

	/** The first event of that name matching the test within 10 s (others are skipped); fails otherwise. */
	private static Event next(BlockingQueue<Event> events, String name, java.util.function.Predicate<Event> test)
			throws InterruptedException {
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (System.nanoTime() < end) {
			Event e = events.poll(100, TimeUnit.MILLISECONDS);
			if (e != null && e.name().equals(name) && test.test(e)) {
				return e;
			}
		}
		throw new AssertionError("no '" + name + "' event within 10 s");
	}

	/** Signs in with the form and opens the page's event stream; its events, parsed. */
	private BlockingQueue<Event> open(String username) throws Exception {
		return open(username, "");
	}

	private BlockingQueue<Event> open(String username, String want) throws Exception {
		var http = HttpClient.newBuilder().cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
		String base = "http://127.0.0.1:" + port;
		String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
				HttpResponse.BodyHandlers.ofString()).body();
		var matcher = CSRF.matcher(login);
		assertThat(matcher.find()).as("sign-in form's CSRF token").isTrue();
		String form = "username=" + enc(username) + "&password=" + enc(AccountFixtures.PASSWORD) + "&_csrf="
				+ enc(matcher.group(1));
		var signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(signedIn.uri().getPath()).as("signed in").isNotEqualTo("/login");

		BlockingQueue<Event> events = new LinkedBlockingQueue<>();
		BlockingQueue<Boolean> hello = new LinkedBlockingQueue<>();
		var request = HttpRequest.newBuilder(URI.create(base + "/live/presence?want=" + want))
			.header("Accept", "text/event-stream").build();
		streams.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAccept(r -> read(r.body(), events,
				hello)));
		assertThat(hello.poll(10, TimeUnit.SECONDS)).as("the stream says hello").isNotNull();
		return events;
	}

	private void read(Stream<String> lines, BlockingQueue<Event> events, BlockingQueue<Boolean> hello) {
		String[] name = { null };
		StringBuilder data = new StringBuilder();
		lines.forEach(line -> {
			if (line.startsWith("event:")) {
				name[0] = line.substring(6).strip();
			}
			else if (line.startsWith("data:")) {
				data.append(line.substring(5).strip());
			}
			else if (line.isEmpty() && name[0] != null) {
				if (name[0].equals("hello")) {
					hello.add(true);
				}
				else if (data.toString().startsWith("{")) {
					events.add(new Event(name[0], json.readTree(data.toString())));
				}
				name[0] = null;
				data.setLength(0);
			}
		});
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
