package dev.parley.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.orders.DeliveryAddress;
import dev.parley.orders.Order;
import dev.parley.orders.OrderId;
import dev.parley.orders.OrderStatus;
import dev.parley.orders.Orders;
import dev.parley.security.ParleyUser;

/** The customer's orders: the list, one order with its timeline and changes, cancel, change the address. */
@Controller
@RequestMapping("/customer/orders")
class OrdersController {

	static final int PAGE_SIZE = 20;

	/** The address form's fields: name, maximum length, required. */
	record AddressField(String name, int max, boolean required) {
	}

	static final List<AddressField> ADDRESS_FIELDS = List.of(new AddressField("recipient", 120, true),
			new AddressField("line1", 200, true), new AddressField("line2", 200, false),
			new AddressField("postalCode", 20, true), new AddressField("city", 100, true),
			new AddressField("region", 100, false), new AddressField("country", 2, true));

	private final Orders orders;
	private final MessageSource messages;

	OrdersController(Orders orders, MessageSource messages) {
		this.orders = orders;
		this.messages = messages;
	}

	@GetMapping
	String list(@AuthenticationPrincipal ParleyUser user, @RequestParam(required = false) String status,
			@RequestParam(defaultValue = "0") int page, Model model) {
		OrderStatus filter = null;
		try {
			filter = OrderStatus.parse(status, "status");
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
		}
		model.addAttribute("orders", orders.list(user.customerId(), filter, Math.max(page, 0), PAGE_SIZE));
		model.addAttribute("status", filter == null ? null : filter.key());
		model.addAttribute("statuses", OrderStatus.values());
		return "customer/orders";
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, Model model) {
		Order order = orders.get(user.customerId(), OrderId.parse(id));
		model.addAttribute("order", order);
		model.addAttribute("changes", orders.changes(user.customerId(), order.id()));
		model.addAttribute("addressFields", ADDRESS_FIELDS);
		if (!model.containsAttribute("address")) {
			model.addAttribute("address", values(order.address()));
		}
		return "customer/order";
	}

	@PostMapping("/{id}/cancel")
	String cancel(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Long version, Model model,
			RedirectAttributes redirect) {
		try {
			var order = orders.cancel(user.customerId(), OrderId.parse(id), reason, version);
			redirect.addFlashAttribute("flash", message("order.cancelled", order.number()));
			return "redirect:/customer/orders/" + order.id();
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
			model.addAttribute("reason", reason);
		}
		catch (ConflictException e) {
			conflict(e, model);
		}
		return detail(user, id, model);
	}

	@PostMapping("/{id}/delivery-address")
	String changeAddress(@AuthenticationPrincipal ParleyUser user, @PathVariable String id,
			@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		var address = new DeliveryAddress(form.get("recipient"), form.get("line1"), form.get("line2"),
				form.get("postalCode"), form.get("city"), form.get("region"), form.get("country"));
		try {
			var order = orders.changeAddress(user.customerId(), OrderId.parse(id), address, version(form.get("version")));
			redirect.addFlashAttribute("flash", message("order.addressChanged", order.number()));
			return "redirect:/customer/orders/" + order.id();
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
			model.addAttribute("address", values(address));
		}
		catch (ConflictException e) {
			conflict(e, model);
		}
		return detail(user, id, model);
	}

	private void conflict(ConflictException e, Model model) {
		model.addAttribute("problem", "stale".equals(e.code()) ? message("common.stale") : e.getMessage());
	}

	private static Long version(String text) {
		try {
			return text == null || text.isBlank() ? null : Long.valueOf(text.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of("version", "type", "must be a number");
		}
	}

	private static Map<String, String> values(DeliveryAddress a) {
		Map<String, String> map = new LinkedHashMap<>();
		map.put("recipient", a.recipient());
		map.put("line1", a.line1());
		map.put("line2", a.line2());
		map.put("postalCode", a.postalCode());
		map.put("city", a.city());
		map.put("region", a.region());
		map.put("country", a.country());
		return map;
	}

	private String message(String code, Object... args) {
		return messages.getMessage(code, args, LocaleContextHolder.getLocale());
	}
}
