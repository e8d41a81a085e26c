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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Agent groups with their opening hours for every signed-in user; editing hours and hiring for admins. */
@RestController
@Tag(name = "Agent groups", description = "The center's agent groups, their media and opening hours; hiring agents.")
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
	@Operation(operationId = "listAgentGroups", summary = "List the agent groups and when they are open",
			description = """
					Every agent group with the media it offers (in the center's order), its time zone, weekly \
					opening hours (in that zone), dated closures, whether it is open now, and its `version`. \
					Customers use it to see when and how they can reach the center. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The groups.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "groups", summary = "the sales group",
					value = ApiExamples.GROUPS)))
	List<GroupView> groups() {
		Instant now = Instant.now(clock);
		return agents.groups().stream().map(g -> GroupView.of(g, now)).toList();
	}

	@GetMapping("/api/v1/admin/agent-groups")
	@Operation(operationId = "listAgentGroupsForAdmin", summary = "List the agent groups to edit them",
			description = """
					The same list as `GET /api/v1/agent-groups`, on the administrators' path: every group with \
					its media, time zone, opening hours, closures, whether it is open now and the `version` \
					to send with a change of its opening hours. Changes nothing.""")
	@ApiResponse(responseCode = "200", description = "The groups.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "groups", summary = "the sales group",
					value = ApiExamples.GROUPS)))
	List<GroupView> adminGroups() {
		return groups();
	}

	@PutMapping("/api/v1/admin/agent-groups/{key}/opening-hours")
	@Operation(operationId = "setOpeningHours", summary = "Replace a group's time zone, opening hours and closures",
			description = """
					Replaces the group's `timeZone` (IANA), its weekly `hours` (day MONDAY to SUNDAY, `open` \
					and `close` as HH:mm in that zone; several spans a day allowed, none overlapping) and its \
					dated `closures` (yyyy-MM-dd with a note), with the group's `version`. Every invalid \
					entry is named (e.g. `hours[2].close`). Each changed part (zone, hours, closures) is \
					written to the audit trail in the same transaction. Answers the group as saved; whether \
					it is open now follows at once on every page.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "hours", summary = "weekdays and Saturday",
							value = ApiExamples.OPENING_HOURS))))
	@ApiResponse(responseCode = "200", description = "The group as saved.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "group", summary = "the sales group",
					value = ApiExamples.GROUP)))
	@ProblemAnswers(notFound = "No agent group has this key.", subject = "agent group",
			conflicts = ProblemAnswers.Conflict.STALE)
	GroupView setOpeningHours(@AuthenticationPrincipal ParleyUser user,
			@Parameter(description = "The group's key.", example = "sales") @PathVariable String key,
			@RequestBody OpeningHoursRequest request) {
		var group = agents.setOpeningHours(key, request.timeZone(), request.hours(), request.closures(),
				request.version(), user.accountId());
		return GroupView.of(group, Instant.now(clock));
	}

	@PostMapping("/api/v1/admin/agents")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(operationId = "hireAgent", summary = "Hire an agent", description = """
			Opens an agent's account (role agent: `username`, `password`, `displayName`, the same rules as \
			every account) and the agent together, in one transaction: in the existing group `groupKey`, \
			handling at least one of the `media` (CHAT, VOICE, EMAIL, VIDEO), with `skills` (a key such as \
			`phones` or `lang:de`, level 1 to 5). The hire is written to the audit trail. The agent signs in \
			with the username and password at once.""",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
					examples = @ExampleObject(name = "agent", summary = "a sales agent", value = ApiExamples.HIRE))))
	@ApiResponse(responseCode = "201", description = "The agent was hired.", useReturnTypeSchema = true,
			content = @Content(examples = @ExampleObject(name = "agent", summary = "the new agent",
					value = ApiExamples.AGENT)))
	@ProblemAnswers(conflicts = ProblemAnswers.Conflict.USERNAME_TAKEN)
	AgentView hire(@AuthenticationPrincipal ParleyUser user, @RequestBody HireRequest request) {
		return AgentView.of(agents.hire(new NewAgent(request.username(), request.password(), request.displayName(),
				request.groupKey(), request.skills(), request.media()), user.accountId()));
	}
}
