package dev.parley.api;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentGroup;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.ClosureEntry;
import dev.parley.agent.HoursEntry;
import dev.parley.common.Medium;
import dev.parley.agent.NewAgent;
import dev.parley.agent.Skill;
import dev.parley.security.ParleyUser;

/** Agent groups with their opening hours for every signed-in user; editing hours and hiring for admins. */
@RestController
class AgentGroupsApiController {

	private final AgentManagement agents;
	private final Clock clock;

	AgentGroupsApiController(AgentManagement agents, Optional<Clock> clock) {
		this.agents = agents;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	record HoursView(String dayOfWeek, LocalTime open, LocalTime close) {
	}

	record ClosureView(LocalDate date, String note) {
	}

	record GroupView(String key, String name, String description, List<Medium> media, String timeZone,
			List<HoursView> hours, List<ClosureView> closures, boolean openNow, long version) {
		static GroupView of(AgentGroup g, Instant now) {
			var s = g.schedule();
			return new GroupView(g.key(), g.name(), g.description(), g.mediaInOrder(), s.zone().getId(),
					s.hours().stream().map(h -> new HoursView(h.dayOfWeek().name(), h.open(), h.close())).toList(),
					s.closures().stream().map(c -> new ClosureView(c.date(), c.note())).toList(), g.isOpenAt(now),
					g.version());
		}
	}

	record OpeningHoursRequest(String timeZone, List<HoursEntry> hours, List<ClosureEntry> closures, Long version) {
	}

	record HireRequest(String username, String password, String displayName, String groupKey, List<Skill> skills,
			Set<Medium> media) {
	}

	record AgentView(UUID id, String displayName, String groupKey, List<Skill> skills, List<Medium> media) {
		static AgentView of(Agent a) {
			return new AgentView(a.id().value(), a.displayName(), a.groupKey(), a.skills(),
					a.media().stream().sorted().toList());
		}
	}

	@GetMapping("/api/v1/agent-groups")
	List<GroupView> groups() {
		Instant now = Instant.now(clock);
		return agents.groups().stream().map(g -> GroupView.of(g, now)).toList();
	}

	@GetMapping("/api/v1/admin/agent-groups")
	List<GroupView> adminGroups() {
		return groups();
	}

	@PutMapping("/api/v1/admin/agent-groups/{key}/opening-hours")
	GroupView setOpeningHours(@AuthenticationPrincipal ParleyUser user, @PathVariable String key,
			@RequestBody OpeningHoursRequest request) {
		var group = agents.setOpeningHours(key, request.timeZone(), request.hours(), request.closures(),
				request.version(), user.accountId());
		return GroupView.of(group, Instant.now(clock));
	}

	@PostMapping("/api/v1/admin/agents")
	@ResponseStatus(HttpStatus.CREATED)
	AgentView hire(@AuthenticationPrincipal ParleyUser user, @RequestBody HireRequest request) {
		return AgentView.of(agents.hire(new NewAgent(request.username(), request.password(), request.displayName(),
				request.groupKey(), request.skills(), request.media()), user.accountId()));
	}
}
