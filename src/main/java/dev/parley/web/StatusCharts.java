package dev.parley.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import dev.parley.status.StatusHistory;
import dev.parley.status.StatusSample;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wallboard's charts of the last hours ({@code parley.status.chart-span}, 4 h) as the JSON its script draws:
 * the sample times (as the viewer reads them), each queue's contacts waiting, and per queue its estimated wait and
 * the average wait of the contacts answered in each interval (null where none was).
 */
@Component
class StatusCharts {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final StatusHistory history;
	private final QueueManagement queues;
	private final Duration span;

	StatusCharts(StatusHistory history, QueueManagement queues, @Value("${parley.status.chart-span:4h}") Duration span) {
		this.history = history;
		this.queues = queues;
		this.span = span;
	}

	/** The sampling interval in whole minutes (at least one), as the page says it. */
	long sampleMinutes() {
		return Math.max(1, Math.round(history.interval().toSeconds() / 60.0));
	}

	String json(ZoneId zone) {
		List<StatusSample> samples = history.recent(span);
		TreeMap<Instant, Integer> slots = new TreeMap<>();
		samples.forEach(s -> slots.putIfAbsent(s.at(), 0));
		int i = 0;
		for (Instant at : slots.keySet()) {
			slots.put(at, i++);
		}
		DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm").withZone(zone);
		List<String> times = slots.keySet().stream().map(hhmm::format).toList();
		Map<String, Map<String, Object>> byQueue = new LinkedHashMap<>();
		for (Queue q : queues.queues()) {
			Map<String, Object> one = new LinkedHashMap<>();
			one.put("queue", q.key());
			one.put("name", q.name());
			one.put("default", q.defaultQueue());
			one.put("waiting", new ArrayList<Integer>(java.util.Collections.nCopies(times.size(), null)));
			one.put("estimated", new ArrayList<Long>(java.util.Collections.nCopies(times.size(), null)));
			one.put("actual", new ArrayList<Long>(java.util.Collections.nCopies(times.size(), null)));
			byQueue.put(q.key(), one);
		}
		for (StatusSample s : samples) {
			Map<String, Object> one = byQueue.get(s.queue());
			if (one == null) {
				continue; // a queue deleted since
			}
			int at = slots.get(s.at());
			set(one, "waiting", at, s.contactsWaiting());
			set(one, "estimated", at, s.estimatedWaitSeconds());
			set(one, "actual", at, s.answeredWaitSeconds() == null ? null : Math.round(s.answeredWaitSeconds()));
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("times", times);
		data.put("intervalSeconds", history.interval().toSeconds());
		data.put("queues", new ArrayList<>(byQueue.values()));
		return JSON.writeValueAsString(data);
	}

	@SuppressWarnings("unchecked")
	private static void set(Map<String, Object> one, String series, int at, Object value) {
		((List<Object>) one.get(series)).set(at, value);
	}
}
