/**
 * Edge module: SIP SIMPLE (RFC 3856 presence and RFC 3857 watcher information over RFC 6665 event
 * notification, RFC 3903 PUBLISH) over UDP and TCP, as an adapter over the presence service. The SIP logic
 * is written against Parley's own small transport interface ({@link dev.parley.sip.SipTransport},
 * {@link dev.parley.sip.SipRequest}, {@link dev.parley.sip.SipResponse}); Parley's own SIP stack sits behind it
 * in {@code dev.parley.sip.stack} (decision 7), so the handlers are tested over a fake transport. Clients
 * authenticate with digest against the identity module's accounts and API tokens.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "presence", "pidf", "identity", "common" })
package dev.parley.sip;
