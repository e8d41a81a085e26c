package dev.parley.reports;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;

import dev.parley.invitations.Direction;
import dev.parley.invitations.InvitationOutcomes;
import dev.parley.invitations.InvitationState;

/**
 * Supervisors' reports of invitations: sent, accepted, declined, expired and still open, the acceptance rate and the
 * median time to an answer, by day, medium, product or agent, each split by direction. Read from the invitations
 * module's own record of every invitation ({@link InvitationOutcomes}, one indexed range read) and counted here, so
 * the same range rules hold as for contacts ({@link ContactReports}: at most {@code parley.reports.max-days} days,
 * days in {@code parley.reports.zone}).
 */
@Service
public class InvitationReports {

	private final ContactReports contacts;
	private final InvitationOutcomes outcomes;
	private final Clock clock;

	InvitationReports(ContactReports contacts, InvitationOutcomes outcomes, Optional<Clock> clock) {
		this.contacts = contacts;
		this.outcomes = outcomes;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The reporting time zone: an invitation's day is the day it was sent there. */
	public ZoneId zone() {
		return contacts.zone();
	}

	/** Checks the question (every broken rule named) and answers one page of it with the range's totals. */
	public InvitationReport report(InvitationQuery q) {
		contacts.range(q.from(), q.to())
			.check(q.by() == null || q.by() == Dimension.QUEUE, "by", "invalid",
					"invitations go to no queue: must be day, medium, product or agent")
			.check(q.page() < 0, "page", "range", "must be 0 or more")
			.check(q.size() < 1 || q.size() > ContactReports.MAX_PAGE_SIZE, "size", "range",
					"must be 1 to " + ContactReports.MAX_PAGE_SIZE)
			.throwIfAny();
		ZoneId zone = contacts.zone();
		Map<String, Tally> rows = new HashMap<>();
		Map<Direction, Tally> totals = new EnumMap<>(Direction.class);
		for (Direction d : Direction.values()) {
			totals.put(d, new Tally("total", d));
		}
		Instant from = q.from().atStartOfDay(zone).toInstant();
		Instant to = q.to().plusDays(1).atStartOfDay(zone).toInstant();
		outcomes.sent(from, to, q.medium(), clock.instant(), o -> {
			String key = switch (q.by()) {
				case DAY -> o.createdAt().atZone(zone).toLocalDate().toString();
				case MEDIUM -> o.medium().name().toLowerCase(Locale.ROOT);
				case PRODUCT -> o.product() == null ? "none" : o.product().value().toString();
				default -> o.agent().value().toString();
			};
			rows.computeIfAbsent(key + "|" + o.direction(), k -> new Tally(key, o.direction())).add(o);
			totals.get(o.direction()).add(o);
		});
		List<InvitationRow> all = rows.values().stream().map(Tally::row).sorted(order(q.by())).toList();
		int start = (int) Math.min(all.size(), (long) q.page() * q.size());
		List<InvitationRow> page = all.subList(start, Math.min(all.size(), start + q.size()));
		return new InvitationReport(q, page, all.size(), totals.values().stream().map(Tally::row).toList());
	}

	private static Comparator<InvitationRow> order(Dimension by) {
		Comparator<InvitationRow> byKey = Comparator.comparing((InvitationRow r) -> r.key().equals("none"))
			.thenComparing(InvitationRow::key);
		Comparator<InvitationRow> rows = by == Dimension.DAY ? byKey
				: Comparator.comparingLong(InvitationRow::sent).reversed().thenComparing(byKey);
		return rows.thenComparing(InvitationRow::direction);
	}

	/** The counts of one row while the invitations are read, and the answer times its median is taken from. */
	private static final class Tally {

		private final String key;
		private final Direction direction;
		private final Map<InvitationState, Long> states = new EnumMap<>(InvitationState.class);
		private long[] answers = new long[16];
		private int answered;

		Tally(String key, Direction direction) {
			this.key = key;
			this.direction = direction;
		}

		void add(InvitationOutcomes.Outcome o) {
			states.merge(o.state(), 1L, Long::sum);
			if (o.answerSeconds() != null) {
				if (answered == answers.length) {
					answers = Arrays.copyOf(answers, answered * 2);
				}
				answers[answered++] = o.answerSeconds();
			}
		}

		InvitationRow row() {
			long accepted = count(InvitationState.ACCEPTED);
			long declined = count(InvitationState.DECLINED);
			long expired = count(InvitationState.EXPIRED);
			long open = count(InvitationState.PENDING);
			long withdrawn = count(InvitationState.WITHDRAWN); // sent, then withdrawn by the customer who asked
			return new InvitationRow(key, direction, accepted + declined + expired + open + withdrawn, accepted, declined,
					expired, open, median());
		}

		private long count(InvitationState state) {
			return states.getOrDefault(state, 0L);
		}

		private Double median() {
			if (answered == 0) {
				return null;
			}
			long[] sorted = Arrays.copyOf(answers, answered);
			Arrays.sort(sorted);
			int mid = answered / 2;
			return answered % 2 == 1 ? (double) sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
		}
	}
}
