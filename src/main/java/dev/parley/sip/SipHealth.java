package dev.parley.sip;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The SIP listener in the health report ({@code /actuator/health}, component {@code sip}): up while the adapter
 * runs and its transport is bound, with the port; down otherwise, so a readiness probe can take it in. Absent
 * when SIP is switched off ({@code parley.sip.enabled=false}).
 */
@Component("sip")
@ConditionalOnProperty(prefix = "parley.sip", name = "enabled", havingValue = "true", matchIfMissing = true)
class SipHealth implements HealthIndicator {

	private final SipAdapter adapter;
	private final SipTransport transport;
	private final SipSettings settings;

	SipHealth(SipAdapter adapter, SipTransport transport, SipSettings settings) {
		this.adapter = adapter;
		this.transport = transport;
		this.settings = settings;
	}

	@Override
	public Health health() {
		int port = transport.port();
		var health = adapter.isRunning() && port > 0 ? Health.up() : Health.down();
		return health.withDetail("port", port).withDetail("transports", settings.transports()).build();
	}
}
