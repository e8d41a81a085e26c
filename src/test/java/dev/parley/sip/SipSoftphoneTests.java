package dev.parley.sip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import dev.parley.identity.Account;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.presence.PortalPresence;
import dev.parley.presence.Presence;
import dev.parley.presence.PresencePrivacy;
import dev.parley.presence.PresencePrivacy.RuleInput;
import dev.parley.presence.PresenceTuple;
import dev.parley.presence.PresentityId;
import dev.parley.presence.WatcherClass;
import dev.parley.presence.WatcherStatus;
import dev.parley.testing.AccountFixtures;

/**
 * A real softphone, baresip, against a whole Parley with the default settings: an agent signs in (digest, REGISTER
 * off), watches a customer who lets agents see them and publishes its own status, each by the addresses a softphone
 * uses: its own {@code sip:<username>@<domain>} and the customer's.
 */
@SipTest(tools = SipTool.BARESIP)
class SipSoftphoneTests {

	static final Duration WAIT = Duration.ofSeconds(15);

	@Value("${parley.sip.port}")
	int sipPort;

	@Autowired
	Presence presence;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PresencePrivacy privacy;

	@Autowired
	PortalPresence portal;

	@Test
	void anAgentsSoftphoneSignsInLearnsTheCustomersPresenceAndPublishesItsOwn() throws Exception {
		Account agent = AccountFixtures.account(identity, Role.AGENT);
		Account customer = AccountFixtures.account(identity, Role.CUSTOMER);
		privacy.updateRules(customer.id().value(), Map.of("agents", new RuleInput("allow", "full"), "supervisors",
				new RuleInput("allow", "full"), "others", new RuleInput("block", "nothing")), null, 0L);
		PresentityId watched = PresentityId.customer(customer.id().value());
		PresentityId own = PresentityId.agent(agent.id().value());
		String buddy = "sip:" + customer.username() + "@parley.local";
		try (Baresip phone = Baresip.start(sipPort, agent.username(), AccountFixtures.PASSWORD, List.of(buddy))) {
			// (a) its SUBSCRIBE is authenticated, active, and its NOTIFYs carry the customer's state
			assertThat(phone.awaitOutput(o -> o.contains("Subscription-State: active"), WAIT)).as(phone.output()).isTrue();
			assertThat(presence.watchers(watched)).anySatisfy(w -> {
				assertThat(w.watcher().uri()).isEqualTo("urn:uuid:" + agent.id().value());
				assertThat(w.watcher().watcherClass()).isEqualTo(WatcherClass.AGENT);
				assertThat(w.status()).isEqualTo(WatcherStatus.ACTIVE);
			});
			// baresip reads the first <basic> of a NOTIFY only: a customer's first tuple is the portal's
			portal.opened(customer.id().value(), "softphone-test-tab");
			assertThat(phone.awaitOutput(o -> o.contains("<" + buddy + "> changed status from Offline to Online"), WAIT))
				.as(phone.output()).isTrue();
			portal.choose(customer.id().value(), "closed", List.of(), null);
			assertThat(phone.awaitOutput(o -> o.contains("<" + buddy + "> changed status from Online to Offline"), WAIT))
				.as(phone.output()).isTrue();
			portal.closed(customer.id().value(), "softphone-test-tab");

			// (b) its PUBLISH to its own address of record reaches the agent's presentity
			assertThat(phone.awaitOutput(o -> o.contains("left out: its basic status is neither open nor closed"), WAIT))
				.as("baresip's first PUBLISH says 'unknown'\n" + phone.output()).isTrue();
			phone.command("presence_online");
			assertThat(await(() -> phoneTuple(own, agent).filter(PresenceTuple::isOpen).isPresent()))
				.as(phone.output()).isTrue();
			phone.command("presence_offline");
			assertThat(await(() -> phoneTuple(own, agent).filter(t -> !t.isOpen()).isPresent()))
				.as(phone.output()).isTrue();
			assertThat(phone.output()).doesNotContain("publisher got error response")
				.doesNotContain("subscriber closed");
		}
	}

	/** The tuple the phone published: the one whose contact is its address of record. */
	private Optional<PresenceTuple> phoneTuple(PresentityId own, Account agent) {
		String aor = "sip:" + agent.username() + "@parley.local";
		return presence.current(own).flatMap(d -> d.tuples().stream()
			.filter(t -> t.contact() != null && t.contact().address().equals(aor)).findFirst());
	}

	private static boolean await(java.util.function.BooleanSupplier condition) throws InterruptedException {
		long until = System.nanoTime() + WAIT.toNanos();
		while (System.nanoTime() < until) {
			if (condition.getAsBoolean()) {
				return true;
			}
			Thread.sleep(100);
		}
		return condition.getAsBoolean();
	}
}
