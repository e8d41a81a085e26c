package dev.parley.web;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.parley.catalog.Catalog;
import dev.parley.catalog.ProductId;
import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.common.RefusedException;
import dev.parley.history.HistoryFilter;
import dev.parley.history.InteractionHistory;
import dev.parley.orders.Orders;
import dev.parley.routing.Interactions;
import dev.parley.routing.NewContact;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.security.ParleyUser;
import dev.parley.status.CenterStatus;

/**
 * The customer portal's home: the center's live status (kept current by push), the "Contact us" card and its
 * form, recent orders and interactions. Starting a contact goes through routing (the API's rules); the portal
 * starts chats only. A refused start shows the home again with the field's message and what was chosen; nothing is
 * stored.
 */
@Controller
class CustomerHomeController {

	private static final int RECENT = 5;

	/** What the contact form sent, shown back when it is refused. */
	record ContactForm(String medium, String product, String topic, String queue) {
	}

	private final Orders orders;
	private final InteractionHistory history;
	private final CenterStatus status;
	private final ContactCards cards;
	private final Interactions interactions;
	private final QueueManagement queues;
	private final Catalog catalog;
	private final MessageSource messages;

	CustomerHomeController(Orders orders, InteractionHistory history, CenterStatus status, ContactCards cards,
			Interactions interactions, QueueManagement queues, Catalog catalog, MessageSource messages) {
		this.orders = orders;
		this.history = history;
		this.status = status;
		this.cards = cards;
		this.interactions = interactions;
		this.queues = queues;
		this.catalog = catalog;
		this.messages = messages;
	}

	@GetMapping("/customer")
	String home(@AuthenticationPrincipal ParleyUser user, @ModelAttribute("viewerZone") ZoneId zone, Locale locale,
			Model model) {
		return render(user, zone, locale, model);
	}

	/** Starts a chat and goes to it; refused, the home again with the field's message. */
	@PostMapping("/customer/contact")
	String start(@AuthenticationPrincipal ParleyUser user, @RequestParam(required = false) String medium,
			@RequestParam(required = false) String product, @RequestParam(required = false) String topic,
			@RequestParam(required = false) String queue, @RequestParam(required = false) String suggested,
			@ModelAttribute("viewerZone") ZoneId zone, Locale locale, Model model, HttpServletResponse response) {
		var form = new ContactForm(medium, product, topic, queue);
		Map<String, String> errors = new LinkedHashMap<>();
		Medium chosen = medium(medium, errors, locale);
		ProductId productId = product(product, errors, locale);
		if (!errors.isEmpty()) {
			return refused(user, form, errors, null, 400, zone, locale, model, response);
		}
		// a queue left as the page suggested follows the rule (the product may have changed it); another is the choice
		String queueKey = queue == null || queue.isBlank() || queue.equals(suggested) ? null : queue.strip();
		try {
			var started = interactions.start(user.customerId(), new NewContact(chosen, productId, queueKey, topic));
			return "redirect:/customer/contact/" + started.interaction().id();
		}
		catch (InvalidInputException e) {
			FieldErrors.of(e).forEach((field, message) -> errors.put(field,
					text(locale, "contact.error." + field, Interactions.MAX_TOPIC)));
			return refused(user, form, errors, null, 400, zone, locale, model, response);
		}
		catch (RefusedException e) {
			if (e.kind() != RefusedException.Kind.CANNOT_SERVE) {
				throw e;
			}
			Optional<Queue> target = queueKey != null ? queues.find(queueKey)
					: interactions.suggest(user.customerId(), productId == null ? null
							: catalog.find(productId).orElse(null), chosen);
			String name = target.map(Queue::name).orElse("");
			switch (e.code()) {
				case "queue-closed" -> errors.put("queue", target.flatMap(q -> queues.nextOpening(q, Instant.now()))
					.map(at -> text(locale, "contact.error.queue.closed.opens", name, ContactCards.format(at, zone, locale)))
					.orElseGet(() -> text(locale, "contact.error.queue.closed", name)));
				case "medium-not-served" -> errors.put("queue", text(locale, "contact.error.queue.medium", name));
				default -> {
					return refused(user, form, errors, text(locale, "contact.error.no-queue"), 422, zone, locale, model,
							response);
				}
			}
			return refused(user, form, errors, null, 422, zone, locale, model, response);
		}
		catch (ConflictException e) {
			return refused(user, form, errors, text(locale, "contact.error.too-many", Interactions.MAX_OPEN), 409, zone,
					locale, model, response);
		}
	}

	private String refused(ParleyUser user, ContactForm form, Map<String, String> errors, String alert, int status,
			ZoneId zone, Locale locale, Model model, HttpServletResponse response) {
		response.setStatus(status);
		model.addAttribute("contactForm", form);
		model.addAttribute("contactErrors", errors);
		model.addAttribute("contactAlert", alert != null ? alert : text(locale, "contact.error.summary"));
		return render(user, zone, locale, model);
	}

	private String render(ParleyUser user, ZoneId zone, Locale locale, Model model) {
		var center = status.center();
		model.addAttribute("name", user.displayName());
		model.addAttribute("orders", orders.list(user.customerId(), null, 0, RECENT).items());
		model.addAttribute("interactions", history.history(user.customerId(), HistoryFilter.none(), 0, RECENT).items());
		model.addAttribute("center", center);
		model.addAttribute("media", Medium.values());
		model.addAttribute("card", cards.card(user.customerId(), center, zone, locale));
		model.addAttribute("maxTopic", Interactions.MAX_TOPIC);
		return "customer/home";
	}

	private Medium medium(String medium, Map<String, String> errors, Locale locale) {
		for (Medium m : Medium.values()) {
			if (m.name().equalsIgnoreCase(medium == null ? "" : medium.strip())) {
				if (m != Medium.CHAT) {
					errors.put("medium", text(locale, "contact.error.medium.unavailable",
							text(locale, "medium." + m.name())));
				}
				return m;
			}
		}
		errors.put("medium", text(locale, "contact.error.medium"));
		return null;
	}

	private ProductId product(String product, Map<String, String> errors, Locale locale) {
		if (product == null || product.isBlank()) {
			return null;
		}
		try {
			return new ProductId(UUID.fromString(product.strip()));
		}
		catch (IllegalArgumentException e) {
			errors.put("product", text(locale, "contact.error.product"));
			return null;
		}
	}

	private String text(Locale locale, String key, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}
}
