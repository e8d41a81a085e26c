package dev.parley.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.parley.agent.AgentGroup;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.Closure;
import dev.parley.agent.OpeningHours;
import dev.parley.agent.WeeklySchedule;

/** Customers see each agent group's media and opening hours, and whether it is open now. */
@Controller
class CustomerAvailabilityController {

	private final AgentManagement agents;
	private final Clock clock;

	CustomerAvailabilityController(AgentManagement agents, Optional<Clock> clock) {
		this.agents = agents;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	record DayRow(DayOfWeek day, List<OpeningHours> hours) {
	}

	record GroupCard(AgentGroup group, boolean openNow, List<DayRow> week, List<WeeklySchedule.Span> today,
			boolean closedToday, List<Closure> upcoming) {

		static GroupCard of(AgentGroup g, Instant now, ZoneId viewer) {
			var s = g.schedule();
			var week = Arrays.stream(DayOfWeek.values()).map(d -> new DayRow(d, s.hoursOf(d))).toList();
			var today = now.atZone(s.zone()).toLocalDate();
			return new GroupCard(g, g.isOpenAt(now), week, s.todayIn(now, viewer), s.closureOn(today).isPresent(),
					s.closuresFrom(today).stream().limit(5).toList());
		}
	}

	@GetMapping("/customer/availability")
	String availability(@ModelAttribute("viewerZone") ZoneId viewer, Model model) {
		Instant now = Instant.now(clock);
		model.addAttribute("groups", agents.groups().stream().map(g -> GroupCard.of(g, now, viewer)).toList());
		return "customer/availability";
	}
}
