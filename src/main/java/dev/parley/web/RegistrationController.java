package dev.parley.web;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;

import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.customer.CustomerManagement;
import dev.parley.customer.Registration;
import dev.parley.security.ParleyUser;
import dev.parley.security.RegistrationLimit;
import dev.parley.security.RoleHomes;

/** Strangers register as customers: the account and the profile are opened together, then they sign in. */
@Controller
class RegistrationController {

	private final CustomerManagement customers;

	private final RegistrationLimit limit;

	RegistrationController(CustomerManagement customers, RegistrationLimit limit) {
		this.customers = customers;
		this.limit = limit;
	}

	@GetMapping("/register")
	String form(@AuthenticationPrincipal ParleyUser user, Model model) {
		if (user != null) {
			return "redirect:" + RoleHomes.of(user.role());
		}
		model.asMap().putIfAbsent("registration", values("", "", "", "UTC"));
		model.asMap().putIfAbsent("errors", Map.of());
		model.addAttribute("choices", ProfileChoices.INSTANCE);
		return "auth/register";
	}

	@PostMapping("/register")
	String register(@RequestParam(defaultValue = "") String username, @RequestParam(defaultValue = "") String displayName,
			@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
			@RequestParam(defaultValue = "UTC") String timeZone, Model model, HttpServletRequest request) {
		var registration = new Registration(username, displayName, email, password, timeZone);
		var wait = limit.refusal(request.getRemoteAddr());
		if (wait.isPresent()) {
			model.addAttribute("errors", Map.of());
			model.addAttribute("tooManyMinutes", Math.max(1, (wait.get().toSeconds() + 59) / 60));
			model.addAttribute("registration", values(username, displayName, email, timeZone));
			return form(null, model);
		}
		try {
			customers.register(registration);
			limit.opened(request.getRemoteAddr());
			return "redirect:/login?registered";
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
		}
		catch (ConflictException e) {
			model.addAttribute("errors", Map.of("email-taken".equals(e.code()) ? "email" : "username", e.getMessage()));
		}
		model.addAttribute("registration", values(username, displayName, email, timeZone));
		return form(null, model);
	}

	/** The input shown again after an error (never the password). */
	private static Map<String, String> values(String username, String displayName, String email, String timeZone) {
		return Map.of("username", username, "displayName", displayName, "email", email, "password", "", "timeZone",
				timeZone);
	}
}
