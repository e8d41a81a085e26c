package dev.parley.live;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.parley.agent.Agent;
import dev.parley.agent.AgentManagement;
import dev.parley.agent.AgentState;
import dev.parley.agent.AgentStates;
import dev.parley.agent.AgentStatus;
import dev.parley.common.AgentId;

/**
 * The signed-in agents and their states, as the wallboard lists them and live push sends them: ready first, then
 * busy, wrap-up, not ready; by name within each. One read of the states and one of the agents per render.
 */
@Component
public class AgentRoster {

	/** One signed-in agent. */
	public record Row(String id, String name, String group, String state, String reason, java.time.Instant since) {
	}

	private static final List<AgentState> ORDER = List.of(AgentState.READY, AgentState.BUSY, AgentState.WRAP_UP,
			AgentState.NOT_READY);

	private final AgentManagement agents;
	private final AgentStates states;

	AgentRoster(AgentManagement agents, AgentStates states) {
		this.agents = agents;
		this.states = states;
	}

	public List<Row> agents() {
		Map<AgentId, AgentStatus> in = states.loggedIn();
		List<Row> rows = new ArrayList<>();
		for (Agent a : agents.agents(null)) {
			AgentStatus s = in.get(a.id());
			if (s == null || s.state() == AgentState.LOGGED_OUT) {
				continue;
			}
			rows.add(new Row(a.id().value().toString(), a.displayName(), a.groupKey(), s.state().token(),
					s.reason() == null ? null : s.reason().token(), s.since()));
		}
		rows.sort(Comparator.comparingInt((Row r) -> rank(r.state())).thenComparing(Row::name));
		return rows;
	}

	private static int rank(String token) {
		for (int i = 0; i < ORDER.size(); i++) {
			if (ORDER.get(i).token().equals(token)) {
				return i;
			}
		}
		return ORDER.size();
	}
}
