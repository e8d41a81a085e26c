package dev.parley.invitations;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.parley.agent.WeeklySchedule;
import dev.parley.common.ConflictException;
import dev.parley.common.Medium;
import dev.parley.common.RefusedException;
import dev.parley.customer.Agenda;

/**
 * The rules an invitation must keep, in one place and free of any store: given the facts at one instant, the
 * refusal naming the broken rule, or none. Codes: {@code no-consent}, {@code offline}, {@code medium-unavailable},
 * {@code closed}, {@code busy-slot} (with the next free slot in the customer's time zone), {@code duplicate},
 * {@code rate-limited} (an agent's invitations, or a customer's requests, within the rate window).
 */
public final class InvitationRules {

	private static final DateTimeFormatter SLOT = DateTimeFormatter.ofPattern("EEE d MMM yyyy HH:mm", Locale.ENGLISH);

	private InvitationRules() {
	}

	/**
	 * What is known when an agent invites a customer (or a customer asks for an agent). {@code sentInWindow} counts
	 * the sender's invitations (the agent's; for a request, the customer's requests) within the rate window,
	 * {@code oldestInWindow} the first of them (when the window frees a place).
	 */
	public record Facts(boolean consent, boolean online, Set<Medium> customerMedia, Set<Medium> agentMedia,
			Agenda agenda, ZoneId customerZone, WeeklySchedule hours, boolean openWithAgent, int sentInWindow,
			Instant oldestInWindow, Instant now) {
	}

	/** The limits the rules apply. */
	public record Limits(int rateLimit, Duration rateWindow, Duration slotHorizon) {

		static Limits of(InvitationSettings s) {
			return new Limits(s.rateLimit(), s.rateWindow(), s.slotHorizon());
		}
	}

	/** Why an agent may not invite: empty when every rule holds. */
	public static Optional<RuntimeException> checkInvitation(Medium medium, Facts f, Limits limits) {
		if (!f.consent()) {
			return refused("no-consent", "This customer has not consented to proactive contact");
		}
		if (!f.online()) {
			return refused("offline", "This customer is not online in the portal now");
		}
		Optional<RuntimeException> media = media(medium, f, "The customer cannot use ", "The agent does not handle ");
		if (media.isPresent()) {
			return media;
		}
		if (!f.hours().isOpenAt(f.now())) {
			return refused("closed", "Your group is closed now; invitations go out in opening hours only");
		}
		if (!f.agenda().isReachableAt(f.now(), f.customerZone())) {
			return Optional.of(busy(f, limits));
		}
		return limits(f, limits, "invitations");
	}

	/** Why a customer may not ask for this agent now: empty when every rule holds. */
	public static Optional<RuntimeException> checkRequest(Medium medium, Facts f, Limits limits) {
		Optional<RuntimeException> media = media(medium, f, "You cannot use ", "This agent does not handle ");
		if (media.isPresent()) {
			return media;
		}
		if (!f.hours().isOpenAt(f.now())) {
			return refused("closed", "This agent's group is closed now");
		}
		return limits(f, limits, "requests");
	}

	static ConflictException duplicate() {
		return new ConflictException("duplicate", "An invitation between this customer and this agent is open already");
	}

	/** The medium both sides can use; the texts say it as the reader (the agent, or the asking customer) reads it. */
	private static Optional<RuntimeException> media(Medium medium, Facts f, String customerCannot, String agentCannot) {
		String name = medium.name().toLowerCase(Locale.ROOT);
		if (!f.customerMedia().contains(medium)) {
			return refused("medium-unavailable", customerCannot + name + " now");
		}
		if (!f.agentMedia().contains(medium)) {
			return refused("medium-unavailable", agentCannot + name);
		}
		return Optional.empty();
	}

	/** One open invitation per pair, then the sender's rate ({@code what}: invitations or requests). */
	private static Optional<RuntimeException> limits(Facts f, Limits limits, String what) {
		if (f.openWithAgent()) {
			return Optional.of(duplicate());
		}
		if (f.sentInWindow() >= limits.rateLimit()) {
			Instant frees = f.oldestInWindow() == null ? f.now().plus(limits.rateWindow())
					: f.oldestInWindow().plus(limits.rateWindow());
			long seconds = Math.max(1, Duration.between(f.now(), frees).toSeconds());
			return Optional.of(new RefusedException(RefusedException.Kind.TOO_MANY_REQUESTS, "rate-limited",
					"You sent " + limits.rateLimit() + " " + what + " within " + limits.rateWindow().toMinutes()
							+ " minutes; try again in " + seconds + " s",
					seconds));
		}
		return Optional.empty();
	}

	private static RuntimeException busy(Facts f, Limits limits) {
		Optional<Instant> next = f.agenda().nextReachable(f.now(), f.customerZone(), limits.slotHorizon());
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("timeZone", f.customerZone().getId());
		String text = "The customer's agenda says they are busy now";
		if (next.isPresent()) {
			var local = next.get().atZone(f.customerZone());
			details.put("nextFreeSlot", local.toOffsetDateTime().toString());
			text += "; their next free slot is " + SLOT.format(local) + " (" + f.customerZone().getId() + ")";
		}
		return new RefusedException(RefusedException.Kind.CANNOT_SERVE, "busy-slot", text, 0, details);
	}

	private static Optional<RuntimeException> refused(String code, String message) {
		return Optional.of(new RefusedException(RefusedException.Kind.CANNOT_SERVE, code, message));
	}
}
