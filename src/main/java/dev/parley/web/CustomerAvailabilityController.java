package dev.parley.web;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentGroup;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStates;
import dev.parley.agent.AgentStatus;
import dev.parley.agent.Closure;
import dev.parley.agent.OpeningHours;
import dev.parley.agent.WeeklySchedule;
import dev.parley.common.AgentId;

/**
 * Customers see each agent group's media and opening hours, whether it is open now, and its agents with their state
 * (each with a link to ask for them by name).
 */
@Controller
class CustomerAvailabilityController {

	private final AgentManagement agents;
	private final AgentStates states;
	private final Clock clock;

	CustomerAvailabilityController(AgentManagement agents, AgentStates states, Optional<Clock> clock) {
		this.agents = agents;
		this.states = states;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** An agent of a group and their routing state now. */
	record AgentLine(Agent agent, AgentState state) {
	}

	record DayRow(DayOfWeek day, List<OpeningHours> hours) {
	}

	record GroupCard(AgentGroup group, boolean openNow, List<DayRow> week, List<WeeklySchedule.Span> today,
			boolean closedToday, List<Closure> upcoming, List<AgentLine> agents) {

		static GroupCard of(AgentGroup g, Instant now, ZoneId viewer, List<AgentLine> agents) {
			var s = g.schedule();
			var week = Arrays.stream(DayOfWeek.values()).map(d -> new DayRow(d, s.hoursOf(d))).toList();
			var today = now.atZone(s.zone()).toLocalDate();
			return new GroupCard(g, g.isOpenAt(now), week, s.todayIn(now, viewer), s.closureOn(today).isPresent(),
					s.closuresFrom(today).stream().limit(5).toList(), agents);
		}
	}

	@GetMapping("/customer/availability")
	String availability(@ModelAttribute("viewerZone") ZoneId viewer, Model model) {
		Instant now = Instant.now(clock);
		Map<AgentId, AgentStatus> signedIn = states.loggedIn();
		model.addAttribute("groups", agents.groups().stream().map(g -> GroupCard.of(g, now, viewer, agents
			.agents(g.key()).stream()
			.map(a -> new AgentLine(a, signedIn.getOrDefault(a.id(), AgentStatus.loggedOut()).state()))
			.toList())).toList());
		return "customer/availability";
	}
}
