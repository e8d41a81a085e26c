package dev.parley.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import dev.parley.agent.AgentGroup;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.ClosureEntry;
import dev.parley.agent.HoursEntry;
import dev.parley.common.ConflictException;
import dev.parley.common.InvalidInputException;
import dev.parley.security.ParleyUser;

/** Administrators list agent groups and edit a group's time zone, weekly opening hours and closures. */
@Controller
@RequestMapping("/admin/groups")
class AdminGroupsController {

	static final int EMPTY_ROWS = 3;

	private final AgentManagement agents;
	private final MessageSource messages;
	private final Clock clock;

	AdminGroupsController(AgentManagement agents, MessageSource messages, Optional<Clock> clock) {
		this.agents = agents;
		this.messages = messages;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The form as posted: rows named hours[i].dayOfWeek/open/close and closures[i].date/note. */
	public static class ScheduleForm {
		private String timeZone;
		private Long version;
		private List<HoursEntryForm> hours = new ArrayList<>();
		private List<ClosureForm> closures = new ArrayList<>();

		public String getTimeZone() { return timeZone; }
		public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
		public Long getVersion() { return version; }
		public void setVersion(Long version) { this.version = version; }
		public List<HoursEntryForm> getHours() { return hours; }
		public void setHours(List<HoursEntryForm> hours) { this.hours = hours; }
		public List<ClosureForm> getClosures() { return closures; }
		public void setClosures(List<ClosureForm> closures) { this.closures = closures; }

		static ScheduleForm of(AgentGroup g) {
			var form = new ScheduleForm();
			form.timeZone = g.schedule().zone().getId();
			form.version = g.version();
			g.schedule().hours().forEach(h -> form.hours.add(new HoursEntryForm(h.dayOfWeek().name(),
					h.open().toString(), h.close().toString())));
			g.schedule().closures().forEach(c -> form.closures.add(new ClosureForm(c.date().toString(), c.note())));
			return form;
		}

		ScheduleForm withEmptyRows() {
			for (int i = 0; i < EMPTY_ROWS; i++) {
				hours.add(new HoursEntryForm(null, null, null));
				closures.add(new ClosureForm(null, null));
			}
			return this;
		}
	}

	public static class HoursEntryForm {
		private String dayOfWeek;
		private String open;
		private String close;

		public HoursEntryForm() {
		}

		HoursEntryForm(String dayOfWeek, String open, String close) {
			this.dayOfWeek = dayOfWeek;
			this.open = open;
			this.close = close;
		}

		public String getDayOfWeek() { return dayOfWeek; }
		public void setDayOfWeek(String dayOfWeek) { this.dayOfWeek = dayOfWeek; }
		public String getOpen() { return open; }
		public void setOpen(String open) { this.open = open; }
		public String getClose() { return close; }
		public void setClose(String close) { this.close = close; }
	}

	public static class ClosureForm {
		private String date;
		private String note;

		public ClosureForm() {
		}

		ClosureForm(String date, String note) {
			this.date = date;
			this.note = note;
		}

		public String getDate() { return date; }
		public void setDate(String date) { this.date = date; }
		public String getNote() { return note; }
		public void setNote(String note) { this.note = note; }
	}

	@ModelAttribute("days")
	DayOfWeek[] days() {
		return DayOfWeek.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("groups", agents.groups());
		model.addAttribute("now", Instant.now(clock));
		return "admin/groups";
	}

	@GetMapping("/{key}")
	String edit(@PathVariable String key, Model model) {
		var group = agents.group(key);
		model.addAttribute("group", group);
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", ScheduleForm.of(group).withEmptyRows());
		}
		return "admin/group-edit";
	}

	@PostMapping("/{key}/opening-hours")
	String save(@AuthenticationPrincipal ParleyUser user, @PathVariable String key,
			@ModelAttribute("form") ScheduleForm form, Model model, Locale locale, RedirectAttributes redirect) {
		var hours = form.getHours().stream().map(h -> new HoursEntry(h.getDayOfWeek(), h.getOpen(), h.getClose()))
			.toList();
		var closures = form.getClosures().stream().map(c -> new ClosureEntry(c.getDate(), c.getNote())).toList();
		try {
			agents.setOpeningHours(key, form.getTimeZone(), hours, closures, form.getVersion(), user.accountId());
			redirect.addFlashAttribute("flash", messages.getMessage("common.saved", null, locale));
			return "redirect:/admin/groups/" + key;
		}
		catch (InvalidInputException e) {
			model.addAttribute("errors", FieldErrors.of(e));
		}
		catch (ConflictException e) {
			model.addAttribute("stale", true);
			model.addAttribute("form", ScheduleForm.of(agents.group(key)).withEmptyRows());
		}
		return edit(key, model);
	}
}
