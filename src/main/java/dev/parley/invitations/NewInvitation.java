package dev.parley.invitations;

import dev.parley.catalog.ProductId;
import dev.parley.common.CustomerId;
import dev.parley.common.Medium;

/** An agent invites a customer: the medium (required), and optionally a topic, an order number and a product. */
public record NewInvitation(CustomerId customer, Medium medium, String topic, String order, ProductId product) {
}
