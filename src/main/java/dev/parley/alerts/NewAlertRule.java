package dev.parley.alerts;

/**
 * A rule as a client gives it: {@code kind} (a token), and the subject its kind takes: {@code queue} (a key),
 * {@code product} (an id), {@code agent} or {@code customer} (an id), {@code order} (a number); {@code position} for
 * {@code queue-turn} (1 to 50, 1 when absent: when an agent takes the contact).
 */
public record NewAlertRule(String kind, String queue, String product, String agent, String customer, String order,
		Integer position) {
}
