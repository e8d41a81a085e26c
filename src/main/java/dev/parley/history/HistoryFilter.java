package dev.parley.history;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.common.Violations;

/**
 * Which records of a customer's history to show. {@code from} and {@code to} are calendar days in the
 * viewer's {@code zone}, both inclusive; any part may be null (no restriction).
 */
public record HistoryFilter(ProductId product, AgentId agent, Medium medium, LocalDate from, LocalDate to,
		ZoneId zone) {

	public HistoryFilter {
		zone = zone == null ? ZoneOffset.UTC : zone;
		if (from != null && to != null && from.isAfter(to)) {
			throw InvalidInputException.of("from", "after-to", "must not be after the end date");
		}
	}

	public static HistoryFilter none() {
		return new HistoryFilter(null, null, null, null, null, ZoneOffset.UTC);
	}

	/**
	 * Reads a filter as a client sent it (blank means "any"); every malformed part is named in one
	 * {@link dev.parley.common.InvalidInputException}.
	 */
	public static HistoryFilter parse(String product, String agent, String medium, String from, String to,
			ZoneId zone) {
		var v = new Violations();
		UUID productId = uuid(product, "product", v);
		UUID agentId = uuid(agent, "agent", v);
		Medium m = medium(medium, v);
		LocalDate fromDate = date(from, "from", v);
		LocalDate toDate = date(to, "to", v);
		v.throwIfAny();
		return new HistoryFilter(productId == null ? null : new ProductId(productId), agentId == null ? null : new AgentId(agentId), m, fromDate, toDate,
				zone);
	}

	/** The first instant included, or null. */
	public Instant fromInstant() {
		return from == null ? null : from.atStartOfDay(zone).toInstant();
	}

	/** The first instant no longer included (start of the day after {@code to}), or null. */
	public Instant toInstantExclusive() {
		return to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
	}

	public boolean matches(InteractionRecord r) {
		return (product == null || product.equals(r.productId())) && (agent == null || agent.equals(r.agentId()))
				&& (medium == null || medium == r.medium())
				&& (fromInstant() == null || !r.startedAt().isBefore(fromInstant()))
				&& (toInstantExclusive() == null || r.startedAt().isBefore(toInstantExclusive()));
	}

	public static ZoneId zone(String zone) {
		if (blank(zone)) {
			return ZoneOffset.UTC;
		}
		try {
			return ZoneId.of(zone.trim());
		}
		catch (DateTimeException e) {
			throw InvalidInputException.of("zone", "zone", "must be an IANA time zone such as Europe/Berlin");
		}
	}

	private static UUID uuid(String value, String field, Violations v) {
		if (blank(value)) {
			return null;
		}
		try {
			return UUID.fromString(value.trim());
		}
		catch (IllegalArgumentException e) {
			v.add(field, "format", "must be an id");
			return null;
		}
	}

	private static Medium medium(String value, Violations v) {
		if (blank(value)) {
			return null;
		}
		try {
			return Medium.valueOf(value.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			v.add("medium", "unknown", "must be one of CHAT, VOICE, EMAIL, VIDEO");
			return null;
		}
	}

	private static LocalDate date(String value, String field, Violations v) {
		if (blank(value)) {
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeException e) {
			v.add(field, "format", "must be a date like 2026-01-31");
			return null;
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
