package dev.parley.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Product;
import dev.parley.common.CustomerId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.testing.AccountFixtures;
import dev.parley.testing.AccountFixtures.SignedIn;
import dev.parley.testing.ApiClient;
import dev.parley.testing.ParleyIntegrationTest;
import tools.jackson.databind.JsonNode;

@ParleyIntegrationTest
class OrdersApiTests {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	TokenManagement tokens;

	@Autowired
	Catalog catalog;

	@Autowired
	OrderFulfilment fulfilment;

	@Autowired
	Orders orders;

	ApiClient api;
	SignedIn me;
	Product phone;

	@BeforeEach
	void setUp() {
		api = new ApiClient(port);
		me = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		phone = OrderFixtures.product(catalog, "Pocket Phone", 19_900);
	}

	@Test
	void listsOwnOrdersNewestFirstWithPagingAndAStatusFilter() {
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		var oldest = OrderFixtures.place(fulfilment, me.id(), phone, 1, now.minus(3, ChronoUnit.DAYS));
		var middle = OrderFixtures.place(fulfilment, me.id(), phone, 2, now.minus(2, ChronoUnit.DAYS));
		var newest = OrderFixtures.place(fulfilment, me.id(), phone, 3, now.minus(1, ChronoUnit.DAYS));
		fulfilment.pay(middle.id(), null, null);
		var other = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		OrderFixtures.place(fulfilment, other.id(), phone, 1, null);

		var first = api.get("/api/v1/me/orders?page=0&size=2", me.token());
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("total").asLong()).isEqualTo(3);
		assertThat(first.json().get("items").findValuesAsString("number")).containsExactly(newest.number(),
				middle.number());
		assertThat(first.json().get("items").get(0).get("total").asLong()).isEqualTo(3 * 19_900);
		assertThat(api.get("/api/v1/me/orders?page=1&size=2", me.token()).json().get("items")
			.findValuesAsString("number")).containsExactly(oldest.number());
		var paid = api.get("/api/v1/me/orders?status=PAID", me.token()).json();
		assertThat(paid.get("items").findValuesAsString("number")).containsExactly(middle.number());
		assertThat(paid.get("items").get(0).get("status").asString()).isEqualTo("paid");
	}

	@Test
	void refusesAnUnknownStatusFilterAndBadPaging() {
		assertThat(field(api.get("/api/v1/me/orders?status=lost", me.token()))).isEqualTo("status");
		assertThat(field(api.get("/api/v1/me/orders?size=0", me.token()))).isEqualTo("size");
		assertThat(field(api.get("/api/v1/me/orders?page=-1", me.token()))).isEqualTo("page");
	}

	@Test
	void readsOneOrderWithItemsAddressAndTimeline() {
		var order = OrderFixtures.shipped(fulfilment, me.id(), phone);

		var body = api.get("/api/v1/me/orders/" + order.id(), me.token()).json();
		assertThat(body.get("number").asString()).startsWith("PO-");
		assertThat(body.get("items").get(0).get("productName").asString()).isEqualTo("Pocket Phone");
		assertThat(body.get("items").get(0).get("unitPrice").asLong()).isEqualTo(19_900);
		assertThat(body.get("deliveryAddress").get("country").asString()).isEqualTo("DE");
		assertThat(body.get("timeline").findValuesAsString("status")).containsExactly("placed", "paid", "shipped");
		assertThat(body.get("timeline").get(2).get("trackingNumber").asString()).isEqualTo("JD014600003");
		assertThat(body.get("cancellable").asBoolean()).isFalse();
	}

	@Test
	void cancelsAPlacedOrderAndTheAuditTrailShowsIt() {
		var order = OrderFixtures.place(fulfilment, me.id(), phone, 1, null);

		var cancelled = api.post(path(order) + "/cancel", me.token(), "{\"reason\":\"Found it cheaper\",\"version\":0}");
		assertThat(cancelled.status()).isEqualTo(200);
		assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
		assertThat(cancelled.json().get("timeline").get(1).get("reason").asString()).isEqualTo("Found it cheaper");

		var changes = api.get(path(order) + "/changes", me.token()).json();
		assertThat(changes.findValuesAsString("action")).contains("cancel");
		var agent = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		var audit = api.get("/api/v1/audit?customer=" + me.id(), agent.token());
		assertThat(audit.status()).isEqualTo(200);
		JsonNode entry = find(audit.json().get("items"), "cancel", "status");
		assertThat(entry.get("entityType").asString()).isEqualTo("order");
		assertThat(entry.get("entityId").asString()).isEqualTo(order.number());
		assertThat(entry.get("oldValue").asString()).isEqualTo("PLACED");
		assertThat(entry.get("newValue").asString()).isEqualTo("CANCELLED");
		assertThat(entry.get("actorId").asString()).isEqualTo(me.id().toString());
		assertThat(find(audit.json().get("items"), "cancel", "reason").get("newValue").asString())
			.isEqualTo("Found it cheaper");
	}

	@Test
	void refusesToCancelAShippedOrderAndLeavesItShipped() {
		var order = OrderFixtures.shipped(fulfilment, me.id(), phone);

		var response = api.post(path(order) + "/cancel", me.token(), "{\"version\":" + order.version() + "}");
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("detail").asString())
			.isEqualTo("order " + order.number() + " has shipped and can no longer be cancelled");
		assertThat(orders.get(new CustomerId(me.id()), order.id()).status()).isEqualTo(OrderStatus.SHIPPED);
	}

	@Test
	void refusesAnOversizeCancelReason() {
		var order = OrderFixtures.place(fulfilment, me.id(), phone, 1, null);
		var body = ApiClient.json(Map.of("reason", "x".repeat(501), "version", 0));
		assertThat(field(api.post(path(order) + "/cancel", me.token(), body))).isEqualTo("reason");
		assertThat(orders.get(new CustomerId(me.id()), order.id()).status()).isEqualTo(OrderStatus.PLACED);
	}

	@Test
	void changesTheDeliveryAddressBeforeShippingAndRecordsEachField() {
		var order = OrderFixtures.place(fulfilment, me.id(), phone, 1, null);
		var body = address("Alice Example", "Elm Road 2", "Hamburg", "20095", "de", 0L);

		var response = api.put(path(order) + "/delivery-address", me.token(), ApiClient.json(body));
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("deliveryAddress").get("city").asString()).isEqualTo("Hamburg");
		assertThat(response.json().get("version").asLong()).isEqualTo(1);
		var changes = api.get(path(order) + "/changes", me.token()).json();
		assertThat(changes.findValuesAsString("field")).contains("deliveryAddress.line1", "deliveryAddress.city",
				"deliveryAddress.postalCode");
		assertThat(find(changes, "change-address", "deliveryAddress.city").get("oldValue").asString())
			.isEqualTo("Berlin");
	}

	@Test
	void refusesToChangeTheAddressOfAShippedOrder() {
		var order = OrderFixtures.shipped(fulfilment, me.id(), phone);
		var body = address("Alice", "Elm Road 2", "Hamburg", "20095", "DE", order.version());

		var response = api.put(path(order) + "/delivery-address", me.token(), ApiClient.json(body));
		assertThat(response.status()).isEqualTo(409);
		assertThat(response.json().get("detail").asString()).contains("has shipped");
		assertThat(orders.get(new CustomerId(me.id()), order.id()).address()).isEqualTo(OrderFixtures.address());
	}

	@Test
	void namesEveryInvalidAddressFieldAndChangesNothing() {
		var order = OrderFixtures.place(fulfilment, me.id(), phone, 1, null);
		var body = address(" ", "x".repeat(201), " ", "#", "ZZ", 0L);
		body.put("line2", "y".repeat(201));
		body.put("region", "z".repeat(101));

		var response = api.put(path(order) + "/delivery-address", me.token(), ApiClient.json(body));
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
				"deliveryAddress.recipient", "deliveryAddress.line1", "deliveryAddress.line2",
				"deliveryAddress.postalCode", "deliveryAddress.city", "deliveryAddress.region",
				"deliveryAddress.country");
		var after = orders.get(new CustomerId(me.id()), order.id());
		assertThat(after.address()).isEqualTo(OrderFixtures.address());
		assertThat(after.version()).isZero();
		assertThat(api.get(path(order) + "/changes", me.token()).json().findValuesAsString("action"))
			.doesNotContain("change-address");
	}

	@Test
	void refusesAStaleVersionAndChangesNothing() {
		var order = OrderFixtures.place(fulfilment, me.id(), phone, 1, null);
		fulfilment.pay(order.id(), null, null);

		var cancel = api.post(path(order) + "/cancel", me.token(), "{\"version\":0}");
		assertThat(cancel.status()).isEqualTo(409);
		assertThat(cancel.json().get("code").asString()).isEqualTo("stale");
		var move = api.put(path(order) + "/delivery-address", me.token(),
				ApiClient.json(address("Bob", "Elm Road 2", "Hamburg", "20095", "DE", 0L)));
		assertThat(move.status()).isEqualTo(409);
		var after = orders.get(new CustomerId(me.id()), order.id());
		assertThat(after.status()).isEqualTo(OrderStatus.PAID);
		assertThat(after.address()).isEqualTo(OrderFixtures.address());
	}

	@Test
	void requiresTheVersion() {
		var order = OrderFixtures.place(fulfilment, me.id(), phone, 1, null);
		assertThat(field(api.post(path(order) + "/cancel", me.token(), "{}"))).isEqualTo("version");
	}

	@Test
	void refusesMalformedJson() {
		var order = OrderFixtures.place(fulfilment, me.id(), phone, 1, null);
		var cancel = api.post(path(order) + "/cancel", me.token(), "{\"version\":");
		var move = api.put(path(order) + "/delivery-address", me.token(), "{\"city\": [");
		assertThat(cancel.status()).isEqualTo(400);
		assertThat(cancel.json().get("title").asString()).isEqualTo("Malformed request body");
		assertThat(move.status()).isEqualTo(400);
		assertThat(api.post(path(order) + "/cancel", me.token(), "null").status()).isEqualTo(400);
		assertThat(api.post(path(order) + "/cancel", me.token(), "{\"version\":\"one\"}").status()).isEqualTo(400);
		assertThat(orders.get(new CustomerId(me.id()), order.id()).status()).isEqualTo(OrderStatus.PLACED);
	}

	@Test
	void anotherCustomersOrderIsNotFoundExactlyLikeAnUnknownIdOnEveryEndpoint() {
		var other = AccountFixtures.withToken(identity, tokens, Role.CUSTOMER);
		var theirs = OrderFixtures.place(fulfilment, other.id(), phone, 1, null);
		String cancel = "{\"reason\":\"x\",\"version\":0}";
		String move = ApiClient.json(address("Mallory", "Evil Lane 1", "Berlin", "10115", "DE", 0L));

		for (String id : new String[] { theirs.id().toString(), UUID.randomUUID().toString(), "not-an-id" }) {
			String path = "/api/v1/me/orders/" + id;
			assertNotFound(api.get(path, me.token()));
			assertNotFound(api.post(path + "/cancel", me.token(), cancel));
			assertNotFound(api.put(path + "/delivery-address", me.token(), move));
			assertNotFound(api.get(path + "/changes", me.token()));
		}
		var after = orders.get(new CustomerId(other.id()), theirs.id());
		assertThat(after.status()).isEqualTo(OrderStatus.PLACED);
		assertThat(after.address()).isEqualTo(OrderFixtures.address());
	}

	@Test
	void listsOwnedProductsFromDeliveredOrdersThatWereNotReturned() {
		var tablet = OrderFixtures.product(catalog, "Slate Tablet", 39_900);
		var kept = OrderFixtures.shipped(fulfilment, me.id(), phone);
		fulfilment.deliver(kept.id(), null, null);
		var sentBack = OrderFixtures.shipped(fulfilment, me.id(), tablet);
		fulfilment.deliver(sentBack.id(), null, null);
		fulfilment.acceptReturn(sentBack.id(), null, null);
		OrderFixtures.place(fulfilment, me.id(), tablet, 1, null);

		var owned = api.get("/api/v1/me/products/owned", me.token());
		assertThat(owned.status()).isEqualTo(200);
		assertThat(owned.json().findValuesAsString("productName")).containsExactly("Pocket Phone");
		assertThat(owned.json().get(0).get("quantity").asInt()).isEqualTo(1);
		assertThat(owned.json().get(0).get("lastDeliveredAt").isNull()).isFalse();
	}

	@Test
	void onlyCustomersUseTheseEndpoints() {
		var agent = AccountFixtures.withToken(identity, tokens, Role.AGENT);
		assertThat(api.get("/api/v1/me/orders", agent.token()).status()).isEqualTo(403);
		assertThat(api.get("/api/v1/me/orders", null).status()).isEqualTo(401);
	}

	private void assertNotFound(ApiClient.Response response) {
		assertThat(response.status()).isEqualTo(404);
		assertThat(response.json().get("detail").asString()).isEqualTo("order not found");
	}

	private static String path(Order order) {
		return "/api/v1/me/orders/" + order.id();
	}

	private static Map<String, Object> address(String recipient, String line1, String city, String postalCode,
			String country, Long version) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("recipient", recipient);
		body.put("line1", line1);
		body.put("postalCode", postalCode);
		body.put("city", city);
		body.put("country", country);
		body.put("version", version);
		return body;
	}

	private static String field(ApiClient.Response response) {
		assertThat(response.status()).isEqualTo(400);
		return response.json().get("errors").get(0).get("field").asString();
	}

	private static JsonNode find(JsonNode entries, String action, String field) {
		for (JsonNode e : entries) {
			if (action.equals(e.get("action").asString()) && field.equals(e.get("field").asString())) {
				return e;
			}
		}
		throw new AssertionError("no entry " + action + " " + field + " in " + entries);
	}
}
