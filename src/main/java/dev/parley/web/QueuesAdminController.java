package dev.parley.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.agent.AgentGroup;
import dev.parley.agent.AgentManagement;
import dev.parley.catalog.Catalog;
import dev.parley.catalog.Category;
import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.common.Medium;
import dev.parley.common.NotFoundException;
import dev.parley.routing.Queue;
import dev.parley.routing.QueueDefinition;
import dev.parley.routing.QueueManagement;
import dev.parley.routing.RequiredSkill;
import dev.parley.routing.RoutingStrategy;
import dev.parley.security.ParleyUser;
import dev.parley.status.CenterStatus;
import dev.parley.status.QueueStatus;

/**
 * Administrators list queues with their routing settings and live figures, create them, edit every setting and
 * delete them. The rules (what a queue may serve, ranges, the one default queue, no deleting a queue with open
 * contacts) are {@link QueueManagement}'s, the same as the API's; this page maps its refusals to field messages.
 */
@Controller
@RequestMapping("/admin/queues")
class QueuesAdminController {

	/** One queue's line in the list, with its live figures (null if it vanished meanwhile). */
	record Row(Queue queue, String groupName, List<String> categoryNames, QueueStatus status) {
	}

	private final QueueManagement queues;
	private final AgentManagement agents;
	private final Catalog catalog;
	private final CenterStatus status;
	private final MessageSource messages;

	QueuesAdminController(QueueManagement queues, AgentManagement agents, Catalog catalog, CenterStatus status,
			MessageSource messages) {
		this.queues = queues;
		this.agents = agents;
		this.catalog = catalog;
		this.status = status;
		this.messages = messages;
	}

	@InitBinder
	void fields(WebDataBinder binder) {
		binder.initDirectFieldAccess();
	}

	@GetMapping
	String list(Model model) {
		Map<String, String> groups = agents.groups().stream()
			.collect(Collectors.toMap(AgentGroup::key, AgentGroup::name, (a, b) -> a));
		Map<String, String> categories = catalog.categories().stream()
			.collect(Collectors.toMap(Category::key, Category::name, (a, b) -> a));
		model.addAttribute("rows", queues.queues().stream().map(q -> new Row(q, groups.getOrDefault(q.groupKey(),
				q.groupKey()), q.categories().stream().map(c -> categories.getOrDefault(c, c)).sorted().toList(),
				figures(q.key()))).toList());
		return "admin/queues";
	}

	@GetMapping("/new")
	String blank(Model model) {
		model.asMap().putIfAbsent("form", QueueForm.blank());
		return form(model, null);
	}

	@PostMapping
	String create(@AuthenticationPrincipal ParleyUser user, @ModelAttribute("form") QueueForm form, Model model,
			Locale locale, RedirectAttributes redirect) {
		try {
			var parsed = form.parse();
			try {
				var created = queues.create(form.key == null ? null : form.key.strip(), parsed.definition(),
						user.accountId());
				redirect.addFlashAttribute("flash", messages.getMessage("queues.created", new Object[] { created.name() },
						locale));
				return "redirect:/admin/queues";
			}
			catch (InvalidInputException e) {
				model.addAttribute("errors", parsed.errors(e));
			}
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
		}
		catch (DuplicateKeyException e) {
			model.addAttribute("errors", Map.of("key", messages.getMessage("queues.key.taken", null, locale)));
		}
		form.withBlankRows();
		return form(model, null);
	}

	@GetMapping("/{key}")
	String edit(@PathVariable String key, Model model) {
		Queue queue = queues.queue(key);
		model.asMap().putIfAbsent("form", QueueForm.of(queue));
		return form(model, queue);
	}

	@PostMapping("/{key}")
	String update(@AuthenticationPrincipal ParleyUser user, @PathVariable String key,
			@ModelAttribute("form") QueueForm form, Model model, Locale locale, RedirectAttributes redirect) {
		Queue current = queues.queue(key);
		form.key = key;
		try {
			var parsed = form.parse();
			try {
				var saved = queues.update(key, parsed.definition(), form.version, user.accountId());
				redirect.addFlashAttribute("flash", messages.getMessage("queues.saved", new Object[] { saved.name() },
						locale));
				return "redirect:/admin/queues/" + key;
			}
			catch (InvalidInputException e) {
				model.addAttribute("errors", parsed.errors(e));
			}
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
		}
		catch (ConflictException e) {
			if ("stale".equals(e.code())) {
				model.addAttribute("stale", true);
				model.addAttribute("form", QueueForm.of(queues.queue(key)));
				return form(model, queues.queue(key));
			}
			model.addAttribute("errors", Map.of("defaultQueue", conflict(e, locale)));
		}
		form.withBlankRows();
		return form(model, current);
	}

	@PostMapping("/{key}/delete")
	String delete(@AuthenticationPrincipal ParleyUser user, @PathVariable String key,
			@RequestParam(required = false) Long version, Locale locale, RedirectAttributes redirect) {
		try {
			Queue queue = queues.queue(key);
			queues.delete(key, version, user.accountId());
			redirect.addFlashAttribute("flash", messages.getMessage("queues.deleted", new Object[] { queue.name() },
					locale));
			return "redirect:/admin/queues";
		}
		catch (NotFoundException e) {
			redirect.addFlashAttribute("flash", messages.getMessage("queues.missing", null, locale));
			return "redirect:/admin/queues";
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("refusal", conflict(e, locale));
			return "redirect:/admin/queues/" + key;
		}
	}

	private String form(Model model, Queue editing) {
		model.addAttribute("editing", editing);
		model.asMap().putIfAbsent("errors", Map.of());
		model.addAttribute("groups", agents.groups());
		model.addAttribute("media", Medium.values());
		model.addAttribute("categories", catalog.categories());
		model.addAttribute("strategies", RoutingStrategy.values());
		model.addAttribute("levels", java.util.stream.IntStream.rangeClosed(RequiredSkill.MIN_LEVEL,
				RequiredSkill.MAX_LEVEL).boxed().toList());
		model.addAttribute("knownSkills", knownSkills(editing));
		Map<String, QueueDefinition.Limits> limits = new LinkedHashMap<>();
		limits.put("offerTimeoutSeconds", QueueDefinition.OFFER_TIMEOUT_SECONDS);
		limits.put("maxMissedOffers", QueueDefinition.MAX_MISSED_OFFERS);
		limits.put("wrapUpSeconds", QueueDefinition.WRAP_UP_SECONDS);
		limits.put("serviceLevelSeconds", QueueDefinition.SERVICE_LEVEL_SECONDS);
		limits.put("priority", QueueDefinition.PRIORITY);
		model.addAttribute("limits", limits);
		return "admin/queue-edit";
	}

	/** Skill keys the center's agents have (and the queue's own), offered as suggestions. */
	private List<String> knownSkills(Queue editing) {
		var keys = new TreeSet<String>();
		agents.groups().forEach(g -> agents.agents(g.key()).forEach(a -> a.skills().forEach(s -> keys.add(s.key()))));
		if (editing != null) {
			editing.skills().stream().map(RequiredSkill::key).forEach(keys::add);
		}
		return List.copyOf(keys);
	}

	private QueueStatus figures(String key) {
		try {
			return status.queue(key);
		}
		catch (NotFoundException e) {
			return null;
		}
	}

	private String conflict(ConflictException e, Locale locale) {
		return messages.getMessage("queues.conflict." + e.code(), null, e.getMessage(), locale);
	}
}
