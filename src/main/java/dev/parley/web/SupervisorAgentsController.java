package dev.parley.web;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStatePeriod;
import dev.parley.agent.AgentStates;
import dev.parley.agent.AgentStatus;
import dev.parley.common.AgentId;

/**
 * Supervisors' agent list ({@code /supervisor/agents}: every agent with their group and state now) and one agent's
 * state history for a day ({@code /supervisor/agents/{id}?day=}, UTC days): each period, and the time in each state
 * (not ready by reason).
 */
@Controller
class SupervisorAgentsController {

	/** One agent in the list. */
	record AgentRow(Agent agent, AgentStatus status) {
	}

	/** Time spent in one state (and reason) over the day. */
	record Total(AgentState state, AgentState.Reason reason, Duration time) {
	}

	private static final List<AgentState> ORDER = List.of(AgentState.READY, AgentState.BUSY, AgentState.WRAP_UP,
			AgentState.NOT_READY, AgentState.LOGGED_OUT);

	private final AgentManagement agents;
	private final AgentStates states;

	SupervisorAgentsController(AgentManagement agents, AgentStates states) {
		this.agents = agents;
		this.states = states;
	}

	@GetMapping("/supervisor/agents")
	String list(Model model) {
		List<AgentRow> rows = agents.agents(null).stream().map(a -> new AgentRow(a, states.status(a.id())))
			.sorted(Comparator.comparing((AgentRow r) -> r.agent().displayName())).toList();
		model.addAttribute("rows", rows);
		return "supervisor/agents";
	}

	@GetMapping("/supervisor/agents/{id}")
	String history(@PathVariable UUID id, @RequestParam(required = false) String day, Model model,
			HttpServletResponse response) {
		Agent agent = agents.agent(new AgentId(id)); // an unknown agent: the 404 page
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		LocalDate date = today;
		if (day != null && !day.isBlank()) {
			try {
				date = LocalDate.parse(day.strip());
			}
			catch (DateTimeParseException e) {
				response.setStatus(400);
				model.addAttribute("dayError", true);
			}
			if (date.isAfter(today)) {
				response.setStatus(400);
				model.addAttribute("dayError", true);
				date = today;
			}
		}
		Instant from = date.atStartOfDay(ZoneOffset.UTC).toInstant();
		List<AgentStatePeriod> periods = states.history(agent.id(), from, from.plus(Duration.ofDays(1)));
		Map<String, Total> totals = new LinkedHashMap<>();
		for (AgentStatePeriod p : periods) {
			String key = p.state() + "/" + p.reason();
			Total t = totals.get(key);
			totals.put(key, new Total(p.state(), p.reason(), (t == null ? Duration.ZERO : t.time()).plus(p.duration())));
		}
		List<Total> ordered = new ArrayList<>(totals.values());
		ordered.sort(Comparator.comparingInt((Total t) -> ORDER.indexOf(t.state())));
		model.addAttribute("agent", agent);
		model.addAttribute("status", states.status(agent.id()));
		model.addAttribute("day", date);
		model.addAttribute("previousDay", date.minusDays(1));
		model.addAttribute("nextDay", date.isBefore(today) ? date.plusDays(1) : null);
		model.addAttribute("periods", periods);
		model.addAttribute("totals", ordered);
		return "supervisor/agent-history";
	}
}
