package dev.parley.presence;

import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;

import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStateChanged;
import dev.parley.agent.AgentStates;
import dev.parley.agent.AgentStatus;
import dev.parley.common.AgentId;

/**
 * Agents' routing states as their presence (digest section 1.4): one tuple {@code routing}, closed when
 * logged out, else open with RPID activities for what the agent is doing. Follows {@link AgentStateChanged}
 * and, on start-up, the states the agent module kept.
 */
@Service
public class AgentPresence {

	public static final String TUPLE = "routing";

	private final Presence presence;
	private final AgentStates states;
	private final boolean supervisorsInvisible;

	AgentPresence(Presence presence, AgentStates states,
			@Value("${parley.presence.supervisors-invisible:true}") boolean supervisorsInvisible) {
		this.presence = presence;
		this.states = states;
		this.supervisorsInvisible = supervisorsInvisible;
	}

	@EventListener(ApplicationReadyEvent.class)
	void publishKeptStates() {
		states.loggedIn().forEach(this::publish);
	}

	/** Publishes the agent's current state: events may arrive out of order, the stored state is the truth. */
	@ApplicationModuleListener
	void on(AgentStateChanged changed) {
		publish(changed.agent(), states.status(changed.agent()));
	}

	private void publish(AgentId agent, AgentStatus status) {
		presence.publish(PresentityId.agent(agent.value()), tuple(status));
	}

	/** The tuple {@code routing}: closed when logged out, else open with what the agent is doing. */
	public static PresenceTuple tuple(AgentStatus status) {
		PresenceTuple t = PresenceTuple.of(TUPLE,
				status.state() == AgentState.LOGGED_OUT ? BasicStatus.CLOSED : BasicStatus.OPEN);
		Set<Activity> activities = switch (status.state()) {
			case LOGGED_OUT, READY -> Set.of();
			case NOT_READY -> Set.of(activity(status.reason()));
			case BUSY -> Set.of(Activity.BUSY);
			case WRAP_UP -> Set.of(Activity.WRAP_UP);
		};
		return new PresenceTuple(t.id(), t.status(), null, activities, null, status.since(), null, null);
	}

	/** The RPID activity that says why an agent is not ready. */
	static Activity activity(AgentState.Reason reason) {
		if (reason == null) {
			return Activity.AWAY;
		}
		return switch (reason) {
			case MEAL -> Activity.MEAL;
			case MEETING -> Activity.MEETING;
			case TRAINING -> Activity.PRESENTATION;
			case BREAK, OTHER, MISSED_OFFER -> Activity.AWAY;
		};
	}

	/** The agent's watchers as the agent may see them: supervisors' watching stays invisible (by default). */
	public List<WatcherInfo> watchers(AgentId agent) {
		PresentityId me = PresentityId.agent(agent.value());
		if (!presence.exists(me)) {
			presence.register(me);
		}
		return visibleToAgent(presence.watchers(me), supervisorsInvisible);
	}

	/** RFC 2778 visibility rules, the watcher's side: a supervisor's watching is not shown to agents. */
	public static List<WatcherInfo> visibleToAgent(List<WatcherInfo> watchers, boolean supervisorsInvisible) {
		return watchers.stream()
			.filter(w -> !supervisorsInvisible || w.watcher().watcherClass() != WatcherClass.SUPERVISOR).toList();
	}
}
