package dev.parley.status;

/**
 * What a wait estimator sees when a contact arrives and finds every agent busy: the time now, how many contacts
 * wait ahead of it, how many agents serve the queue, and how long the contact at the head of the line has
 * waited (0 when nobody waits). Times are in one unit (seconds live, the scenario's unit in the simulator).
 */
public record QueueState(double now, int ahead, int agents, double headOfLineWait) {
}
