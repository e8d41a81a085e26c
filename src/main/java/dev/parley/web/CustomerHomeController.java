package dev.parley.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.parley.common.Medium;
import dev.parley.history.HistoryFilter;
import dev.parley.history.InteractionHistory;
import dev.parley.orders.Orders;
import dev.parley.security.ParleyUser;
import dev.parley.status.CenterStatus;

/** The customer portal's home: the center's live status (kept current by push), recent orders and interactions. */
@Controller
class CustomerHomeController {

	private static final int RECENT = 5;

	private final Orders orders;
	private final InteractionHistory history;
	private final CenterStatus status;

	CustomerHomeController(Orders orders, InteractionHistory history, CenterStatus status) {
		this.orders = orders;
		this.history = history;
		this.status = status;
	}

	@GetMapping("/customer")
	String home(@AuthenticationPrincipal ParleyUser user, Model model) {
		model.addAttribute("name", user.displayName());
		model.addAttribute("orders", orders.list(user.customerId(), null, 0, RECENT).items());
		model.addAttribute("interactions", history.history(user.customerId(), HistoryFilter.none(), 0, RECENT).items());
		model.addAttribute("center", status.center());
		model.addAttribute("media", Medium.values());
		return "customer/home";
	}
}
