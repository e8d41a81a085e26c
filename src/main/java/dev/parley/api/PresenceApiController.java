package dev.parley.api;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dev.parley.pidf.PidfCodec;
import dev.parley.pidf.PresentityUris;
import dev.parley.presence.PresenceReading;
import dev.parley.security.ParleyUser;

/**
 * {@code GET /api/v1/presence/{presentity}}: a presentity's presence as the caller may see it, as PIDF
 * (RFC 3863 with RPID) or JSON by {@code Accept}. Unknown and not-allowed presentities are the same 404.
 */
@RestController
@RequestMapping("/api/v1/presence")
class PresenceApiController {

	private static final MediaType PIDF = MediaType.parseMediaType(PidfCodec.MEDIA_TYPE);

	private final PresenceReading reading;

	private final PidfCodec pidf;

	private final PresentityUris uris;

	PresenceApiController(PresenceReading reading, PidfCodec pidf, PresentityUris uris) {
		this.reading = reading;
		this.pidf = pidf;
		this.uris = uris;
	}

	/** {@code customer-<uuid>}, {@code agent-<uuid>}, {@code group-<key>}, ... or a {@code pres:} URI; else 400. */
	@GetMapping(path = "/{presentity}", produces = MediaType.APPLICATION_JSON_VALUE)
	PresenceJson json(@AuthenticationPrincipal ParleyUser user, @PathVariable String presentity) {
		return PresenceJson.of(reading.fetch(user.id(), user.role(), PresentityUris.read(presentity)), uris);
	}

	@GetMapping(path = "/{presentity}", produces = PidfCodec.MEDIA_TYPE)
	ResponseEntity<String> pidf(@AuthenticationPrincipal ParleyUser user, @PathVariable String presentity) {
		String body = pidf.write(reading.fetch(user.id(), user.role(), PresentityUris.read(presentity)));
		return ResponseEntity.ok().contentType(PIDF).body(body);
	}
}
