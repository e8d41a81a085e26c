package dev.parley.web;

import java.util.Map;
import java.util.function.Supplier;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.catalog.Catalog;
import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.common.CustomerId;
import dev.parley.customer.CustomerManagement;
import dev.parley.security.ParleyUser;
import dev.parley.web.ProfileForms.AgendaForm;
import dev.parley.web.ProfileForms.CapabilitiesForm;
import dev.parley.web.ProfileForms.DemographicsForm;
import dev.parley.web.ProfileForms.InterestsForm;

/**
 * The customer's profile page: four forms, each saved on its own. On invalid input the section is shown
 * again with the customer's input and a message next to each field; on a stale version, the current data
 * and the message {@code common.stale}.
 */
@Controller
@RequestMapping("/customer/profile")
class ProfileController {

	private final CustomerManagement customers;
	private final Catalog catalog;
	private final MessageSource messages;

	ProfileController(CustomerManagement customers, Catalog catalog, MessageSource messages) {
		this.customers = customers;
		this.catalog = catalog;
		this.messages = messages;
	}

	@InitBinder
	void fields(WebDataBinder binder) {
		binder.initDirectFieldAccess();
	}

	@GetMapping
	String page(@AuthenticationPrincipal ParleyUser user, Model model) {
		var profile = customers.profile(me(user));
		var forms = model.asMap();
		forms.putIfAbsent("demographicsForm", DemographicsForm.of(profile.demographics()));
		forms.putIfAbsent("capabilitiesForm", CapabilitiesForm.of(profile.capabilities()));
		forms.putIfAbsent("agendaForm", AgendaForm.of(profile.agenda()));
		forms.putIfAbsent("interestsForm", InterestsForm.of(profile.interests()));
		model.addAttribute("definitions", customers.attributeDefinitions());
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("choices", ProfileChoices.INSTANCE);
		model.asMap().putIfAbsent("errors", Map.of());
		return "customer/profile";
	}

	@PostMapping("/demographics")
	String demographics(@AuthenticationPrincipal ParleyUser user, @ModelAttribute("demographicsForm") DemographicsForm form,
			Model model, RedirectAttributes redirect) {
		return save(user, "demographics", () -> customers.updateDemographics(me(user), form.toSection()), form, model,
				redirect);
	}

	@PostMapping("/capabilities")
	String capabilities(@AuthenticationPrincipal ParleyUser user,
			@ModelAttribute("capabilitiesForm") CapabilitiesForm form, Model model, RedirectAttributes redirect) {
		return save(user, "capabilities", () -> customers.updateCapabilities(me(user), form.toSection()),
				form.withBlankRows(), model, redirect);
	}

	@PostMapping("/agenda")
	String agenda(@AuthenticationPrincipal ParleyUser user, @ModelAttribute("agendaForm") AgendaForm form, Model model,
			RedirectAttributes redirect) {
		return save(user, "agenda", () -> customers.updateAgenda(me(user), form.toSection()), form.withBlankRows(), model,
				redirect);
	}

	@PostMapping("/interests")
	String interests(@AuthenticationPrincipal ParleyUser user, @ModelAttribute("interestsForm") InterestsForm form,
			Model model, RedirectAttributes redirect) {
		return save(user, "interests", () -> customers.updateInterests(me(user), form.toSection()),
				form.withBlankRows(), model, redirect);
	}

	/**
	 * Saves one section. List forms come here already tidied by {@code withBlankRows} (kept rows first,
	 * then blank ones), so an error's row index is the row's place on the page.
	 */
	private String save(ParleyUser user, String section, Supplier<Object> update, Object form, Model model,
			RedirectAttributes redirect) {
		try {
			update.get();
			redirect.addFlashAttribute("flash", messages.getMessage("customer.profile.saved." + section, null,
					LocaleContextHolder.getLocale()));
			return "redirect:/customer/profile#" + section;
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
			model.addAttribute("errorSection", section);
			model.addAttribute(section + "Form", form);
		}
		catch (ConflictException e) {
			if (!"stale".equals(e.code())) {
				throw e;
			}
			model.addAttribute("stale", section);
			model.asMap().remove(section + "Form");
		}
		return page(user, model);
	}

	private static CustomerId me(ParleyUser user) {
		return new CustomerId(user.id());
	}
}
