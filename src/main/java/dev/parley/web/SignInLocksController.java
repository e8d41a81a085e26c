package dev.parley.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.common.NotFoundException;
import dev.parley.identity.SignInLock;
import dev.parley.identity.SignInThrottle;
import dev.parley.security.ParleyUser;

/** Administrators see the sign-in locks in force and lift them. */
@Controller
class SignInLocksController {

	private final SignInThrottle throttle;

	SignInLocksController(SignInThrottle throttle) {
		this.throttle = throttle;
	}

	@GetMapping("/admin/sign-in-locks")
	String list(Model model) {
		model.addAttribute("locks", throttle.locks());
		return "admin/sign-in-locks";
	}

	@PostMapping("/admin/sign-in-locks/lift")
	String lift(@AuthenticationPrincipal ParleyUser user, @RequestParam(required = false) SignInLock.Scope scope,
			@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String source,
			RedirectAttributes redirect) {
		try {
			throttle.lift(user.accountId(), scope, username, source);
			redirect.addFlashAttribute("lifted", true);
		}
		catch (NotFoundException e) {
			redirect.addFlashAttribute("gone", true);
		}
		return "redirect:/admin/sign-in-locks";
	}
}
