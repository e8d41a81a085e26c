package dev.parley.web;

import java.time.ZoneId;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.parley.security.ParleyUser;

/** Puts the viewer's time zone into every page's model as {@code viewerZone}. */
@ControllerAdvice(basePackages = "dev.parley.web")
class ViewerModelAdvice {

	private final ViewerZone zones;

	ViewerModelAdvice(ViewerZone zones) {
		this.zones = zones;
	}

	@ModelAttribute("viewerZone")
	ZoneId viewerZone(@AuthenticationPrincipal ParleyUser user) {
		return user == null ? ViewerZone.UTC : zones.of(user);
	}
}
