package dev.parley.status;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The wallboard's threshold alerts: a queue whose longest wait passes {@code parley.status.alerts.oldest-wait}
 * (2 min), whose contacts waiting reach {@code parley.status.alerts.waiting} (10), or whose service level over the
 * last 15 minutes falls below {@code parley.status.alerts.service-level} (0.8). Worked out from the same figures
 * every page gets, so every wallboard shows the same alerts at the same moment.
 */
@Component
public class StatusThresholds {

	/** One threshold a queue is past: its kind ({@code oldest-wait}, {@code waiting}, {@code service-level}), figure and limit. */
	public record Breach(String kind, double value, double limit) {
	}

	private final Duration oldestWait;
	private final int waiting;
	private final double serviceLevel;

	StatusThresholds(@Value("${parley.status.alerts.oldest-wait:2m}") Duration oldestWait,
			@Value("${parley.status.alerts.waiting:10}") int waiting,
			@Value("${parley.status.alerts.service-level:0.8}") double serviceLevel) {
		if (oldestWait.isNegative() || oldestWait.isZero() || waiting < 1 || serviceLevel <= 0 || serviceLevel > 1) {
			throw new IllegalArgumentException("parley.status.alerts: oldest-wait must be positive, waiting at least 1, "
					+ "service-level above 0 and at most 1 (got " + oldestWait + ", " + waiting + ", " + serviceLevel + ")");
		}
		this.oldestWait = oldestWait;
		this.waiting = waiting;
		this.serviceLevel = serviceLevel;
	}

	public List<Breach> breaches(QueueStatus s) {
		List<Breach> all = new ArrayList<>();
		if (s.contactsWaiting() > 0 && s.oldestWaitSeconds() > oldestWait.toSeconds()) {
			all.add(new Breach("oldest-wait", s.oldestWaitSeconds(), oldestWait.toSeconds()));
		}
		if (s.contactsWaiting() >= waiting) {
			all.add(new Breach("waiting", s.contactsWaiting(), waiting));
		}
		if (s.serviceLevel() != null && s.serviceLevel() < serviceLevel) {
			all.add(new Breach("service-level", s.serviceLevel(), serviceLevel));
		}
		return all;
	}
}
