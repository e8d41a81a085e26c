package dev.parley.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import dev.parley.history.HistoryFilter;
import dev.parley.history.InteractionHistory;
import dev.parley.orders.Orders;
import dev.parley.security.ParleyUser;

/** The customer portal's home: recent orders, recent interactions, and where live center status appears. */
@Controller
class CustomerHomeController {

	private static final int RECENT = 5;

	private final Orders orders;
	private final InteractionHistory history;

	CustomerHomeController(Orders orders, InteractionHistory history) {
		this.orders = orders;
		this.history = history;
	}

	@GetMapping("/customer")
	String home(@AuthenticationPrincipal ParleyUser user, Model model) {
		model.addAttribute("name", user.displayName());
		model.addAttribute("orders", orders.list(user.customerId(), null, 0, RECENT).items());
		model.addAttribute("interactions", history.history(user.customerId(), HistoryFilter.none(), 0, RECENT).items());
		return "customer/home";
	}
}
