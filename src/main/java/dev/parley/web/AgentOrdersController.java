package dev.parley.web;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.common.ConflictException;
import dev.parley.common.CustomerId;
import dev.parley.common.InvalidInputException;
import dev.parley.identity.AccountId;
import dev.parley.orders.DeliveryAddress;
import dev.parley.orders.Order;
import dev.parley.orders.OrderId;
import dev.parley.orders.Orders;
import dev.parley.routing.AgentDesk;
import dev.parley.routing.InteractionId;
import dev.parley.security.ParleyUser;

/**
 * An agent changes an order for the customer of a chat they handle now (/agent/chats/{id}/orders/{order}/...):
 * cancel with a reason, or a new delivery address, with the customer's own rules and messages; the audit entry
 * names the agent. Any other chat or order answers 404, like an unknown one. Sent by the page script, the answer
 * is the chat's customer context again (with the field messages, or the order as it is now); without it, a
 * redirect back to the chat or the whole page with the field messages.
 */
@Controller
class AgentOrdersController {

	private final AgentDesk desk;
	private final Orders orders;
	private final DeskViews views;
	private final DeskPage page;
	private final DeskAnswers answers;

	AgentOrdersController(AgentDesk desk, Orders orders, DeskViews views, DeskPage page, DeskAnswers answers) {
		this.desk = desk;
		this.orders = orders;
		this.views = views;
		this.page = page;
		this.answers = answers;
	}

	@PostMapping("/agent/chats/{id}/orders/{order}/cancel")
	String cancel(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, @PathVariable String order,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String version,
			@RequestHeader(name = AgentWorkstationController.FRAGMENT, required = false) String fragment, Model model,
			RedirectAttributes redirect) {
		CustomerId customer = desk.customerInHand(user.agentId(), InteractionId.parse(id));
		OrderId orderId = OrderId.parse(order);
		try {
			Order done = orders.cancel(customer, orderId, reason, OrdersController.version(version), actor(user));
			return changed(user, id, fragment, answers.text("order.cancelled", done.number()), model, redirect);
		}
		catch (InvalidInputException e) {
			return invalid(user, id, orderId, "cancel", FieldErrors.of(e), Map.of("reason", reason == null ? "" : reason),
					fragment, model);
		}
		catch (ConflictException e) {
			return conflict(user, id, e, fragment, model, redirect);
		}
	}

	@PostMapping("/agent/chats/{id}/orders/{order}/delivery-address")
	String changeAddress(@AuthenticationPrincipal ParleyUser user, @PathVariable String id, @PathVariable String order,
			@RequestParam Map<String, String> form,
			@RequestHeader(name = AgentWorkstationController.FRAGMENT, required = false) String fragment, Model model,
			RedirectAttributes redirect) {
		CustomerId customer = desk.customerInHand(user.agentId(), InteractionId.parse(id));
		OrderId orderId = OrderId.parse(order);
		var address = new DeliveryAddress(form.get("recipient"), form.get("line1"), form.get("line2"),
				form.get("postalCode"), form.get("city"), form.get("region"), form.get("country"));
		try {
			Order done = orders.changeAddress(customer, orderId, address, OrdersController.version(form.get("version")),
					actor(user));
			return changed(user, id, fragment, answers.text("order.addressChanged", done.number()), model, redirect);
		}
		catch (InvalidInputException e) {
			return invalid(user, id, orderId, "address", FieldErrors.of(e), OrdersController.values(address), fragment,
					model);
		}
		catch (ConflictException e) {
			return conflict(user, id, e, fragment, model, redirect);
		}
	}

	private String changed(ParleyUser user, String id, String fragment, String status, Model model,
			RedirectAttributes redirect) {
		if (fragment == null) {
			redirect.addFlashAttribute("flash", status);
			return "redirect:/agent#chat-" + id;
		}
		model.addAttribute("deskStatus", status);
		return context(user, id, model);
	}

	/** The form again with its field messages and what was typed; nothing changed. */
	private String invalid(ParleyUser user, String id, OrderId order, String which, Map<String, String> errors,
			Map<String, String> values, String fragment, Model model) {
		model.addAttribute("errors", errors);
		model.addAttribute("errorsFor", id);
		model.addAttribute("orderFor", order.toString());
		model.addAttribute("orderForm", which);
		model.addAttribute("form", values);
		model.addAttribute("deskAlert", answers.text("workstation.form.invalid"));
		return fragment == null ? page.render(user, model) : context(user, id, model);
	}

	/** Stale (someone changed the order meanwhile) or too late (it shipped): the order as it is now, and why. */
	private String conflict(ParleyUser user, String id, ConflictException e, String fragment, Model model,
			RedirectAttributes redirect) {
		String why = "stale".equals(e.code()) ? answers.text("common.stale") : e.getMessage();
		if (fragment == null) {
			redirect.addFlashAttribute("deskAlert", why);
			return "redirect:/agent#chat-" + id;
		}
		model.addAttribute("deskAlert", why);
		return context(user, id, model);
	}

	private String context(ParleyUser user, String id, Model model) {
		model.addAttribute("pane", views.context(desk.get(user.agentId(), InteractionId.parse(id))));
		model.addAttribute("only", "context");
		model.addAttribute("addressFields", OrdersController.ADDRESS_FIELDS);
		return AgentWorkstationController.ANSWER;
	}

	private static AccountId actor(ParleyUser user) {
		return new AccountId(user.id());
	}
}
