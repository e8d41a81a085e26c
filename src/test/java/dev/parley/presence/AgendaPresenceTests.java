package dev.parley.presence;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.parley.customer.Agenda;
import dev.parley.common.CustomerId;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.DatedException;
import dev.parley.customer.ExceptionKind;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.testing.AccountFixtures;

/** A customer's agenda drives their presence: saving a busy day shows "meeting" at once, no polling. */
@SpringBootTest
class AgendaPresenceTests {

	@Autowired
	IdentityManagement identity;

	@Autowired
	CustomerManagement customers;

	@Autowired
	PortalPresence portal;

	@Autowired
	Presence presence;

	@Test
	void savingABusyDayShowsTheOnlineCustomerInAMeetingAtOnce() {
		var account = AccountFixtures.account(identity, Role.CUSTOMER);
		var customer = new CustomerId(account.id().value());
		portal.opened(customer.value(), "tab-1");
		assertThat(portalTuple(customer).activities()).doesNotContain(Activity.MEETING);

		var current = customers.profile(customer).agenda();
		var today = LocalDate.now(customers.timeZone(customer));
		customers.updateAgenda(customer, new Agenda(List.of(),
				List.of(new DatedException(today, null, null, ExceptionKind.BUSY, "moving house")), current.version()));

		// the listener runs after the commit, on the event publication registry's thread
		await().atMost(Duration.ofSeconds(5)).until(() -> portalTuple(customer).activities().contains(Activity.MEETING));
		var tuple = portalTuple(customer);
		assertThat(tuple.status()).isEqualTo(BasicStatus.OPEN);
		assertThat(tuple.activities()).contains(Activity.MEETING);
		assertThat(tuple.note()).isEqualTo("moving house");
		assertThat(tuple.until()).isAfter(today.atStartOfDay(ZoneId.of("UTC")).toInstant());
	}

	@Test
	void aCustomerBusyTodayConnectsInAMeetingAndTheAgendaAloneIsTheProfilesAgenda() {
		var account = AccountFixtures.account(identity, Role.CUSTOMER);
		var customer = new CustomerId(account.id().value());
		var today = LocalDate.now(customers.timeZone(customer));
		customers.updateAgenda(customer, new Agenda(List.of(),
				List.of(new DatedException(today, null, null, ExceptionKind.BUSY, "at the dentist")),
				customers.profile(customer).agenda().version()));
		assertThat(customers.agenda(customer)).isEqualTo(customers.profile(customer).agenda());

		portal.opened(customer.value(), "tab-1"); // the first tab: the person is made, with their agenda
		assertThat(portalTuple(customer).activities()).contains(Activity.MEETING);
		portal.opened(customer.value(), "tab-2"); // a second one reads the agenda again
		assertThat(portalTuple(customer).activities()).contains(Activity.MEETING);
		assertThat(portalTuple(customer).note()).isEqualTo("at the dentist");
	}

	private PresenceTuple portalTuple(CustomerId customer) {
		return presence.current(PresentityId.customer(customer.value())).orElseThrow().tuples().stream()
			.filter(t -> t.id().equals(PortalPresence.TUPLE)).findFirst().orElseThrow();
	}
}
