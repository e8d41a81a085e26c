package dev.parley.invitations;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.parley.common.Medium;

/**
 * Invitations stored as they would be after their answer, on a given day (for reports): written straight into the
 * invitations table, since the module itself only sends them now. {@link #deleteStored} takes them out again.
 */
public final class InvitationRecordFixtures {

	private final JdbcClient jdbc;
	private final List<UUID> stored = new ArrayList<>();

	public InvitationRecordFixtures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A day long ago that no other test sends invitations on. */
	public static LocalDate unusedDay() {
		return LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(6000));
	}

	/** Invitations sent on {@code day} (from 10:00 there, a minute apart). */
	public Day at(LocalDate day, ZoneId zone) {
		return new Day(day.atTime(10, 0).atZone(zone).toInstant());
	}

	public void deleteStored() {
		for (UUID id : stored) {
			jdbc.sql("DELETE FROM invitations WHERE id = ?").param(id).update();
		}
		stored.clear();
	}

	public final class Day {

		private Instant next;

		Day(Instant start) {
			this.next = start;
		}

		public Sent sent(UUID agent, Direction direction, Medium medium) {
			Instant at = next;
			next = next.plusSeconds(60);
			return new Sent(agent, direction, medium, at);
		}
	}

	public final class Sent {

		private final UUID agent;
		private final Direction direction;
		private final Medium medium;
		private final Instant at;

		Sent(UUID agent, Direction direction, Medium medium, Instant at) {
			this.agent = agent;
			this.direction = direction;
			this.medium = medium;
			this.at = at;
		}

		public UUID accepted(long afterSeconds) {
			return store("ACCEPTED", at.plusSeconds(600), at.plusSeconds(afterSeconds), true);
		}

		public UUID declined(long afterSeconds) {
			return store("DECLINED", at.plusSeconds(600), at.plusSeconds(afterSeconds), true);
		}

		public UUID expired() {
			return store("EXPIRED", at.plusSeconds(120), at.plusSeconds(120), false);
		}

		/** Still pending: open until far ahead, or ({@code stillOpen} false) run out but not swept yet. */
		public UUID open(boolean stillOpen) {
			Instant until = stillOpen ? Instant.now().plusSeconds(3600) : at.plusSeconds(120);
			return store("PENDING", until, null, false);
		}

		private UUID store(String state, Instant expires, Instant answered, boolean byAnswerer) {
			UUID id = UUID.randomUUID();
			UUID customer = UUID.randomUUID();
			UUID by = !byAnswerer ? null : direction == Direction.TO_CUSTOMER ? customer : agent;
			jdbc.sql("""
					INSERT INTO invitations (id, direction, customer_id, agent_id, medium, state, open_pair, created_at,
					expires_at, answered_at, answered_by, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)""")
				.params(id, direction.name(), customer, agent, medium.name(), state,
						state.equals("PENDING") ? customer + ":" + agent : null, Timestamp.from(at),
						Timestamp.from(expires), answered == null ? null : Timestamp.from(answered), by)
				.update();
			stored.add(id);
			return id;
		}
	}
}
