package dev.parley.customer;

/** One medium the customer can be reached on, with its address (E.164, SIP URI, email; none for chat/video). */
public record Capability(Medium medium, String address, boolean enabled) {
}
