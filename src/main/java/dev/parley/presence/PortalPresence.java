package dev.parley.presence;

import java.time.Clock;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import dev.parley.common.NotFoundException;
import dev.parley.customer.AgendaChanged;
import dev.parley.common.CustomerId;
import dev.parley.customer.CustomerManagement;
import dev.parley.presence.internal.ChoiceStore;

/**
 * Where a customer's presence comes from, composed into one tuple {@code portal}: open while a portal
 * tab is connected (several tabs and devices are one person), away when every tab reports idle, closed
 * a grace period after the last tab went; the status, activities and note the customer chose; and
 * "meeting until ..." while a BUSY slot of their agenda runs, switched by one timer at the slot's
 * boundaries.
 */
@Service
public class PortalPresence implements AutoCloseable {

	public static final String TUPLE = "portal";

	private static final class Person {
		final Set<String> connections = new HashSet<>();
		final Set<String> idle = new HashSet<>();
		boolean open;
		StatusChoice choice = StatusChoice.automatic();
		AgendaBusy agenda = AgendaBusy.FREE;
		ScheduledFuture<?> closing;
		ScheduledFuture<?> boundary;
		PresenceTuple last;
	}

	private final Map<UUID, Person> people = new ConcurrentHashMap<>();
	private final Presence presence;
	private final ChoiceStore choices;
	private final CustomerManagement customers;
	private final PortalSettings settings;
	private final Clock clock;
	private final PresenceTimers timers;

	PortalPresence(Presence presence, ChoiceStore choices, CustomerManagement customers, PortalSettings settings,
			Optional<Clock> clock) {
		this.presence = presence;
		this.choices = choices;
		this.customers = customers;
		this.settings = settings;
		this.clock = clock.orElse(Clock.systemUTC());
		this.timers = new PresenceTimers(this.clock);
	}

	/** Starts composing the customer's presence (their choice and agenda), if not done already. */
	public void track(UUID customer) {
		person(customer);
	}

	/** The customer saved their agenda: a customer whose presence is composed gets the new slot at once. */
	@ApplicationModuleListener
	void on(AgendaChanged changed) {
		UUID customer = changed.customer().value();
		Person p = people.get(customer);
		if (p == null) {
			return; // not composed yet: the agenda is read when it is
		}
		AgendaBusy agenda = agenda(customer);
		synchronized (p) {
			setAgenda(customer, p, agenda);
			publish(customer, p);
		}
	}

	/** A portal tab connected: the customer is open at once (a pending close is called off). */
	public void opened(UUID customer, String connection) {
		boolean known = people.containsKey(customer);
		Person p = person(customer);
		AgendaBusy agenda = known ? agenda(customer) : null; // a person just made read their agenda already
		synchronized (p) {
			p.connections.add(connection);
			PresenceTimers.cancel(p.closing);
			p.open = true;
			if (agenda != null) {
				setAgenda(customer, p, agenda);
			}
			publish(customer, p);
		}
	}

	/** A tab went away; when it was the last, the customer turns closed after the grace period. */
	public void closed(UUID customer, String connection) {
		Person p = people.get(customer);
		if (p == null) {
			return;
		}
		synchronized (p) {
			if (!p.connections.remove(connection)) {
				return;
			}
			p.idle.remove(connection);
			if (p.connections.isEmpty()) {
				PresenceTimers.cancel(p.closing);
				p.closing = timers.after(settings.grace(), () -> closeIfGone(customer, p));
			}
			publish(customer, p);
		}
	}

	/** A tab reports that its person is idle (no input for a while) or back. Away when every tab is idle. */
	public void idle(UUID customer, String connection, boolean idle) {
		Person p = people.get(customer);
		if (p == null) {
			return;
		}
		synchronized (p) {
			if (!p.connections.contains(connection)) {
				return;
			}
			if (idle) {
				p.idle.add(connection);
			}
			else {
				p.idle.remove(connection);
			}
			publish(customer, p);
		}
	}

	public StatusChoice choice(UUID customer) {
		Person p = person(customer);
		synchronized (p) {
			return p.choice;
		}
	}

	/** The customer sets status, activities and note explicitly; stored, and published at once. */
	public StatusChoice choose(UUID customer, String status, List<String> activities, String note) {
		StatusChoice choice = StatusChoice.parse(status, activities, note);
		Person p = person(customer);
		synchronized (p) {
			choices.save(customer, choice, clock.instant());
			p.choice = choice;
			publish(customer, p);
		}
		return choice;
	}

	/** Whether a portal tab of the customer counts as open now (or within the grace period). */
	public boolean isOpen(UUID customer) {
		Person p = people.get(customer);
		return p != null && p.open;
	}

	int timersPending() {
		return timers.pending();
	}

	@Override
	public void close() {
		timers.close();
	}

	private void closeIfGone(UUID customer, Person p) {
		synchronized (p) {
			if (p.connections.isEmpty()) {
				p.open = false;
				publish(customer, p);
			}
		}
	}

	private void onBoundary(UUID customer, Person p) {
		AgendaBusy agenda = agenda(customer);
		synchronized (p) {
			setAgenda(customer, p, agenda);
			publish(customer, p);
		}
	}

	private void setAgenda(UUID customer, Person p, AgendaBusy agenda) {
		p.agenda = agenda;
		PresenceTimers.cancel(p.boundary);
		p.boundary = agenda.boundary().map(at -> timers.at(at, () -> onBoundary(customer, p))).orElse(null);
	}

	private Person person(UUID customer) {
		Person existing = people.get(customer);
		if (existing != null) {
			return existing;
		}
		Person fresh = new Person();
		fresh.choice = choices.find(customer).orElse(StatusChoice.automatic());
		AgendaBusy agenda = agenda(customer);
		Person winner = people.putIfAbsent(customer, fresh);
		if (winner != null) {
			return winner;
		}
		synchronized (fresh) {
			setAgenda(customer, fresh, agenda);
			publish(customer, fresh);
		}
		return fresh;
	}

	private AgendaBusy agenda(UUID customer) {
		try {
			CustomerId id = new CustomerId(customer);
			return AgendaBusy.at(customers.agenda(id), customers.timeZone(id), clock.instant());
		}
		catch (NotFoundException e) {
			return AgendaBusy.FREE;
		}
	}

	/** Composes the portal tuple and publishes it when it differs from the last one (caller holds p). */
	private void publish(UUID customer, Person p) {
		PresenceTuple tuple = compose(p);
		if (tuple.equals(p.last)) {
			return;
		}
		p.last = tuple;
		presence.publish(PresentityId.customer(customer), tuple.withTimestamp(clock.instant()));
	}

	private static PresenceTuple compose(Person p) {
		boolean open = p.open && p.choice.status() == BasicStatus.OPEN;
		Set<Activity> activities = EnumSet.noneOf(Activity.class);
		activities.addAll(p.choice.activities());
		if (open && !p.connections.isEmpty() && p.idle.containsAll(p.connections)) {
			activities.add(Activity.AWAY);
		}
		if (p.agenda.busy()) {
			activities.add(Activity.MEETING);
		}
		String note = p.choice.note() != null ? p.choice.note() : p.agenda.note();
		return new PresenceTuple(TUPLE, open ? BasicStatus.OPEN : BasicStatus.CLOSED, null, activities, note, null,
				p.agenda.busy() ? p.agenda.until() : null, null);
	}
}
