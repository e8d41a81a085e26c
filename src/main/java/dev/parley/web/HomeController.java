package dev.parley.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import dev.parley.security.ParleyUser;
import dev.parley.security.RoleHomes;

/** The front door: the sign-in page for strangers, each role's home for the signed in. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal ParleyUser user) {
		return user == null ? "redirect:/login" : "redirect:" + RoleHomes.of(user.role());
	}

	/** The form; {@code ?locked=<seconds>} after a sign-in refused for too many failures says how long to wait. */
	@GetMapping("/login")
	String login(@AuthenticationPrincipal ParleyUser user, @RequestParam(required = false) String locked, Model model) {
		if (user != null) {
			return "redirect:" + RoleHomes.of(user.role());
		}
		if (locked != null && locked.matches("[0-9]{1,9}")) {
			long seconds = Math.max(1, Long.parseLong(locked));
			model.addAttribute("lockedSeconds", seconds < 60 ? seconds : null);
			model.addAttribute("lockedMinutes", seconds < 60 ? null : (seconds + 59) / 60);
		}
		return "auth/login";
	}
}
