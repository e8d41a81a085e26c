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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The product catalog, readable by every signed-in client. */
@RestController
@Tag(name = "Catalog", description = "Product categories and products.")
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
	@Operation(operationId = "listCategories", summary = "List the product categories", description = """
			Every product category in display order (`sortOrder`), with its key (used by products, by the \
			`category` filter and by customers' interests), name and description. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The categories.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "categories", summary = "two categories",
					value = ApiExamples.CATEGORIES)))
	List<Category> categories() {
		return catalog.categories();
	}

	@GetMapping("/api/v1/products")
	@Operation(operationId = "listProducts", summary = "List the products", description = """
			The products of the catalog, optionally of one category, with SKU, name, description, price in \
			minor units of `currency`, specifications and documents. An unknown category lists nothing. \
			Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The products.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "products", summary = "one phone",
					value = ApiExamples.PRODUCTS)))
	List<ProductView> products(@Parameter(description = "Only products of the category with this key; absent or "
			+ "blank: all.", example = "phones") @RequestParam(required = false) String category) {
		return catalog.products(category == null || category.isBlank() ? null : category).stream()
			.map(ProductView::of).toList();
	}

	@GetMapping("/api/v1/products/{id}")
	@Operation(operationId = "getProduct", summary = "Read one product", description = """
			One product with its specifications (name and value) and documents (title and link), as the \
			product page shows it. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The product.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "product", summary = "a phone",
					value = ApiExamples.PRODUCT)))
	@ProblemAnswers(notFound = "No product has this id.", subject = "product")
	ProductView product(@Parameter(description = "The product's id.", example = "d6b1b7da-112b-4583-9f5c-e9d3aca952cc")
			@PathVariable UUID id) {
		return ProductView.of(catalog.get(new ProductId(id)));
	}
}
