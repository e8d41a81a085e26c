package dev.parley.web;

import java.util.UUID;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.common.InvalidInputException;
import dev.parley.common.NotFoundException;
import dev.parley.identity.TokenManagement;
import dev.parley.security.ParleyUser;

/** Every signed-in user creates, lists and revokes their own API tokens here. */
@Controller
@RequestMapping("/account/tokens")
class TokensController {

	private final TokenManagement tokens;

	TokensController(TokenManagement tokens) {
		this.tokens = tokens;
	}

	@GetMapping
	String list(@AuthenticationPrincipal ParleyUser user, Model model) {
		model.addAttribute("tokens", tokens.list(user.accountId()));
		model.addAttribute("now", java.time.Instant.now());
		return "account/tokens";
	}

	@PostMapping
	String create(@AuthenticationPrincipal ParleyUser user, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) Integer validDays, Model model, RedirectAttributes redirect) {
		try {
			// shown once: a flash attribute lives for the next request only, so a reload does not show it again
			redirect.addFlashAttribute("issued", tokens.issue(user.accountId(), name, validDays));
			return "redirect:/account/tokens";
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
			model.addAttribute("name", name);
			return list(user, model);
		}
	}

	@PostMapping("/{id}/revoke")
	String revoke(@AuthenticationPrincipal ParleyUser user, @PathVariable UUID id, RedirectAttributes redirect) {
		try {
			tokens.revoke(user.accountId(), id);
			redirect.addFlashAttribute("flash", "Token revoked.");
		}
		catch (NotFoundException e) {
			redirect.addFlashAttribute("flash", "That token does not exist.");
		}
		return "redirect:/account/tokens";
	}
}
