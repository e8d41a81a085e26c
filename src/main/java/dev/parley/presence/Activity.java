package dev.parley.presence;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a person is doing: the RFC 4480 (RPID) activities, plus the contact center's own terms, which
 * travel as {@code <rpid:busy/>} with {@code <rpid:other>wrap-up</rpid:other>} (digest section 1.4).
 * An empty activity set means "available" for a watcher that sees an open status.
 */
public enum Activity {
	APPOINTMENT("appointment"), AWAY("away"), BREAKFAST("breakfast"), BUSY("busy"), DINNER("dinner"),
	HOLIDAY("holiday"), IN_TRANSIT("in-transit"), LOOKING_FOR_WORK("looking-for-work"), MEAL("meal"),
	MEETING("meeting"), ON_THE_PHONE("on-the-phone"), PERFORMANCE("performance"),
	PERMANENT_ABSENCE("permanent-absence"), PLAYING("playing"), PRESENTATION("presentation"),
	SHOPPING("shopping"), SLEEPING("sleeping"), SPECTATOR("spectator"), STEERING("steering"), TRAVEL("travel"),
	TV("tv"), VACATION("vacation"), WORKING("working"), WORSHIP("worship"), UNKNOWN("unknown"),
	/** Contact center: an interaction is offered to the agent (ringing, reserved). */
	RESERVED("reserved"),
	/** Contact center: after-call work. */
	WRAP_UP("wrap-up");

	private final String token;

	Activity(String token) {
		this.token = token;
	}

	/** The RPID element name, or for contact-center terms the text of {@code <rpid:other>}. */
	public String token() {
		return token;
	}

	/** True for the contact-center terms, written as {@code <rpid:other>} next to {@code <rpid:busy/>}. */
	public boolean isContactCenterTerm() {
		return this == RESERVED || this == WRAP_UP;
	}

	public static Activity ofRpidElement(String localName) {
		for (Activity a : values()) {
			if (!a.isContactCenterTerm() && a.token.equals(localName)) {
				return a;
			}
		}
		return null;
	}

	public static Activity ofOtherText(String text) {
		String t = text == null ? "" : text.trim();
		return t.equals(RESERVED.token) ? RESERVED : t.equals(WRAP_UP.token) ? WRAP_UP : null;
	}

	/**
	 * An immutable, canonical copy: BUSY is dropped where a contact-center term implies it, and UNKNOWN
	 * where something is known, so a set survives the trip through RPID unchanged.
	 */
	public static Set<Activity> normalize(Set<Activity> activities) {
		if (activities == null || activities.isEmpty()) {
			return Set.of();
		}
		EnumSet<Activity> copy = EnumSet.copyOf(activities);
		if (copy.contains(RESERVED) || copy.contains(WRAP_UP)) {
			copy.remove(BUSY);
		}
		if (copy.size() > 1) {
			copy.remove(UNKNOWN);
		}
		return Set.copyOf(copy);
	}
}
