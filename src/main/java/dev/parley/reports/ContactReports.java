package dev.parley.reports;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.common.Violations;
import dev.parley.history.InteractionRated;
import dev.parley.reports.internal.FactStore;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionAbandoned;
import dev.parley.routing.InteractionClosed;
import dev.parley.routing.Interactions;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;

/**
 * Reports over contacts that are over, and the facts they read: written from the broker's events (a contact
 * closed after an agent took it, or abandoned) and history's ratings, through the event publication registry.
 * A report covers at most {@code parley.reports.max-days} days; days are in {@code parley.reports.zone}.
 */
@Service
public class ContactReports {

	public static final int MAX_PAGE_SIZE = 500;

	private final FactStore store;
	private final Interactions interactions;
	private final QueueManagement queues;
	private final ZoneId zone;
	private final int maxDays;

	ContactReports(FactStore store, Interactions interactions, QueueManagement queues,
			@Value("${parley.reports.zone:UTC}") ZoneId zone, @Value("${parley.reports.max-days:366}") int maxDays) {
		this.store = store;
		this.interactions = interactions;
		this.queues = queues;
		this.zone = zone;
		this.maxDays = maxDays;
	}

	/** The reporting time zone: a contact's day is its day there. */
	public ZoneId zone() {
		return zone;
	}

	/** Checks the question (every broken rule named) and answers one page of it with the range's total. */
	@Transactional(readOnly = true)
	public Report report(ReportQuery q) {
		range(q.from(), q.to()).check(q.by() == null, "by", "required", "must be day, queue, medium, product or agent")
			.check(q.queue() != null && queues.find(q.queue()).isEmpty(), "queue", "unknown", "no queue has this key")
			.check(q.page() < 0, "page", "range", "must be 0 or more")
			.check(q.size() < 1 || q.size() > MAX_PAGE_SIZE, "size", "range", "must be 1 to " + MAX_PAGE_SIZE)
			.throwIfAny();
		return new Report(q, store.rows(q), store.count(q), store.total(q));
	}

	/** The rules of a report's range of days (contacts' and invitations' alike), each broken one named. */
	Violations range(LocalDate from, LocalDate to) {
		return new Violations().check(from == null, "from", "required", "must be a day (2026-12-01)")
			.check(to == null, "to", "required", "must be a day (2026-12-31)")
			.check(from != null && to != null && to.isBefore(from), "to", "range", "must not be before from")
			.check(from != null && to != null && ChronoUnit.DAYS.between(from, to) >= maxDays, "to", "range",
					"a report covers at most " + maxDays + " days");
	}

	/** Keeps a fact (demo data, imports); a fact with its id is kept once. */
	@Transactional
	public boolean record(ContactFact fact) {
		return store.insert(fact);
	}

	@ApplicationModuleListener
	void on(InteractionClosed closed) {
		Instant created = closed.createdAt();
		Instant connected = closed.connectedAt();
		long target = target(closed.queue());
		long wait = seconds(created, connected != null ? connected : closed.endedAt());
		Long handle = connected == null ? null : seconds(connected, closed.endedAt());
		store.insert(new ContactFact(closed.interaction().value(), day(created), closed.queue(), closed.medium(),
				closed.product() == null ? null : closed.product().value(),
				closed.agent() == null ? null : closed.agent().value(), created, connected, closed.endedAt(),
				connected == null, wait, handle, (int) target, connected != null && wait <= target, null));
	}

	@ApplicationModuleListener
	void on(InteractionAbandoned abandoned) {
		Interaction row = interactions.find(abandoned.interaction()).orElse(null);
		if (row == null) {
			return;
		}
		long wait = seconds(row.createdAt(), abandoned.at());
		store.insert(new ContactFact(row.id().value(), day(row.createdAt()), row.queue(), row.medium(),
				row.product() == null ? null : row.product().value(), null, row.createdAt(), null, abandoned.at(), true,
				wait, null, (int) target(row.queue()), false, null));
	}

	/** A rating given (or changed) after the contact's fact was written; a rating of a record without one is not reported. */
	@ApplicationModuleListener
	void on(InteractionRated rated) {
		store.rate(rated.interaction().value(), rated.rating());
	}

	private long target(String queue) {
		return queues.find(queue).map(Queue::serviceLevelTarget).orElse(Duration.ofSeconds(20)).toSeconds();
	}

	private LocalDate day(Instant at) {
		return at.atZone(zone).toLocalDate();
	}

	private static long seconds(Instant from, Instant to) {
		return Math.max(0, Duration.between(from, to).toSeconds());
	}
}
