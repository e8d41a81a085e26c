package dev.parley.routing;

import dev.parley.catalog.ProductId;
import dev.parley.common.Medium;

/**
 * A customer starts a contact: the medium (required), and optionally the product it is about, a queue of their
 * choice and a topic in their words.
 */
public record NewContact(Medium medium, ProductId product, String queue, String topic) {
}
