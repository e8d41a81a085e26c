package dev.parley.customer;

import dev.parley.common.AddressKind;

/**
 * One way the customer can be reached: the kind of address (phone E.164, SIP URI, e-mail; none for chat and
 * video, which happen in the portal) and whether it may be used now. What it can be used for is
 * {@link AddressKind#media()}.
 */
public record Capability(AddressKind kind, String address, boolean enabled) {
}
