package dev.parley.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.parley.alerts.Alerts;
import dev.parley.security.ParleyUser;

/**
 * The page header's alert link with the inbox's count ({@code alertsUnread}, {@code alertsHref}) on every page of a
 * signed-in user; the page script keeps the count live.
 */
@ControllerAdvice(basePackages = "dev.parley.web")
class AlertsModelAdvice {

	private final Alerts alerts;

	AlertsModelAdvice(Alerts alerts) {
		this.alerts = alerts;
	}

	@ModelAttribute
	void alerts(@AuthenticationPrincipal ParleyUser user, Model model) {
		if (user == null) {
			return;
		}
		model.addAttribute("alertsHref", AlertsPageController.base(user) + "/alerts");
		model.addAttribute("alertsUnread", alerts.unread(user.id()));
	}
}
