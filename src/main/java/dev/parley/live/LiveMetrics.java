package dev.parley.live;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Open live connections (pages with an event stream) as a gauge, {@code parley.live.connections}; the streams being
 * opened and waiting to open ({@code parley.live.connects.opening}, {@code .waiting}) and those turned away to try
 * again later ({@code parley.live.connects.refused}, a counter), from {@link ConnectGate}.
 */
@Component
class LiveMetrics implements MeterBinder {

	private final LiveHub hub;
	private final ConnectGate gate;

	LiveMetrics(LiveHub hub, ConnectGate gate) {
		this.hub = hub;
		this.gate = gate;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("parley.live.connections", hub, LiveHub::count).description("open live connections (pages)")
			.register(registry);
		Gauge.builder("parley.live.connects.opening", gate, ConnectGate::opening)
			.description("live connections being opened now").register(registry);
		Gauge.builder("parley.live.connects.waiting", gate, ConnectGate::waiting)
			.description("live connections waiting for their turn to open").register(registry);
		FunctionCounter.builder("parley.live.connects.refused", gate, ConnectGate::refused)
			.description("live connections answered 503 (too many opening at once); their pages try again later")
			.register(registry);
	}
}
