package dev.parley.api;

import java.util.List;
import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Category;
import dev.parley.catalog.Product;
import dev.parley.catalog.ProductId;

/** The product catalog, readable by every signed-in client. */
@RestController
class CatalogApiController {

	private final Catalog catalog;

	CatalogApiController(Catalog catalog) {
		this.catalog = catalog;
	}

	record ProductView(UUID id, String sku, String name, String category, String description, long priceCents,
			String currency, List<Product.Specification> specifications, List<Product.Document> documents) {
		static ProductView of(Product p) {
			return new ProductView(p.id().value(), p.sku(), p.name(), p.categoryKey(), p.description(), p.priceCents(),
					p.currency(), p.specifications(), p.documents());
		}
	}

	@GetMapping("/api/v1/categories")
	List<Category> categories() {
		return catalog.categories();
	}

	@GetMapping("/api/v1/products")
	List<ProductView> products(@RequestParam(required = false) String category) {
		return catalog.products(category == null || category.isBlank() ? null : category).stream()
			.map(ProductView::of).toList();
	}

	@GetMapping("/api/v1/products/{id}")
	ProductView product(@PathVariable UUID id) {
		return ProductView.of(catalog.get(new ProductId(id)));
	}
}
