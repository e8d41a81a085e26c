package dev.parley.web;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.Category;
import dev.parley.common.CustomerId;
import dev.parley.common.NotFoundException;
import dev.parley.customer.Capabilities;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.CustomerProfile;
import dev.parley.customer.Demographics;
import dev.parley.customer.Interest;
import dev.parley.history.HistoryFilter;
import dev.parley.history.InteractionHistory;
import dev.parley.history.ProductInteractions;
import dev.parley.orders.Order;
import dev.parley.orders.Orders;

/**
 * What an agent sees of the customer beside a chat: who they are, how they can be reached, what interests them,
 * their recent orders and their recent interactions by product. Each part comes from its own module's API
 * (customer, orders, history, catalog for category names); a customer without a profile shows the name only.
 */
@Component
class CustomerContexts {

	static final int RECENT_ORDERS = 5;
	static final int RECENT_INTERACTIONS = 10;

	/** One interest as a person reads it: a category's name or the customer's own topic, and its level. */
	record InterestLine(String label, String level) {
	}

	/** The customer beside a chat; {@code demographics} and {@code capabilities} are null without a profile. */
	record CustomerContext(String name, Demographics demographics, Capabilities capabilities,
			List<InterestLine> interests, boolean contactConsent, List<Order> orders,
			List<ProductInteractions> history) {
	}

	private final CustomerManagement customers;
	private final Orders orders;
	private final InteractionHistory history;
	private final Catalog catalog;

	CustomerContexts(CustomerManagement customers, Orders orders, InteractionHistory history, Catalog catalog) {
		this.customers = customers;
		this.orders = orders;
		this.history = history;
		this.catalog = catalog;
	}

	CustomerContext of(CustomerId customer, String name) {
		CustomerProfile profile = profile(customer);
		List<Order> recentOrders = orders.list(customer, null, 0, RECENT_ORDERS).items();
		List<ProductInteractions> recent = history.grouped(customer, HistoryFilter.none(), 0, RECENT_INTERACTIONS)
			.groups();
		if (profile == null) {
			return new CustomerContext(name, null, null, List.of(), false, recentOrders, recent);
		}
		List<InterestLine> interests = profile.interests().interests().stream().map(this::line).toList();
		String shown = profile.demographics().name() == null || profile.demographics().name().isBlank() ? name
				: profile.demographics().name();
		return new CustomerContext(shown, profile.demographics(), profile.capabilities(), interests,
				profile.interests().contactConsent(), recentOrders, recent);
	}

	private CustomerProfile profile(CustomerId customer) {
		try {
			return customers.profile(customer);
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private InterestLine line(Interest interest) {
		String label = interest.categoryKey() == null ? interest.topic()
				: catalog.category(interest.categoryKey()).map(Category::name).orElse(interest.categoryKey());
		return new InterestLine(label, interest.level() == null ? null : interest.level().name());
	}
}
