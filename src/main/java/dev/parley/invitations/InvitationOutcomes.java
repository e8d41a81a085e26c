package dev.parley.invitations;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.catalog.ProductId;
import dev.parley.common.AgentId;
import dev.parley.common.Medium;

/**
 * Invitations as reports count them, read from the invitations table (each row is the whole record of one
 * invitation): who invited whom, on which medium, about which product, how it ended and how long the answer took.
 * A read-only query over a range of sending times, by the index on {@code created_at}.
 */
@Service
public class InvitationOutcomes {

	/**
	 * One invitation's outcome: {@code answerSeconds} is the time from sending to the answer when it was accepted or
	 * declined, null while it is open or once it expired.
	 */
	public record Outcome(Direction direction, AgentId agent, Medium medium, ProductId product, InvitationState state,
			Instant createdAt, Long answerSeconds) {
	}

	private final JdbcClient jdbc;

	InvitationOutcomes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Hands over, one at a time and in order of sending, every invitation sent from {@code from} (inclusive) to
	 * {@code to} (exclusive), only of {@code medium} when it is given. An invitation that ran out but was not swept
	 * yet is counted as expired.
	 */
	@Transactional(readOnly = true)
	public void sent(Instant from, Instant to, Medium medium, Instant now, Consumer<Outcome> each) {
		List<Object> params = new ArrayList<>(List.of(Timestamp.from(from), Timestamp.from(to)));
		if (medium != null) {
			params.add(medium.name());
		}
		jdbc.sql("""
				SELECT direction, agent_id, medium, product_id, state, created_at, expires_at, answered_at
				FROM invitations WHERE created_at >= ? AND created_at < ?""" + (medium == null ? "" : " AND medium = ?")
				+ " ORDER BY created_at")
			.params(params)
			.query((RowCallbackHandler) rs -> {
				InvitationState state = InvitationState.valueOf(rs.getString("state"));
				Instant created = rs.getTimestamp("created_at").toInstant();
				if (state == InvitationState.PENDING && !rs.getTimestamp("expires_at").toInstant().isAfter(now)) {
					state = InvitationState.EXPIRED;
				}
				Timestamp answered = rs.getTimestamp("answered_at");
				Long seconds = answered == null
						|| !(state == InvitationState.ACCEPTED || state == InvitationState.DECLINED) ? null
								: Math.max(0, Duration.between(created, answered.toInstant()).toSeconds());
				UUID product = rs.getObject("product_id", UUID.class);
				each.accept(new Outcome(Direction.valueOf(rs.getString("direction")),
						new AgentId(rs.getObject("agent_id", UUID.class)), Medium.valueOf(rs.getString("medium")),
						product == null ? null : new ProductId(product), state, created, seconds));
			});
	}
}
