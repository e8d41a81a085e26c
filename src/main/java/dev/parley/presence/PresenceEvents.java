package dev.parley.presence;

/** Where {@link PresenceChanged} goes: Spring's event publisher in the application, a list in tests. */
@FunctionalInterface
public interface PresenceEvents {

	void publish(PresenceChanged event);

	PresenceEvents NONE = event -> {
	};
}
