package dev.parley.web;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

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
import dev.parley.identity.AccountId;
import dev.parley.identity.AuditEntry;
import dev.parley.identity.IdentityManagement;
import dev.parley.identity.Role;
import dev.parley.orders.DeliveryAddress;
import dev.parley.orders.Order;
import dev.parley.orders.OrderId;
import dev.parley.orders.OrderStatus;
import dev.parley.orders.Orders;
import dev.parley.security.ParleyUser;

/**
 * The customer's orders: the list, one order with its timeline and changes (an agent who changed it for the
 * customer is named as an agent), cancel, change the address.
 */
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
	private final IdentityManagement identity;

	OrdersController(Orders orders, MessageSource messages, IdentityManagement identity) {
		this.orders = orders;
		this.messages = messages;
		this.identity = identity;
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
		List<AuditEntry> changes = orders.changes(user.customerId(), order.id());
		model.addAttribute("changes", changes);
		model.addAttribute("agents", agents(order, changes));
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

	/** The agents among those who changed the order (on the customer's behalf), by account id: their names. */
	private Map<String, String> agents(Order order, List<AuditEntry> changes) {
		Set<UUID> actors = new HashSet<>();
		changes.stream().filter(e -> e.actorId() != null).forEach(e -> actors.add(e.actorId().value()));
		order.timeline().stream().filter(s -> s.by() != null).forEach(s -> actors.add(s.by()));
		actors.remove(order.customerId().value());
		Map<String, String> agents = new HashMap<>();
		actors.forEach(id -> identity.find(new AccountId(id)).filter(a -> a.role() == Role.AGENT)
			.ifPresent(a -> agents.put(id.toString(), a.displayName())));
		return agents;
	}

	private void conflict(ConflictException e, Model model) {
		model.addAttribute("problem", "stale".equals(e.code()) ? message("common.stale") : e.getMessage());
	}

	static Long version(String text) {
		try {
			return text == null || text.isBlank() ? null : Long.valueOf(text.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of("version", "type", "must be a number");
		}
	}

	static Map<String, String> values(DeliveryAddress a) {
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
