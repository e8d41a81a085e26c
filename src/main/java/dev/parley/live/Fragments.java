package dev.parley.live;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresenceSummary;
import dev.parley.presence.WatcherEntry;

/**
 * Renders the HTML fragments live push sends, from the same templates the pages include, for one viewer
 * (their locale, time zone and CSRF token), outside any request.
 */
@Component
class Fragments {

	/** One row of the agent's customer panel. {@code state}: pending, active or ended. */
	record CustomerRow(String key, String name, String state, PresenceSummary presence) {

		static CustomerRow of(String key, String name, String state, PresenceDocument doc) {
			return new CustomerRow(key, name, state, PresenceSummary.of(doc));
		}
	}

	private final ITemplateEngine engine;

	Fragments(ITemplateEngine engine) {
		this.engine = engine;
	}

	String customerRow(LiveConnection.Viewer viewer, CustomerRow row) {
		return render(viewer, "agent/_customer-row", "row", Map.of("row", row));
	}

	String myStatus(LiveConnection.Viewer viewer, PresenceDocument doc) {
		return render(viewer, "customer/_presence-live", "status", Map.of("me", PresenceSummary.of(doc)));
	}

	String watchers(LiveConnection.Viewer viewer, List<WatcherEntry> watchers) {
		return render(viewer, "customer/_presence-live", "watchers", Map.of("watchers", watchers));
	}

	private String render(LiveConnection.Viewer viewer, String template, String fragment, Map<String, Object> vars) {
		Context context = new Context(viewer.locale());
		context.setVariables(vars);
		context.setVariable("viewerZone", viewer.zone());
		context.setVariable("csrfParameter", viewer.csrfParameter());
		context.setVariable("csrfToken", viewer.csrfToken());
		context.setVariable("base", viewer.base());
		return engine.process(template, Set.of(fragment), context).strip();
	}
}
