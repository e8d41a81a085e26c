package dev.parley.web;

import java.time.ZoneId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.parley.security.ParleyUser;

/** Puts the viewer's time zone into every page's model as {@code viewerZone}, and its label as {@code zoneLabel}. */
@ControllerAdvice(basePackages = "dev.parley.web")
class ViewerModelAdvice {

	private final ViewerZone zones;

	ViewerModelAdvice(ViewerZone zones) {
		this.zones = zones;
	}

	/** Looked up once per request: the zone itself, and its label for headings ("Start (Europe/Berlin)"). */
	@ModelAttribute
	void viewerZone(@AuthenticationPrincipal ParleyUser user, Model model) {
		ZoneId zone = user == null ? ViewerZone.UTC : zones.of(user);
		model.addAttribute("viewerZone", zone);
		model.addAttribute("zoneLabel", ViewerZone.label(zone));
	}
}
