package dev.parley.api;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.catalog.ProductId;
import dev.parley.common.CustomerId;
import dev.parley.common.NotFoundException;
import dev.parley.common.PageResult;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.orders.DeliveryAddress;
import dev.parley.orders.Order;
import dev.parley.orders.OrderId;
import dev.parley.orders.OrderItem;
import dev.parley.orders.OrderStatus;
import dev.parley.orders.Orders;
import dev.parley.orders.StatusChange;
import dev.parley.security.internal.WebSliceSecurity;

/**
 * The orders API as a web slice: its JSON, its problem answers and its security, over the real security
 * chain, with the orders module replaced by a mock (no database, no full application).
 */
@WebMvcTest(controllers = OrdersApiController.class,
		excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = "dev\\.parley\\.web\\..*"))
@Import(WebSliceSecurity.class)
class OrdersApiSliceTests {

	static final String TOKEN = "pk_slice";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Orders orders;

	@MockitoBean
	TokenManagement tokens;

	@MockitoBean
	IdentityManagement identity;

	@MockitoBean
	dev.parley.identity.SignInThrottle throttle;

	// the workstation's invitations card is a controller advice, built in every web slice
	@MockitoBean
	dev.parley.web.InvitationTexts invitationTexts;

	@MockitoBean
	dev.parley.presence.PresencePrivacy presencePrivacy;

	final Account customer = new Account(new AccountId(UUID.randomUUID()), "cora", "Cora", Role.CUSTOMER, true,
			Instant.parse("2026-01-01T00:00:00Z"));

	@BeforeEach
	void signIn() {
		given(tokens.authenticate(TOKEN)).willReturn(Optional.of(customer));
	}

	@Test
	void listsTheCallersOrdersAsJson() throws Exception {
		var order = new Order(new OrderId(UUID.randomUUID()), "PO-100042", new CustomerId(customer.id().value()),
				List.of(new OrderItem(ProductId.random(), "Lamp", 2, 1999, "EUR")),
				new DeliveryAddress("Cora", "Main Street 1", null, "10115", "Berlin", null, "DE"), OrderStatus.PLACED,
				List.of(StatusChange.of(OrderStatus.PLACED, Instant.parse("2026-11-30T10:00:00Z"))), 3);
		given(orders.list(eq(new CustomerId(customer.id().value())), eq(null), eq(0), eq(20)))
			.willReturn(new PageResult<>(List.of(order), 0, 20, 1));

		mvc.perform(get("/api/v1/me/orders").header("Authorization", "Bearer " + TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items[0].number").value("PO-100042"))
			.andExpect(jsonPath("$.items[0].status").value("placed"))
			.andExpect(jsonPath("$.items[0].version").value(3))
			.andExpect(jsonPath("$.total").value(1));
	}

	@Test
	void anUnknownStatusIsABadRequestNamingTheField() throws Exception {
		mvc.perform(get("/api/v1/me/orders?status=LOST").header("Authorization", "Bearer " + TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("status"));
	}

	@Test
	void anotherCustomersOrderAnswersAsIfItDidNotExist() throws Exception {
		given(orders.get(any(), any())).willThrow(new NotFoundException("order"));
		mvc.perform(get("/api/v1/me/orders/" + UUID.randomUUID()).header("Authorization", "Bearer " + TOKEN))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
	}

	@Test
	void withoutATokenNothingIsCalled() throws Exception {
		mvc.perform(post("/api/v1/me/orders/" + UUID.randomUUID() + "/cancel").contentType(MediaType.APPLICATION_JSON)
			.content("{\"version\":1}")).andExpect(status().isUnauthorized());
		verify(orders, never()).cancel(any(), any(), any(), any());
	}
}
