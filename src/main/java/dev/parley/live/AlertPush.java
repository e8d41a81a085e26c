package dev.parley.live;

import java.util.LinkedHashMap;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.parley.alerts.AlertRaised;
import dev.parley.alerts.Alerts;
import dev.parley.common.AfterCommit;

import tools.jackson.databind.json.JsonMapper;

/**
 * Alerts to the owner's open pages, as an {@code alert} event ({@code id}, {@code kind}, {@code text},
 * {@code dismissed}, {@code unread}: the inbox's count now) once the alert is committed. A page that is not open
 * finds the alert in the inbox; one that reconnects reads the count again with the page.
 */
@Component
class AlertPush {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final LiveHub hub;
	private final Alerts alerts;

	AlertPush(LiveHub hub, Alerts alerts) {
		this.hub = hub;
		this.alerts = alerts;
	}

	@EventListener
	void on(AlertRaised raised) {
		AfterCommit.run(() -> {
			if (!hub.isConnected(raised.account())) {
				return;
			}
			var data = new LinkedHashMap<String, Object>();
			data.put("id", raised.alert().toString());
			data.put("kind", raised.kind().token());
			data.put("text", raised.text());
			data.put("dismissed", raised.dismissed());
			data.put("unread", alerts.unread(raised.account()));
			hub.sendToAccount(raised.account(), "alert", JSON.writeValueAsString(data));
		});
	}
}
