package dev.parley.catalog;

import java.util.List;

/** A product with its specifications and documentation links. Prices are in minor units. */
public record Product(ProductId id, String sku, String name, String categoryKey, String description, long priceCents,
		String currency, boolean active, List<Specification> specifications, List<Document> documents) {

	public Product {
		specifications = List.copyOf(specifications);
		documents = List.copyOf(documents);
	}

	public record Specification(String name, String value) {
	}

	public record Document(String title, String url) {
	}
}
