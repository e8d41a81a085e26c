package dev.parley.live;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/** Open live connections (pages with an event stream) as a gauge, {@code parley.live.connections}. */
@Component
class LiveMetrics implements MeterBinder {

	private final LiveHub hub;

	LiveMetrics(LiveHub hub) {
		this.hub = hub;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("parley.live.connections", hub, LiveHub::count).description("open live connections (pages)")
			.register(registry);
	}
}
