package dev.parley.pidf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresentityId;

/**
 * The {@code application/pidf+xml} codec (RFC 3863): writes what a NOTIFY or a GET carries and reads what
 * a PUBLISH sends. Tuples map one to one; tuple activities go as RPID in the tuple, the person's as RPID
 * in {@code dm:person}; a video contact is a contact with RFC 5196 {@code caps:servcaps/video}; queue and
 * center figures use Parley's own namespace. The {@code entity} is written in Parley's domain ({@link PresentityUris}).
 * Thread-safe.
 */
public final class PidfCodec {

	public static final String MEDIA_TYPE = "application/pidf+xml";

	public static final int MAX_BYTES = SecureXml.MAX_BYTES;

	private final PidfWriter writer;

	private final PidfReader reader = new PidfReader();

	public PidfCodec(PresentityUris uris) {
		this.writer = new PidfWriter(uris);
	}

	public String write(PresenceDocument document) {
		return writer.write(document);
	}

	public byte[] writeBytes(PresenceDocument document) {
		return write(document).getBytes(StandardCharsets.UTF_8);
	}

	/** The document with another URI of the same presentity as its entity (the address a watcher named it by). */
	public byte[] writeBytes(PresenceDocument document, String entity) {
		return writer.write(document, entity).getBytes(StandardCharsets.UTF_8);
	}

	/** A body read: the document, and the ids of the tuples left out of it (no basic status open or closed). */
	public record Reading(PresenceDocument document, List<String> leftOut) {

		public Reading {
			leftOut = List.copyOf(leftOut);
		}
	}

	/** Reads a body whose entity is a presentity URI; anything unusable is a {@link PidfException} naming what is wrong. */
	public PresenceDocument parse(byte[] body) {
		return reader.read(body, PresentityUris::parse).document();
	}

	/**
	 * Reads a body whose entity {@code entities} resolves (an adapter that knows more addresses of record than the
	 * presentity URIs, such as an account's own SIP address); an entity it does not resolve is a {@link PidfException}.
	 */
	public Reading read(byte[] body, Function<String, Optional<PresentityId>> entities) {
		return reader.read(body, entities);
	}

	public PresenceDocument parse(String body) {
		return parse(body == null ? null : body.getBytes(StandardCharsets.UTF_8));
	}
}
