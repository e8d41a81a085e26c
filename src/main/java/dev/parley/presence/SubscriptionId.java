package dev.parley.presence;

/** The key of a SUBSCRIPTION (RFC 2778); a number, to keep an idle subscription small. */
public record SubscriptionId(long value) {

	@Override
	public String toString() {
		return "s" + value;
	}
}
