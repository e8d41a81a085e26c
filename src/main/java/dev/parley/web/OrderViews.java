package dev.parley.web;

import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.parley.orders.DeliveryAddress;
import dev.parley.orders.OrderStatus;

/**
 * Helpers the order pages call as {@code @orderViews}: money with its currency, a status's badge class, an
 * address's fields for a form.
 */
@Component("orderViews")
public class OrderViews {

	/** An amount in minor units formatted in the viewer's locale with its currency, e.g. "€398.00". */
	public String money(long minorUnits, String currency, Locale locale) {
		if (currency == null) {
			return "";
		}
		var format = NumberFormat.getCurrencyInstance(locale == null ? Locale.ENGLISH : locale);
		var unit = Currency.getInstance(currency);
		format.setCurrency(unit);
		int digits = Math.max(unit.getDefaultFractionDigits(), 0);
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(java.math.BigDecimal.valueOf(minorUnits, digits));
	}

	/** The address's fields by the names of the address form's fields. */
	public Map<String, String> addressValues(DeliveryAddress address) {
		return OrdersController.values(address);
	}

	public String badge(OrderStatus status) {
		return switch (status) {
			case PLACED, PAID -> "";
			case SHIPPED -> "warn";
			case DELIVERED -> "ok";
			case CANCELLED, RETURNED -> "danger";
		};
	}
}
