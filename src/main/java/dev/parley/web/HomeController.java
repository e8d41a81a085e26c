package dev.parley.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import dev.parley.security.ParleyUser;
import dev.parley.security.RoleHomes;

/** The front door: the sign-in page for strangers, each role's home for the signed in. */
@Controller
class HomeController {

	@GetMapping("/")
	String home(@AuthenticationPrincipal ParleyUser user) {
		return user == null ? "redirect:/login" : "redirect:" + RoleHomes.of(user.role());
	}

	@GetMapping("/login")
	String login(@AuthenticationPrincipal ParleyUser user) {
		return user == null ? "auth/login" : "redirect:" + RoleHomes.of(user.role());
	}
}
