package dev.parley.sip;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import dev.parley.identity.Account;
import dev.parley.pidf.PidfCodec;
import dev.parley.pidf.PresentityUris;
import dev.parley.presence.PresenceDocument;
import dev.parley.presence.PresenceSettings;
import dev.parley.presence.PresentityId;

/**
 * PUBLISH (RFC 3903) for the {@code presence} package: initial (body), refresh (SIP-If-Match, no body),
 * modify (both), remove (SIP-If-Match, Expires 0). 489 for another package, 415 for a body that is not PIDF,
 * 400 with neither body nor SIP-If-Match, 423 under the minimum, 401/403 for the publisher, 412 for an
 * unknown or expired entity tag, 400 naming what is wrong with a body (nothing changes).
 */
final class PublishHandler {

	private final Publications publications;

	private final DigestAuthenticator authenticator;

	private final PresenceSettings limits;

	private final Clock clock;

	private final PidfCodec pidf;

	private final SipPrincipals principals;

	PublishHandler(Publications publications, DigestAuthenticator authenticator, PresenceSettings limits, Clock clock,
			PidfCodec pidf, SipPrincipals principals) {
		this.pidf = pidf;
		this.principals = principals;
		this.publications = publications;
		this.authenticator = authenticator;
		this.limits = limits;
		this.clock = clock;
	}

	void handle(SipExchange exchange) {
		SipResponse refused = check(exchange.request());
		if (refused != null) {
			exchange.respond(refused);
			return;
		}
		DigestAuthenticator.Outcome outcome = authenticator.authenticate(exchange.request());
		if (outcome instanceof DigestAuthenticator.Authenticated ok) {
			exchange.respond(publish(exchange.request(), ok.account()));
		}
		else {
			exchange.respond(((DigestAuthenticator.Refused) outcome).response());
		}
	}

	/** What can be refused before knowing who asks. */
	private SipResponse check(SipRequest request) {
		SipEvent event = SipEvent.parse(request.header("Event"));
		if (event == null || !event.isPresence()) {
			return SipRequests.badEvent(SipEvent.PRESENCE);
		}
		if (request.hasBody() && !PidfCodec.MEDIA_TYPE.equals(request.contentType())) {
			return SipResponse.of(415, "Unsupported Media Type").with("Accept", PidfCodec.MEDIA_TYPE);
		}
		if (!request.hasBody() && request.header("SIP-If-Match") == null) {
			return SipRequests.badRequest("a PUBLISH needs a body or SIP-If-Match");
		}
		long expires = SipRequests.expires(request);
		if (expires == SipRequests.BAD) {
			return SipRequests.badRequest("Expires is not a number of seconds");
		}
		if (expires > 0 && expires < limits.minExpires().toSeconds()) {
			return SipRequests.intervalTooBrief(limits.minExpires().toSeconds());
		}
		if (expires == 0 && request.header("SIP-If-Match") == null) {
			return SipRequests.badRequest("Expires 0 removes a publication named by SIP-If-Match");
		}
		return null;
	}

	private SipResponse publish(SipRequest request, Account account) {
		PresentityId presentity = principals.address(request.requestUser(), account)
			.map(SipPrincipals.Address::presentity).orElse(SipPrincipals.NOBODY);
		if (presentity.equals(SipPrincipals.NOBODY) || !SipPrincipals.mayPublish(account, presentity)) {
			return SipResponse.of(403, "Forbidden");
		}
		String etag = request.header("SIP-If-Match");
		Publications.Publication previous = etag == null ? null : publications.find(etag, presentity).orElse(null);
		if (etag != null && previous == null) {
			return SipResponse.of(412, "Conditional Request Failed");
		}
		long expires = SipRequests.expires(request);
		if (expires == 0) {
			return publications.remove(previous) ? SipResponse.of(200, "OK").with("Expires", "0")
					: SipResponse.of(412, "Conditional Request Failed");
		}
		long seconds = Math.min(expires < 0 ? limits.defaultExpires().toSeconds() : expires,
				limits.maxExpires().toSeconds());
		long until = clock.millis() + seconds * 1000;
		Publications.Publication done;
		List<String> leftOut = List.of();
		if (request.hasBody()) {
			PresenceDocument document;
			try {
				PidfCodec.Reading reading = pidf.read(request.body(), entity -> entityOf(entity, account));
				document = reading.document();
				leftOut = reading.leftOut();
			}
			catch (dev.parley.common.InvalidInputException e) {
				return SipRequests.badRequest(e.getMessage());
			}
			if (!document.entity().equals(presentity)) {
				return SipRequests.badRequest("entity: the document's entity is not the Request-URI's presentity");
			}
			done = publications.publish(previous, document, until);
		}
		else {
			done = publications.refresh(previous, until);
		}
		if (done == null) {
			return SipResponse.of(412, "Conditional Request Failed");
		}
		SipResponse ok = SipResponse.of(200, "OK").with("SIP-ETag", done.etag()).with("Expires", Long.toString(seconds));
		for (String id : leftOut) { // RFC 3261 s20.43: 399, a warning the publisher may show
			ok = ok.with("Warning", "399 parley \"tuple " + SipRequests.token(id)
					+ " left out: its basic status is neither open nor closed\"");
		}
		return ok;
	}

	/** A body's entity: a presentity URI, or (as softphones write their own) an account's address of record. */
	private Optional<PresentityId> entityOf(String uri, Account account) {
		return PresentityUris.user(uri).flatMap(user -> principals.address(user, account))
			.map(SipPrincipals.Address::presentity);
	}
}
