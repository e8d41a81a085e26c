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

	public String percent(Double share) {
		return share == null ? "—" : Math.round(share * 100) + "%";
	}
}
