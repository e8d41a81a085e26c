package dev.parley.status;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

import org.springframework.stereotype.Component;

import dev.parley.routing.Queue;
import dev.parley.routing.QueueManagement;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The live figures as Micrometer gauges, for the Prometheus scrape: the center's ({@code parley.center.*}) read
 * when scraped, and each queue's ({@code parley.queue.*}, tag {@code queue}) refreshed by {@link StatusPresence}'s
 * round, so a queue created later appears without a restart. The same numbers as the status API and the PIDF.
 */
@Component
class StatusMetrics implements MeterBinder {

	private record Figure(String name, String description, String unit, ToDoubleFunction<QueueStatus> value) {
	}

	private static final List<Figure> FIGURES = List.of(
			new Figure("agents.logged.in", "agents signed in", null, s -> s.agentsLoggedIn()),
			new Figure("agents.available", "agents ready with free capacity", null, s -> s.agentsAvailable()),
			new Figure("agents.busy", "agents at capacity", null, s -> s.agentsBusy()),
			new Figure("agents.wrap.up", "agents in wrap-up", null, s -> s.agentsWrapUp()),
			new Figure("agents.not.ready", "agents not ready", null, s -> s.agentsNotReady()),
			new Figure("contacts.waiting", "contacts waiting", null, s -> s.contactsWaiting()),
			new Figure("oldest.wait", "the longest wait now", "seconds", s -> s.oldestWaitSeconds()),
			new Figure("estimated.wait", "estimated wait for a contact arriving now", "seconds",
					s -> s.estimatedWaitSeconds() == null ? Double.NaN : s.estimatedWaitSeconds()),
			new Figure("service.level", "share answered within target, last 15 minutes", null,
					s -> s.serviceLevel() == null ? Double.NaN : s.serviceLevel()),
			new Figure("abandon.rate", "share abandoned, last 15 minutes", null,
					s -> s.abandonRate() == null ? Double.NaN : s.abandonRate()));

	private final CenterStatus status;
	private final QueueManagement queues;
	private final List<MultiGauge> perQueue = new ArrayList<>();

	StatusMetrics(CenterStatus status, QueueManagement queues) {
		this.status = status;
		this.queues = queues;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (Figure f : FIGURES) {
			Gauge.builder("parley.center." + f.name(), status, s -> f.value().applyAsDouble(s.center()))
				.description("The center: " + f.description()).baseUnit(f.unit()).register(registry);
			perQueue.add(MultiGauge.builder("parley.queue." + f.name()).description("A queue: " + f.description())
				.baseUnit(f.unit()).register(registry));
		}
	}

	/** Re-reads every queue's figures into the per-queue gauges. */
	void refresh() {
		if (perQueue.isEmpty()) {
			return;
		}
		List<QueueStatus> all = new ArrayList<>();
		List<String> keys = new ArrayList<>();
		for (Queue q : queues.queues()) {
			keys.add(q.key());
			all.add(status.queue(q.key()));
		}
		for (int i = 0; i < FIGURES.size(); i++) {
			Figure f = FIGURES.get(i);
			List<MultiGauge.Row<?>> rows = new ArrayList<>();
			for (int q = 0; q < all.size(); q++) {
				rows.add(MultiGauge.Row.of(Tags.of("queue", keys.get(q)), f.value().applyAsDouble(all.get(q))));
			}
			perQueue.get(i).register(rows, true);
		}
	}
}
