package dev.parley.pidf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.parley.common.InvalidInputException;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresentityId;

class PresentityUrisTests {

	static final PresentityUris URIS = new PresentityUris("parley.local");

	static final PresentityId AGENT = PresentityId.agent(UUID.fromString("00000000-0000-0000-0000-00000000a001"));

	@Test
	void writesPresAndSipUrisInTheConfiguredDomainAndReadsThemBackFromAnyHost() {
		var uris = new PresentityUris("cc.example");
		assertThat(uris.presUri(AGENT)).isEqualTo("pres:" + AGENT.userPart() + "@cc.example");
		assertThat(uris.sipUri(AGENT)).isEqualTo("sip:" + AGENT.userPart() + "@cc.example");
		assertThat(PresentityUris.parse(uris.presUri(AGENT))).contains(AGENT);
		assertThat(PresentityUris.parse(URIS.sipUri(AGENT))).contains(AGENT);
		assertThat(PresentityUris.parse("sips:" + AGENT.userPart() + "@10.0.0.1:5061")).contains(AGENT);
		assertThat(PresentityUris.parse("sip:bob@cc.example")).isEmpty();
		assertThat(PresentityUris.parse("mailto:" + AGENT.userPart() + "@cc.example")).isEmpty();
		assertThat(PresentityUris.user("sip:bob@cc.example")).contains("bob");
		assertThat(new PresentityUris(null).domain()).isEqualTo("parley.local");
		assertThatThrownBy(() -> new PresentityUris("not a host")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void theApiFormIsATokenOrAUriAndAnythingElseIsInvalidInputNamingPresentity() {
		assertThat(PresentityUris.read(AGENT.userPart())).isEqualTo(AGENT);
		assertThat(PresentityUris.read("pres:center-main@parley.local")).isEqualTo(PresentityId.center("main"));
		assertThatThrownBy(() -> PresentityUris.read("nobody")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("presentity");
		assertThatThrownBy(() -> PresentityUris.read("pres:nobody@parley.local")).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("presentity");
	}

	@Test
	void thePidfEntityAndTheWatcherListResourceUseTheConfiguredDomain() {
		var uris = new PresentityUris("cc.example");
		assertThat(new PidfCodec(uris).write(PresenceDocument.neutral(AGENT)))
			.contains("entity=\"pres:" + AGENT.userPart() + "@cc.example\"");
		assertThat(new WatcherInfoCodec(uris).write(AGENT, 0, true, java.util.List.of()))
			.contains("resource=\"pres:" + AGENT.userPart() + "@cc.example\"");
	}
}
