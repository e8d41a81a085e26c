package dev.parley.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Category;
import dev.parley.catalog.Product;
import dev.parley.catalog.ProductId;
import dev.parley.common.InvalidInputException;
import dev.parley.orders.Orders;
import dev.parley.security.ParleyUser;

/** The customer's view of the catalog: products by category, and one product's details. */
@Controller
class ProductsController {

	private final Catalog catalog;
	private final Orders orders;

	ProductsController(Catalog catalog, Orders orders) {
		this.catalog = catalog;
		this.orders = orders;
	}

	@GetMapping("/customer/products")
	String list(@AuthenticationPrincipal ParleyUser user, @RequestParam(required = false) String category,
			Model model) {
		model.addAttribute("owned", orders.productsOwnedBy(user.customerId()));
		String selected = category == null || category.isBlank() ? null : category;
		List<Product> products;
		try {
			products = catalog.products(selected);
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
			selected = null;
			products = catalog.products(null);
		}
		Map<Category, List<Product>> byCategory = new LinkedHashMap<>();
		for (Category c : catalog.categories()) {
			var inCategory = products.stream().filter(p -> p.categoryKey().equals(c.key())).toList();
			if (!inCategory.isEmpty()) {
				byCategory.put(c, inCategory);
			}
		}
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("selected", selected);
		model.addAttribute("byCategory", byCategory);
		return "customer/products";
	}

	@GetMapping("/customer/products/{id}")
	String product(@PathVariable UUID id, Model model) {
		var product = catalog.get(new ProductId(id));
		model.addAttribute("product", product);
		model.addAttribute("category", catalog.category(product.categoryKey()).orElse(null));
		return "customer/product";
	}
}
