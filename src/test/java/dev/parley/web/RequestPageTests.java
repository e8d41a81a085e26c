package dev.parley.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStates;
import dev.parley.agent.AgentStatus;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;
import dev.parley.common.Outcome;
import dev.parley.customer.CustomerManagement;
import dev.parley.identity.IdentityManagement;
import dev.parley.invitations.InvitationFixtures;
import dev.parley.invitations.InvitationId;
import dev.parley.invitations.Invitations;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.Interaction;
import dev.parley.routing.Interactions;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RoutingFixtures;
import dev.parley.routing.RoutingStrategy;
import dev.parley.testing.Eventually;
import dev.parley.testing.PageSession;
import dev.parley.testing.ParleyIntegrationTest;

/**
 * The customer's pages for asking a named agent, over real HTTP on a whole Parley: the form offers what both sides
 * can use and shows a refusal's reason (nothing stored); the request's page offers what fits the agent's state
 * (wait or the queue when busy, who else can help when signed out); the history lists every request with its
 * outcome and offers to ask an agent again; the availability page lists each group's agents with their state.
 */
@ParleyIntegrationTest
class RequestPageTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	AgentManagement agents;

	@Autowired
	AgentStates states;

	@Autowired
	AgentDesk desk;

	@Autowired
	Interactions interactions;

	@Autowired
	QueueManagement queues;

	@Autowired
	CustomerManagement customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Invitations invitations;

	String group;
	CustomerId customer;
	PageSession cora;
	Agent agent;

	@BeforeEach
	void setUp() {
		group = RoutingFixtures.openGroup(agents);
		RoutingFixtures.queue(queues, group, EnumSet.allOf(Medium.class), RoutingStrategy.LONGEST_IDLE, 20);
		customer = InvitationFixtures.consenting(customers, "Europe/Berlin", "Cora Customer").id();
		cora = PageSession.signedIn(port, InvitationFixtures.username(identity, customer));
		agent = RoutingFixtures.agent(agents, group);
		ready(agent);
	}

	@Test
	void theFormOffersWhatBothSidesCanUseAndARefusalShowsItsReasonAndStoresNothing() {
		var form = cora.get(ask(agent));
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains("Ask for " + agent.displayName(), "id=\"ask-medium-chat\"",
				"id=\"ask-medium-email\"", "ready now").doesNotContain("id=\"ask-medium-video\"");

		var video = cora.post(ask(agent), "medium", "VIDEO");
		assertThat(video.status()).isEqualTo(200);
		assertThat(video.body()).contains("id=\"ask-refusal\"", "You cannot use video now");
		var fax = cora.post(ask(agent), "medium", "fax", "topic", "x".repeat(201));
		assertThat(fax.body()).contains("id=\"ask-medium-error\"", "id=\"ask-topic-error\"", "must be at most 200 characters");
		Agent closed = RoutingFixtures.agent(agents, RoutingFixtures.closedGroup(agents));
		assertThat(cora.post(ask(closed), "medium", "CHAT").body()).contains("This agent&#39;s group is closed now");
		assertThat(requestsOf(customer)).as("nothing stored").isZero();

		var sent = cora.post(ask(agent), "medium", "CHAT", "topic", "The router");
		assertThat(sent.status()).isEqualTo(302);
		assertThat(path(sent)).contains("/customer/ask/requests/");
		assertThat(cora.follow(sent).body()).contains("Waiting for " + agent.displayName() + " to answer.",
				"id=\"ask-withdraw\"", "Chat about: The router");
		assertThat(cora.post(ask(agent), "medium", "CHAT").body()).contains("is open already");
		assertThat(requestsOf(customer)).isEqualTo(1);

		assertThat(cora.get("/customer/ask/" + UUID.randomUUID()).status()).isEqualTo(404);
		assertThat(cora.get("/customer/ask/not-an-id").status()).isEqualTo(404);
		assertThat(cora.get("/customer/ask/requests/" + UUID.randomUUID()).status()).isEqualTo(404);
	}

	@Test
	void aBusyAgentsRequestOffersToWaitOrToGoToTheQueueWhichLeadsToTheContact() {
		busyOnACall(agent);
		var sent = cora.post(ask(agent), "medium", "CHAT", "topic", "The router");
		String page = path(sent);
		assertThat(cora.get(page).body()).contains(agent.displayName() + " is with another customer now.",
				"We cannot estimate yet when they are free.", "id=\"ask-wait\"", "Go to the queue instead");
		assertThat(cora.get(page + "?waiting=true").body()).contains("You are waiting for them")
			.doesNotContain("id=\"ask-wait\"");

		String id = page.substring(page.lastIndexOf('/') + 1);
		var queued = cora.post("/customer/ask/requests/" + id + "/to-queue");
		assertThat(queued.status()).isEqualTo(302);
		assertThat(path(queued)).contains("/customer/contact/");
		String contact = path(queued).substring(path(queued).lastIndexOf('/') + 1);
		assertThat(jdbc.sql("SELECT state FROM invitations WHERE id = ?").param(UUID.fromString(id)).query(String.class)
			.single()).isEqualTo("WITHDRAWN");
		assertThat(cora.get(page).body()).contains("You went to the queue instead.", "/customer/contact/" + contact);
	}

	@Test
	void aSignedOutAgentsRequestNamesWhoElseCanHelpAndAskingThemInsteadWithdrawsIt() {
		states.change(agent.id(), new AgentStatus(AgentState.LOGGED_OUT, null, null));
		Agent colleague = RoutingFixtures.agent(agents, group);
		ready(colleague);
		var sent = cora.post(ask(agent), "medium", "CHAT", "topic", "The router");
		String id = path(sent).substring(path(sent).lastIndexOf('/') + 1);
		String body = cora.get(path(sent)).body();
		assertThat(body).contains(agent.displayName() + " is not signed in.", "Who else can help",
				"Ask " + colleague.displayName() + " instead", "instead=" + id);

		var instead = cora.post(ask(colleague), "medium", "CHAT", "topic", "The router", "instead", id);
		assertThat(instead.status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT state FROM invitations WHERE id = ?").param(UUID.fromString(id)).query(String.class)
			.single()).isEqualTo("WITHDRAWN");
		assertThat(jdbc.sql("SELECT state FROM invitations WHERE customer_id = ? AND agent_id = ?")
			.params(customer.value(), colleague.id().value()).query(String.class).single()).isEqualTo("PENDING");
	}

	@Test
	void aDeclinedRequestOffersTheQueueAndWhoElseCanHelp() {
		Agent colleague = RoutingFixtures.agent(agents, group);
		ready(colleague);
		var sent = cora.post(ask(agent), "medium", "CHAT", "topic", "The router");
		String id = path(sent).substring(path(sent).lastIndexOf('/') + 1);
		invitations.decline(agent.id(), InvitationId.parse(id));
		assertThat(cora.get(path(sent)).body()).contains(agent.displayName() + " cannot take your request.",
				"Ask " + colleague.displayName() + " instead", "Go to the queue instead").doesNotContain("id=\"ask-withdraw\"");
		assertThat(cora.post("/customer/ask/requests/" + id + "/withdraw").status()).isEqualTo(302);
		assertThat(jdbc.sql("SELECT state FROM invitations WHERE id = ?").param(UUID.fromString(id)).query(String.class)
			.single()).as("a declined request stays declined").isEqualTo("DECLINED");

		var queued = cora.post("/customer/ask/requests/" + id + "/to-queue");
		assertThat(path(queued)).contains("/customer/contact/");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM interactions WHERE customer_id = ? AND state IN ('QUEUED', 'OFFERED', 'CONNECTED')")
			.param(customer.value()).query(Integer.class).single()).isEqualTo(1);
	}

	@Test
	void theHistoryListsEveryRequestWithItsOutcomeAndOffersToAskAnAgentAgain() {
		Interaction talk = interactions.startConnected(customer, agent.id(), Medium.CHAT, null, "Setup");
		desk.end(agent.id(), talk.id());
		desk.wrapUp(agent.id(), talk.id(), Outcome.RESOLVED, "Set up the router");
		var sent = cora.post(ask(agent), "medium", "EMAIL", "topic", "Follow-up");
		String id = path(sent).substring(path(sent).lastIndexOf('/') + 1);
		assertThat(cora.post("/customer/ask/requests/" + id + "/withdraw").status()).isEqualTo(302);

		String history = Eventually.value(() -> {
			String b = cora.get("/customer/history").body();
			return b.contains("Set up the router") ? b : null;
		});
		assertThat(history).contains("Ask for " + agent.displayName() + " again", ask(agent), "Invitations and requests",
				"data-id=\"" + id + "\"", "data-state=\"withdrawn\"", "You asked", "Follow-up");
	}

	@Test
	void theAvailabilityPageListsEachGroupsAgentsWithTheirStateAndAWayToAskThem() {
		Agent away = RoutingFixtures.agent(agents, group);
		String body = cora.get("/customer/availability").body();
		assertThat(body).contains("data-agent=\"" + agent.id().value() + "\" data-state=\"ready\"",
				"data-agent=\"" + away.id().value() + "\" data-state=\"logged-out\"", ask(agent),
				"Ask " + agent.displayName());
	}

	/** Where a redirect points, as a path (whether the server wrote it relative or absolute). */
	private static String path(PageSession.Page redirect) {
		assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
		return java.net.URI.create(redirect.location()).getRawPath();
	}

	private static String ask(Agent a) {
		return "/customer/ask/" + a.id().value();
	}

	private void ready(Agent a) {
		states.change(a.id(), new AgentStatus(AgentState.READY, null, null));
	}

	private void busyOnACall(Agent who) {
		var caller = InvitationFixtures.consenting(customers, "UTC", "Carl Caller").id();
		interactions.startConnected(caller, who.id(), Medium.VOICE, null, "a call");
		Eventually.value(() -> states.status(who.id()).state() == AgentState.BUSY ? true : null);
	}

	private int requestsOf(CustomerId who) {
		return jdbc.sql("SELECT COUNT(*) FROM invitations WHERE customer_id = ?").param(who.value())
			.query(Integer.class).single();
	}
}
