package dev.parley.catalog.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.parley.catalog.Category;
import dev.parley.catalog.Product;
import dev.parley.catalog.ProductId;

/** The catalog tables. */
@Repository
public class CatalogStore {

	private final JdbcClient jdbc;

	CatalogStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Category> categories() {
		return jdbc.sql("SELECT * FROM categories ORDER BY sort_order, name").query((rs, n) -> category(rs)).list();
	}

	public Optional<Category> category(String key) {
		return jdbc.sql("SELECT * FROM categories WHERE category_key = ?").param(key).query((rs, n) -> category(rs))
			.optional();
	}

	public List<Product> products(String categoryKey) {
		var sql = "SELECT * FROM products WHERE active = TRUE"
				+ (categoryKey == null ? "" : " AND category_key = ?") + " ORDER BY name";
		var spec = jdbc.sql(sql);
		if (categoryKey != null) {
			spec = spec.param(categoryKey);
		}
		return withDetails(spec.query((rs, n) -> product(rs)).list());
	}

	public Optional<Product> product(ProductId id) {
		return jdbc.sql("SELECT * FROM products WHERE id = ?").param(id.value()).query((rs, n) -> product(rs))
			.optional().map(p -> withDetails(List.of(p)).get(0));
	}

	public Map<ProductId, Product> productsByIds(Collection<ProductId> ids) {
		Map<ProductId, Product> map = new LinkedHashMap<>();
		for (ProductId id : ids) {
			if (!map.containsKey(id)) {
				product(id).ifPresent(p -> map.put(id, p));
			}
		}
		return map;
	}

	public void insertCategory(Category c) {
		jdbc.sql("INSERT INTO categories (category_key, name, description, sort_order) VALUES (?, ?, ?, ?)")
			.params(c.key(), c.name(), c.description(), c.sortOrder()).update();
	}

	public void insertProduct(Product p) {
		jdbc.sql("""
				INSERT INTO products (id, sku, name, category_key, description, price_cents, currency, active)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.id().value(), p.sku(), p.name(), p.categoryKey(), p.description(), p.priceCents(), p.currency(),
					p.active())
			.update();
		for (int i = 0; i < p.specifications().size(); i++) {
			var s = p.specifications().get(i);
			jdbc.sql("INSERT INTO product_specifications (product_id, position, name, spec_value) VALUES (?, ?, ?, ?)")
				.params(p.id().value(), i, s.name(), s.value()).update();
		}
		for (int i = 0; i < p.documents().size(); i++) {
			var d = p.documents().get(i);
			jdbc.sql("INSERT INTO product_documents (product_id, position, title, url) VALUES (?, ?, ?, ?)")
				.params(p.id().value(), i, d.title(), d.url()).update();
		}
	}

	private List<Product> withDetails(List<Product> products) {
		List<Product> result = new ArrayList<>(products.size());
		for (Product p : products) {
			var specs = jdbc.sql("SELECT name, spec_value FROM product_specifications WHERE product_id = ? ORDER BY position")
				.param(p.id().value())
				.query((rs, n) -> new Product.Specification(rs.getString(1), rs.getString(2))).list();
			var docs = jdbc.sql("SELECT title, url FROM product_documents WHERE product_id = ? ORDER BY position")
				.param(p.id().value())
				.query((rs, n) -> new Product.Document(rs.getString(1), rs.getString(2))).list();
			result.add(new Product(p.id(), p.sku(), p.name(), p.categoryKey(), p.description(), p.priceCents(),
					p.currency(), p.active(), specs, docs));
		}
		return result;
	}

	private static Category category(ResultSet rs) throws SQLException {
		return new Category(rs.getString("category_key"), rs.getString("name"), rs.getString("description"),
				rs.getInt("sort_order"));
	}

	private static Product product(ResultSet rs) throws SQLException {
		return new Product(new ProductId(rs.getObject("id", UUID.class)), rs.getString("sku"), rs.getString("name"),
				rs.getString("category_key"), rs.getString("description"), rs.getLong("price_cents"),
				rs.getString("currency"), rs.getBoolean("active"), List.of(), List.of());
	}
}
