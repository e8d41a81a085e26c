package dev.parley.pidf;

import static dev.parley.presence.PresenceFixtures.AGENT;
import static dev.parley.presence.PresenceFixtures.HOUR;
import static dev.parley.presence.PresenceFixtures.STRANGER;
import static dev.parley.presence.PresenceFixtures.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.parley.presence.AccessDecision;
import dev.parley.presence.PresenceFixtures.Harness;
import dev.parley.presence.SubHandling;
import dev.parley.presence.Subscription;
import dev.parley.presence.Visibility;
import dev.parley.presence.WatcherInfo;

class WatcherInfoCodecTests {

	static final String ENTITY = PresentityUrisTests.URIS.presUri(AGENT);

	final WatcherInfoCodec codec = new WatcherInfoCodec(PresentityUrisTests.URIS);

	final Harness h = new Harness();

	@Test
	void writesTheWatchersOfAPresentityAsValidWatcherinfo() {
		h.presence.register(AGENT);
		h.rules.forWatcher(AGENT, STRANGER, new AccessDecision(SubHandling.CONFIRM, Visibility.BASIC_ONLY));
		Subscription supervisor = h.subscribe(SUPERVISOR, AGENT);
		h.subscribe(STRANGER, AGENT);
		h.clock.advance(Duration.ofMinutes(10));

		String xml = codec.write(AGENT, 0, true, h.presence.watchers(AGENT));
		Schemas.assertValid(Schemas.WATCHERINFO, xml);
		assertThat(xml).contains("xmlns=\"urn:ietf:params:xml:ns:watcherinfo\"")
			.contains("version=\"0\" state=\"full\"")
			.contains("<watcher-list resource=\"" + ENTITY + "\" package=\"presence\">")
			.contains("<watcher id=\"" + supervisor.id() + "\" status=\"active\" event=\"subscribe\" expiration=\"3000\""
					+ " duration-subscribed=\"600\">sip:sup1@cc.example</watcher>")
			.contains("status=\"pending\" event=\"subscribe\"");
	}

	@Test
	void writesTerminatedWatchersInAPartialNotification() {
		h.presence.register(AGENT);
		Subscription s = h.subscribe(SUPERVISOR, AGENT);
		h.presence.expire(h.clock.instant().plus(HOUR));
		List<WatcherInfo> changed = List.of(s.watcherInfo(h.clock.instant()));
		String xml = codec.write(AGENT, 1, false, changed);
		Schemas.assertValid(Schemas.WATCHERINFO, xml);
		assertThat(xml).contains("state=\"partial\"").contains("status=\"terminated\" event=\"timeout\"");
		assertThat(h.presence.watchers(AGENT)).isEmpty();
	}
}
