package dev.parley.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.Role;

class WatchersTests {

	static Account account(Role role) {
		return new Account(new AccountId(UUID.randomUUID()), role.name().toLowerCase(), "Test", role, true, Instant.EPOCH);
	}

	@Test
	void anAccountWatchesItsOwnPresentityAsSelfAndOthersByItsRole() {
		for (Role role : Role.values()) {
			Account a = account(role);
			PresentityId own = Watchers.ownPresentity(a);
			assertThat(Watchers.forAccount(a, own)).isEqualTo(Watcher.account(a.id().value(), WatcherClass.SELF));
			assertThat(Watchers.forAccount(a, PresentityId.queue("billing")).watcherClass())
				.isEqualTo(Watchers.classOf(role));
		}
		assertThat(Watchers.classOf(Role.CUSTOMER)).isEqualTo(WatcherClass.CUSTOMER);
		assertThat(Watchers.classOf(Role.AGENT)).isEqualTo(WatcherClass.AGENT);
		assertThat(Watchers.classOf(Role.SUPERVISOR)).isEqualTo(WatcherClass.SUPERVISOR);
		assertThat(Watchers.classOf(Role.ADMIN)).isEqualTo(WatcherClass.SUPERVISOR);
	}

	@Test
	void aCustomersOwnPresentityIsTheCustomerOneAndStaffsTheAgentOne() {
		Account customer = account(Role.CUSTOMER);
		Account supervisor = account(Role.SUPERVISOR);
		assertThat(Watchers.ownPresentity(customer)).isEqualTo(PresentityId.customer(customer.id().value()));
		assertThat(Watchers.ownPresentity(supervisor)).isEqualTo(PresentityId.agent(supervisor.id().value()));
		assertThat(Watchers.isOwn(customer, PresentityId.agent(customer.id().value()))).isFalse();
		assertThat(Watchers.forAccount(customer, PresentityId.agent(customer.id().value())).watcherClass())
			.isEqualTo(WatcherClass.CUSTOMER);
	}
}
