package dev.parley.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.parley.status.EstimatorScore;
import dev.parley.status.QueueStatus;

/**
 * How the center's figures read on a page ({@code @statusFormat} in templates): durations as "45 s" or "3:05",
 * estimates as a range of minutes people can trust ("2–4 min"), shares as percentages, a dash when there is no
 * figure. static/js/status.js formats the pushed figures the same way, from the same messages.
 */
@Component("statusFormat")
public class StatusFormat {

	private final MessageSource messages;

	StatusFormat(MessageSource messages) {
		this.messages = messages;
	}

	public String duration(Long seconds) {
		if (seconds == null) {
			return "—";
		}
		if (seconds < 60) {
			return seconds + " s";
		}
		return (seconds / 60) + ":" + String.format(Locale.ROOT, "%02d", seconds % 60);
	}

	/** A long stretch of time as hours, minutes and seconds: "2:05:09", "4:10", "45 s". */
	public String hours(java.time.Duration d) {
		long seconds = d.toSeconds();
		if (seconds < 3600) {
			return duration(seconds);
		}
		return (seconds / 3600) + ":" + String.format(Locale.ROOT, "%02d:%02d", (seconds % 3600) / 60, seconds % 60);
	}

	public String range(QueueStatus.Range range, Locale locale) {
		if (range == null) {
			return "—";
		}
		long low = range.low() / 60;
		long high = Math.max(low + 1, (range.high() + 59) / 60);
		if (high <= 1) {
			return messages.getMessage("status.range.under", null, locale);
		}
		return messages.getMessage("status.range", new Object[] { String.valueOf(low), String.valueOf(high) }, locale);
	}

	/** The measured error of the estimator the queue shows; null before any contact was scored. */
	public EstimatorScore shownScore(QueueStatus status) {
		return status.accuracy().stream().filter(a -> a.estimator().equals(status.estimator()) && a.samples() > 0)
			.findFirst().orElse(null);
	}

	/** The names of agents' states and reasons in the viewer's language, as JSON for the page script. */
	public String agentLabels(Locale locale) {
		var labels = new java.util.LinkedHashMap<String, String>();
		for (var s : dev.parley.agent.AgentState.values()) {
			labels.put(s.token(), messages.getMessage("presence.agent.state." + s.token(), null, s.token(), locale));
		}
		for (var r : dev.parley.agent.AgentState.Reason.values()) {
			labels.put("reason:" + r.token(),
					messages.getMessage("presence.agent.reason." + r.token(), null, r.token(), locale));
		}
		return tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(labels);
	}

	public String percent(Double share) {
		return share == null ? "—" : Math.round(share * 100) + "%";
	}
}
