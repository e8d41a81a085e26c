package dev.parley.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.parley.common.NotFoundException;
import dev.parley.common.Violations;
import dev.parley.catalog.internal.CatalogStore;

/** The product catalog: categories and products. */
@Service
public class Catalog {

	private final CatalogStore store;

	Catalog(CatalogStore store) {
		this.store = store;
	}

	public List<Category> categories() {
		return store.categories();
	}

	public boolean categoryExists(String key) {
		return key != null && store.category(key).isPresent();
	}

	public Optional<Category> category(String key) {
		return store.category(key);
	}

	/** Active products, optionally of one category (null for all), by name. An unknown category is invalid input. */
	public List<Product> products(String categoryKey) {
		new Violations().check(categoryKey != null && !categoryExists(categoryKey), "category", "unknown",
				"is not a known category").throwIfAny();
		return store.products(categoryKey);
	}

	public Optional<Product> find(ProductId id) {
		return store.product(id);
	}

	public Product get(ProductId id) {
		return find(id).orElseThrow(() -> new NotFoundException("product"));
	}

	/** Several products by id, for pages that show names next to ids. Unknown ids are left out. */
	public Map<ProductId, Product> byIds(Collection<ProductId> ids) {
		return store.productsByIds(ids);
	}

	@Transactional
	public Category addCategory(Category category) {
		store.insertCategory(category);
		return category;
	}

	@Transactional
	public Product addProduct(Product product) {
		store.insertProduct(product);
		return product;
	}
}
