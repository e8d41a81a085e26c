package dev.parley.web;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.history.GroupedHistory;
import dev.parley.history.HistoryFilter;
import dev.parley.history.InteractionHistory;
import dev.parley.history.InteractionRecordId;
import dev.parley.common.Medium;
import dev.parley.security.ParleyUser;

/**
 * The customer's interaction history: filter, grouped by product and agent (each agent with a link to ask for them
 * again), details and rating; and every invitation and request with its outcome.
 */
@Controller
@RequestMapping("/customer/history")
class CustomerHistoryController {

	static final int PAGE_SIZE = 25;

	private final InteractionHistory history;
	private final MessageSource messages;
	private final AskViews asks;

	CustomerHistoryController(InteractionHistory history, MessageSource messages, AskViews asks) {
		this.history = history;
		this.messages = messages;
		this.asks = asks;
	}

	/** The filter as the customer typed it, so the form shows it back unchanged. */
	record FilterForm(String product, String agent, String medium, String from, String to) {
	}

	@ModelAttribute("media")
	Medium[] media() {
		return Medium.values();
	}

	@GetMapping
	String list(@AuthenticationPrincipal ParleyUser user, FilterForm filter, @RequestParam(defaultValue = "0") int page,
			@ModelAttribute("viewerZone") ZoneId zone, Model model) {
		model.addAttribute("filter", filter);
		model.addAttribute("choices", history.choices(user.customerId()));
		model.addAttribute("invitations", asks.history(user.customerId()));
		try {
			var parsed = HistoryFilter.parse(filter.product(), filter.agent(), filter.medium(), filter.from(),
					filter.to(), zone);
			model.addAttribute("history", history.grouped(user.customerId(), parsed, Math.max(page, 0), PAGE_SIZE));
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
			model.addAttribute("history", new GroupedHistory(java.util.List.of(), 0, PAGE_SIZE, 0));
		}
		return "customer/history";
	}

	@GetMapping("/{id}")
	String detail(@AuthenticationPrincipal ParleyUser user, @PathVariable UUID id, Model model) {
		var item = history.get(user.customerId(), new InteractionRecordId(id));
		model.addAttribute("item", item);
		if (!model.containsAttribute("rating")) {
			model.addAttribute("rating", item.record().rating());
			model.addAttribute("comment", item.record().ratingComment());
		}
		return "customer/history-detail";
	}

	@PostMapping("/{id}/rating")
	String rate(@AuthenticationPrincipal ParleyUser user, @PathVariable UUID id,
			@RequestParam(required = false) String rating, @RequestParam(required = false) String comment,
			@RequestParam(required = false) Long version, Locale locale, Model model, RedirectAttributes redirect) {
		try {
			history.rate(user.customerId(), new InteractionRecordId(id), stars(rating), comment, version);
			redirect.addFlashAttribute("flash", messages.getMessage("history.rated", null, locale));
			redirect.addFlashAttribute("rated", true);
			return "redirect:/customer/history/" + id;
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
			model.addAttribute("rating", stars(rating));
			model.addAttribute("comment", comment);
		}
		catch (ConflictException e) {
			model.addAttribute("stale", true);
		}
		return detail(user, id, model);
	}

	private static Integer stars(String rating) {
		try {
			return rating == null || rating.isBlank() ? null : Integer.valueOf(rating.trim());
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}
}
