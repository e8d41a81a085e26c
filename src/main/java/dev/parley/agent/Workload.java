package dev.parley.agent;

/**
 * What an agent is doing, as routing sees it: working on a contact (offered or connected), wrapping one up,
 * and whether no capacity is left for any medium they handle.
 */
public record Workload(boolean working, boolean wrappingUp, boolean full) {

	public static final Workload NONE = new Workload(false, false, false);
}
