package dev.parley.routing;

/**
 * Queues were created, edited or deleted on this node (announced after the commit; {@code key} is the deleted
 * queue's, else null): caches of queues drop what they hold. Other nodes' caches learn it by their own expiry.
 */
public record QueuesChanged(String key) {
}
