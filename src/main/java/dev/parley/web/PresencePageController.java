package dev.parley.web;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
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
import dev.parley.common.NotFoundException;
import dev.parley.identity.Role;
import dev.parley.presence.PortalPresence;
import dev.parley.presence.PresencePrivacy;
import dev.parley.presence.PresencePrivacy.RuleInput;
import dev.parley.presence.PresenceReading;
import dev.parley.presence.PresenceSummary;
import dev.parley.presence.PresentityId;
import dev.parley.presence.StatusChoice;
import dev.parley.security.ParleyUser;

/**
 * "Presence and privacy" (/customer/presence): the customer's status, who may watch them and what they
 * see, and who watches or asks to, with approve, deny and a rule per watcher. The status and the
 * watcher list are replaced live by push (the section asks for topic {@code me}).
 */
@Controller
@RequestMapping("/customer/presence")
class PresencePageController {

	private final PortalPresence portal;
	private final PresencePrivacy privacy;
	private final PresenceReading reading;
	private final MessageSource messages;

	PresencePageController(PortalPresence portal, PresencePrivacy privacy, PresenceReading reading,
			MessageSource messages) {
		this.portal = portal;
		this.privacy = privacy;
		this.reading = reading;
		this.messages = messages;
	}

	@GetMapping
	String page(@AuthenticationPrincipal ParleyUser user, Model model, HttpServletRequest request) {
		StatusChoice choice = portal.choice(user.id());
		model.addAttribute("choiceStatus", choice.status().name().toLowerCase(java.util.Locale.ROOT));
		model.addAttribute("chosenActivities", choice.activities().stream().map(a -> a.token()).toList());
		model.addAttribute("note", choice.note());
		return render(user, model, request);
	}

	@PostMapping("/status")
	String status(@AuthenticationPrincipal ParleyUser user, @RequestParam(required = false) String status,
			@RequestParam(required = false) List<String> activities, @RequestParam(required = false) String note,
			Model model, HttpServletRequest request, RedirectAttributes redirect) {
		try {
			portal.choose(user.id(), status, activities, note);
			redirect.addFlashAttribute("flash", text("presence.my.saved"));
			return "redirect:/customer/presence";
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", PresenceForms.errors(e));
			model.addAttribute("choiceStatus", status);
			model.addAttribute("chosenActivities", activities == null ? List.of() : activities);
			model.addAttribute("note", note);
			return render(user, model, request);
		}
	}

	@PostMapping("/rules")
	String rules(@AuthenticationPrincipal ParleyUser user, @RequestParam Map<String, String> form,
			@RequestParam(required = false) Long version, Model model, HttpServletRequest request,
			RedirectAttributes redirect) {
		Map<String, RuleInput> groups = PresenceForms.groups(form);
		try {
			privacy.updateRules(user.id(), groups, null, version);
			redirect.addFlashAttribute("flash", text("presence.rules.saved"));
			return "redirect:/customer/presence";
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", PresenceForms.errors(e));
			return page(user, model, request);
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("flash", text("common.stale"));
			return "redirect:/customer/presence";
		}
	}

	@PostMapping("/watchers/{subscription}/{decision:approve|deny}")
	String decide(@AuthenticationPrincipal ParleyUser user, @PathVariable String subscription,
			@PathVariable String decision, RedirectAttributes redirect) {
		try {
			if (decision.equals("approve")) {
				privacy.approve(user.id(), subscription);
			}
			else {
				privacy.deny(user.id(), subscription);
			}
			redirect.addFlashAttribute("flash", text("presence.watchers." + decision + "d"));
		}
		catch (NotFoundException | ConflictException e) {
			redirect.addFlashAttribute("flash", text("presence.watchers.gone"));
		}
		return "redirect:/customer/presence";
	}

	@PostMapping("/watcher-rule")
	String watcherRule(@AuthenticationPrincipal ParleyUser user, @RequestParam(required = false) String watcher,
			@RequestParam(required = false) String handling, @RequestParam(required = false) String visibility,
			RedirectAttributes redirect) {
		try {
			privacy.setWatcherRule(user.id(), watcher, handling, visibility);
			redirect.addFlashAttribute("flash", text("presence.watchers.ruleSaved"));
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flash", e.violations().get(0).field() + ": " + e.violations().get(0).message());
		}
		return "redirect:/customer/presence";
	}

	private String text(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	private String render(ParleyUser user, Model model, HttpServletRequest request) {
		model.addAttribute("me",
				PresenceSummary.of(reading.fetch(user.id(), Role.CUSTOMER, PresentityId.customer(user.id()))));
		model.addAttribute("activityChoices", PresenceForms.ACTIVITIES);
		model.addAttribute("rules", privacy.rules(user.id()));
		model.addAttribute("groups", PresenceForms.groupRows(privacy.rules(user.id())));
		model.addAttribute("watchers", privacy.watchers(user.id()));
		CsrfToken csrf = (CsrfToken) request.getAttribute(CsrfToken.class.getName());
		model.addAttribute("csrfParameter", csrf == null ? "_csrf" : csrf.getParameterName());
		model.addAttribute("csrfToken", csrf == null ? "" : csrf.getToken());
		model.addAttribute("base", request.getContextPath());
		return "customer/presence";
	}
}
