package dev.parley.routing;

/**
 * How a queue picks among the ready agents with free capacity and the needed skills.
 * <ul>
 * <li>{@code MOST_SKILLED} (the default): the highest level in the queue's skills, the longest idle among equals;</li>
 * <li>{@code LONGEST_IDLE}: whoever has waited longest since their last contact;</li>
 * <li>{@code ROUND_ROBIN}: whoever got an offer from this queue least recently;</li>
 * <li>{@code LEAST_BUSY}: the smallest share of their capacity in use.</li>
 * </ul>
 */
public enum RoutingStrategy {
	MOST_SKILLED, LONGEST_IDLE, ROUND_ROBIN, LEAST_BUSY
}
