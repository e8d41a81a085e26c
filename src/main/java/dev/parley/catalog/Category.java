package dev.parley.catalog;

/** A product category, named by a stable key such as {@code phones}. */
public record Category(String key, String name, String description, int sortOrder) {
}
