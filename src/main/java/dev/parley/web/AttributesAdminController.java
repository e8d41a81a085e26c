package dev.parley.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.common.NotFoundException;
import dev.parley.customer.AttributeDefinition;
import dev.parley.customer.AttributeManagement;
import dev.parley.customer.AttributeType;
import dev.parley.security.ParleyUser;

/** Administrators list, add, edit and delete the custom attributes customers fill in. */
@Controller
@RequestMapping("/admin/attributes")
class AttributesAdminController {

	private final AttributeManagement attributes;
	private final MessageSource messages;

	AttributesAdminController(AttributeManagement attributes, MessageSource messages) {
		this.attributes = attributes;
		this.messages = messages;
	}

	/** The add/edit form: options one per line, max length as text. */
	public static class AttributeForm {
		public String key, label, type = "TEXT", maxLength, options;
		public boolean required;

		static AttributeForm of(AttributeDefinition d) {
			var f = new AttributeForm();
			f.key = d.key();
			f.label = d.label();
			f.type = d.type().name();
			f.required = d.required();
			f.maxLength = d.maxLength() == null ? "" : d.maxLength().toString();
			f.options = String.join("\n", d.options());
			return f;
		}

		AttributeDefinition toDefinition() {
			Integer max = ProfileForms.blank(maxLength) ? null : ProfileForms.parse(maxLength, Integer::valueOf, 0);
			List<String> list = options == null ? List.of() : Arrays.asList(options.split("\\R"));
			return new AttributeDefinition(key == null ? null : key.trim(), label,
					ProfileForms.parse(type, AttributeType::valueOf, null), required, max, list);
		}
	}

	@InitBinder
	void fields(WebDataBinder binder) {
		binder.initDirectFieldAccess();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("definitions", attributes.list());
		model.addAttribute("types", AttributeType.values());
		model.asMap().putIfAbsent("form", new AttributeForm());
		model.asMap().putIfAbsent("errors", Map.of());
		return "admin/attributes";
	}

	@GetMapping("/{key}")
	String edit(@PathVariable String key, Model model, RedirectAttributes redirect) {
		var definition = attributes.list().stream().filter(d -> d.key().equals(key)).findFirst();
		if (definition.isEmpty()) {
			redirect.addFlashAttribute("flash", message("admin.attributes.missing"));
			return "redirect:/admin/attributes";
		}
		model.addAttribute("form", AttributeForm.of(definition.get()));
		model.addAttribute("editing", key);
		return list(model);
	}

	@PostMapping
	String add(@AuthenticationPrincipal ParleyUser user, @ModelAttribute("form") AttributeForm form, Model model,
			RedirectAttributes redirect) {
		return save(() -> attributes.add(user.accountId(), form.toDefinition()), null, model, redirect);
	}

	@PostMapping("/{key}")
	String update(@AuthenticationPrincipal ParleyUser user, @PathVariable String key,
			@ModelAttribute("form") AttributeForm form, Model model, RedirectAttributes redirect) {
		form.key = key;
		return save(() -> attributes.update(user.accountId(), key, form.toDefinition()), key, model, redirect);
	}

	@PostMapping("/{key}/delete")
	String delete(@AuthenticationPrincipal ParleyUser user, @PathVariable String key, RedirectAttributes redirect) {
		try {
			attributes.delete(user.accountId(), key);
			redirect.addFlashAttribute("flash", message("admin.attributes.deleted"));
		}
		catch (NotFoundException e) {
			redirect.addFlashAttribute("flash", message("admin.attributes.missing"));
		}
		return "redirect:/admin/attributes";
	}

	private String save(Runnable change, String editing, Model model, RedirectAttributes redirect) {
		try {
			change.run();
			redirect.addFlashAttribute("flash", message("common.saved"));
			return "redirect:/admin/attributes";
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
		}
		catch (ConflictException e) {
			model.addAttribute("errors", Map.of("key", e.getMessage()));
		}
		catch (NotFoundException e) {
			redirect.addFlashAttribute("flash", message("admin.attributes.missing"));
			return "redirect:/admin/attributes";
		}
		model.addAttribute("editing", editing);
		return list(model);
	}

	private String message(String code) {
		return messages.getMessage(code, null, LocaleContextHolder.getLocale());
	}
}
