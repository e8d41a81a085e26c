package dev.parley.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import dev.parley.common.PageResult;
import dev.parley.identity.Account;
import dev.parley.identity.AccountId;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.identity.TokenManagement;
import dev.parley.orders.Orders;
import dev.parley.security.ParleyUser;
import dev.parley.security.internal.WebSliceSecurity;

/**
 * The customer's orders page as a web slice: rendered by Thymeleaf with the real layout and messages and the
 * real page security (sign-in, role, CSRF), with the orders module mocked.
 */
@WebMvcTest(OrdersController.class)
@Import({ WebSliceSecurity.class, OrderViews.class, ViewerZone.class })
class OrdersPageSliceTests {

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

	@MockitoBean
	dev.parley.customer.CustomerManagement customers;

	// the header's alert count is a controller advice, built in every web slice
	@MockitoBean
	dev.parley.alerts.Alerts alerts;

	final ParleyUser cora = new ParleyUser(new Account(new AccountId(UUID.randomUUID()), "cora", "Cora",
			Role.CUSTOMER, true, Instant.parse("2026-01-01T00:00:00Z")), "{noop}x");

	@org.junit.jupiter.api.BeforeEach
	void zone() {
		given(customers.timeZone(any())).willReturn(java.time.ZoneId.of("Europe/Zurich"));
	}

	@Test
	void rendersTheFilterAndAnEmptyList() throws Exception {
		given(orders.list(any(), any(), any(Integer.class), any(Integer.class)))
			.willReturn(new PageResult<>(List.of(), 0, 20, 0));
		mvc.perform(get("/customer/orders").with(user(cora)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"orders-status\"")));
	}

	@Test
	void anUnknownStatusFilterShowsTheFieldError() throws Exception {
		given(orders.list(any(), any(), any(Integer.class), any(Integer.class)))
			.willReturn(new PageResult<>(List.of(), 0, 20, 0));
		mvc.perform(get("/customer/orders?status=LOST").with(user(cora)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("aria-invalid=\"true\"")));
	}

	@Test
	void signingInIsRequired() throws Exception {
		mvc.perform(get("/customer/orders")).andExpect(status().is3xxRedirection());
	}

	@Test
	void aCancelWithoutTheCsrfTokenIsRefusedAndChangesNothing() throws Exception {
		mvc.perform(post("/customer/orders/" + UUID.randomUUID() + "/cancel").with(user(cora)).param("version", "1"))
			.andExpect(status().isForbidden());
		mvc.perform(post("/customer/orders/" + UUID.randomUUID() + "/cancel").with(user(cora)).with(csrf())
			.param("version", "x")).andExpect(status().is4xxClientError());
		verify(orders, never()).cancel(any(), any(), any(), any());
	}
}
