package dev.parley.customer;

/** One interest: either a catalog category (by key) or a free topic, never both. */
public record Interest(String categoryKey, String topic, InterestLevel level) {
}
