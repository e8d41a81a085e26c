package dev.parley.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;

@ParleyIntegrationTest
class CatalogApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	ApiClient api;
	String token;
	String categoryKey;
	Product product;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		token = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER).token();
		categoryKey = "cat" + UUID.randomUUID().toString().substring(0, 8);
		catalog.addCategory(new Category(categoryKey, "Gadgets " + categoryKey, "Small things", 1));
		product = catalog.addProduct(new Product(ProductId.random(), "SKU-" + categoryKey, "Widget " + categoryKey,
				categoryKey, "A widget", 1250, "EUR", true, List.of(new Product.Specification("Colour", "Blue")),
				List.of(new Product.Document("Manual", "https://docs.example.com/widget"))));
	}

	@Test
	void listsProductsOfACategoryWithSpecificationsAndDocuments() {
		var response = api.get("/api/v1/products?category=" + categoryKey, token);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().size()).isEqualTo(1);
		var widget = response.json().get(0);
		assertThat(widget.get("name").asString()).isEqualTo(product.name());
		assertThat(widget.get("specifications").get(0).get("value").asString()).isEqualTo("Blue");
		assertThat(widget.get("documents").get(0).get("url").asString()).isEqualTo("https://docs.example.com/widget");
		assertThat(api.get("/api/v1/categories", token).json().findValuesAsString("key")).contains(categoryKey);
	}

	@Test
	void readsOneProduct() {
		var response = api.get("/api/v1/products/" + product.id(), token);
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("sku").asString()).isEqualTo(product.sku());
	}

	@Test
	void unknownCategoryIsInvalidInputNamingTheParameter() {
		var response = api.get("/api/v1/products?category=no-such-category", token);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("category");
	}

	@Test
	void unknownOrMalformedProductIdsAreRefused() {
		assertThat(api.get("/api/v1/products/" + UUID.randomUUID(), token).status()).isEqualTo(404);
		var malformed = api.get("/api/v1/products/not-a-uuid", token);
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.json().get("errors").get(0).get("field").asString()).isEqualTo("id");
	}

	@Test
	void catalogNeedsASignedInClient() {
		assertThat(api.get("/api/v1/products", null).status()).isEqualTo(401);
	}
}
