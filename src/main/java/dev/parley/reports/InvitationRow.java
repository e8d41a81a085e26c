package dev.parley.reports;

import dev.parley.invitations.Direction;

/**
 * One row of an invitations report: its key (as in {@link ReportRow}: a day, a medium token, a product or agent id,
 * {@code none} for invitations about no product; {@code total} for the range's figures), the direction (an agent's
 * invitation to a customer, or a customer's request for an agent), and how the invitations sent ended. {@code open}
 * ones are still waiting for an answer. The acceptance rate is the share of accepted among those that ended
 * (accepted, declined or expired); the median answer is the median time from sending to acceptance or refusal, in
 * seconds. Both are null when nothing counts toward them.
 */
public record InvitationRow(String key, Direction direction, long sent, long accepted, long declined, long expired,
		long open, Double medianAnswerSeconds) {

	public long ended() {
		return accepted + declined + expired;
	}

	public Double acceptanceRate() {
		return ended() == 0 ? null : (double) accepted / ended();
	}
}
