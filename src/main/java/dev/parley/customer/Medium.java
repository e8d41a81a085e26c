package dev.parley.customer;

/** A way a customer can be reached. */
public enum Medium {
	PHONE, SIP, EMAIL, CHAT, VIDEO;

	/** Chat and video take place in the portal, so they need no address of their own. */
	public boolean needsAddress() {
		return this == PHONE || this == SIP || this == EMAIL;
	}
}
