package dev.parley.chat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.parley.chat.internal.ChatStore;
import dev.parley.common.ConflictException;
import dev.parley.common.Medium;
import dev.parley.common.NotFoundException;
import dev.parley.common.RefusedException;
import dev.parley.common.Violations;
import dev.parley.routing.Interaction;
import dev.parley.routing.InteractionId;
import dev.parley.routing.InteractionState;
import dev.parley.routing.Interactions;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Chat messages of an interaction. A message is stored (with its sequence number) before {@link #post}
 * returns, so what a client got an answer for survives a crash; a client that resends a message after a cut
 * with the same client id gets the stored one back, not a second copy. A sender may post {@value #BURST} messages
 * at once and {@value #PER_SECOND} a second after that (429 beyond).
 */
@Service
public class Chat {

	public static final int MAX_BODY = 4000;
	public static final int MAX_CLIENT_ID = 64;
	public static final int PAGE = 200;
	static final int BURST = 10;
	static final int PER_SECOND = 3;

	private final ChatStore store;
	private final Interactions interactions;
	private final ApplicationEventPublisher events;
	private final TransactionTemplate tx;
	private final TransactionTemplate own;
	private final Clock clock;
	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	Chat(ChatStore store, Interactions interactions, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, Optional<Clock> clock) {
		this.store = store;
		this.interactions = interactions;
		this.events = events;
		this.tx = new TransactionTemplate(transactions);
		this.own = new TransactionTemplate(transactions);
		this.own.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** Stores a message from a participant and announces it; the answer carries its sequence number. */
	public ChatMessage post(Participant who, InteractionId id, String body, String clientId) {
		ChatMessage quick = postIfWriting(who, id, body, clientId);
		return quick != null ? quick : post(who, participating(who, id), body, clientId);
	}

	/**
	 * The usual message, without reading the interaction: stored and announced if the sender may write in the chat
	 * now, which the chat's thread knows (its interaction's steps keep it, in their transactions) and the statement
	 * that numbers the message checks. Null, with nothing stored, for anything else (input that is not valid, a sender
	 * who may not write, a thread that does not know yet, a client id stored before): then
	 * {@link #post(Participant, Interaction, String, String)} with the interaction read gives the answer, in the order
	 * of its checks (a sender over their rate included).
	 */
	public ChatMessage postIfWriting(Participant who, InteractionId id, String body, String clientId) {
		if (id == null || body == null || body.length() > MAX_BODY || who.side() == Sender.SYSTEM) {
			return null;
		}
		String text = body.strip();
		String client = clientId == null || clientId.isBlank() ? null : clientId.strip();
		if (!new Violations().check(text.isEmpty(), "body", "required", "must not be blank")
			.lines(text, MAX_BODY, "body").text(client, MAX_CLIENT_ID, "clientId").isEmpty()) {
			return null;
		}
		Bucket bucket = bucket(who, id);
		if (!bucket.tryConsume(1)) {
			return null; // over the rate: the answer (429, or a resend's stored message) comes with the interaction
		}
		ChatMessage stored;
		try {
			stored = store(id, who, text, client);
		}
		catch (DuplicateKeyException e) {
			stored = null; // a client id stored before: told after the participant is known
		}
		if (stored == null) {
			bucket.addTokens(1); // taken again where the answer is made
		}
		return stored;
	}

	/** As {@link #post(Participant, InteractionId, String, String)}, for an interaction the caller has just read. */
	public ChatMessage post(Participant who, Interaction interaction, String body, String clientId) {
		if (!takesPart(who, interaction)) {
			throw new NotFoundException("chat");
		}
		InteractionId id = interaction.id();
		boolean open = writes(who.side(), interaction);
		if (!open) {
			throw new ConflictException("closed", "This conversation is over; no more messages can be sent");
		}
		if (body != null && body.length() > MAX_BODY) {
			throw new RefusedException(RefusedException.Kind.TOO_LARGE, "too-large",
					"A message holds at most " + MAX_BODY + " characters");
		}
		String text = body == null ? null : body.strip();
		String client = clientId == null || clientId.isBlank() ? null : clientId.strip();
		new Violations().check(text == null || text.isEmpty(), "body", "required", "must not be blank")
			.lines(text, MAX_BODY, "body").text(client, MAX_CLIENT_ID, "clientId").throwIfAny();
		try {
			throttle(who, id);
		}
		catch (RefusedException e) {
			// a client resending what it sent before the cut gets the stored message, also while it is throttled
			Optional<ChatMessage> again = client == null ? Optional.empty() : store.byClientId(id, client);
			return again.orElseThrow(() -> e);
		}
		try {
			ChatMessage stored = store(id, who, text, client);
			if (stored == null && client != null) { // PostgreSQL gives no number to a client id stored before
				Optional<ChatMessage> before = store.byClientId(id, client);
				if (before.isPresent()) {
					return before.get();
				}
			}
			if (stored == null) { // a thread made before it knew who writes (or none yet): from the interaction
				own.executeWithoutResult(s -> store.adopt(id, interaction.customer().value(), agentOf(interaction),
						writes(Sender.CUSTOMER, interaction), writes(Sender.AGENT, interaction)));
				stored = store(id, who, text, client);
			}
			if (stored == null && client != null) { // stored meanwhile by the same client (sent twice at once)
				stored = store.byClientId(id, client).orElse(null);
			}
			if (stored == null) { // its step moved on since it was read (ended, transferred)
				throw new ConflictException("closed", "This conversation is over; no more messages can be sent");
			}
			return stored;
		}
		catch (DuplicateKeyException e) {
			// sent before with this client id (a resend after a cut, or twice at once): the stored one, not a copy
			return store.byClientId(id, client).orElseThrow(() -> e);
		}
	}

	/** Whether a side may write in the interaction's chat in its state: the customer until wrap-up, the agent while
	 * connected. */
	private static boolean writes(Sender side, Interaction interaction) {
		return side == Sender.CUSTOMER ? !interaction.state().isFinal() && interaction.state() != InteractionState.WRAP_UP
				: side == Sender.AGENT && interaction.state() == InteractionState.CONNECTED;
	}

	/**
	 * Numbers, stores and announces a message, if its sender may write in the chat now (the thread says): null when
	 * they may not, or the interaction has no thread yet (or, on PostgreSQL, its client id is stored already). The
	 * number comes from a conditional update of the thread's row (the row lock orders senders and the interaction's
	 * steps, on any node); a client id stored before fails the insert (unique), which takes the number back too
	 * ({@link ChatStore#append}). The announcement's push follows the commit.
	 */
	private ChatMessage store(InteractionId id, Participant who, String text, String client) {
		var unnumbered = new ChatMessage(id, 0, who.side(), who.account(), who.name(), text, client, clock.instant());
		ChatStore.Appended appended = store.append(unnumbered);
		if (appended == null) {
			return null;
		}
		var message = numbered(unnumbered, appended.seq());
		events.publishEvent(new ChatMessagePosted(message, appended.customer(), appended.agent()));
		return message;
	}

	private static ChatMessage numbered(ChatMessage m, long seq) {
		return new ChatMessage(m.interaction(), seq, m.sender(), m.senderId(), m.senderName(), m.body(), m.clientId(),
				m.sentAt());
	}

	/**
	 * The messages after {@code after} (0: from the start), at most {@value #PAGE}; what the reader gets counts as
	 * delivered to their side.
	 */
	public List<ChatMessage> messages(Participant who, InteractionId id, long after) {
		Interaction interaction = participating(who, id);
		new Violations().check(after < 0, "after", "range", "must be 0 or more").throwIfAny();
		List<ChatMessage> page = store.after(id, after, PAGE);
		if (!page.isEmpty()) {
			mark(interaction, who.side(), false, page.get(page.size() - 1).seq());
		}
		return page;
	}

	/** The reader's side has read up to {@code upTo}. */
	public Receipts read(Participant who, InteractionId id, long upTo) {
		Interaction interaction = participating(who, id);
		new Violations().check(upTo < 1, "upTo", "range", "must be a message's sequence number").throwIfAny();
		mark(interaction, who.side(), true, upTo);
		return store.receipts(id);
	}

	/** The reader's side received up to {@code upTo} (over the live channel). */
	public Receipts delivered(Participant who, InteractionId id, long upTo) {
		Interaction interaction = participating(who, id);
		new Violations().check(upTo < 1, "upTo", "range", "must be a message's sequence number").throwIfAny();
		mark(interaction, who.side(), false, upTo);
		return store.receipts(id);
	}

	public Receipts receipts(Participant who, InteractionId id) {
		participating(who, id);
		return store.receipts(id);
	}

	/** Someone types: only the live channel hears of it. */
	public void typing(Participant who, InteractionId id) {
		Interaction interaction = participating(who, id);
		if (!interaction.state().isFinal()) {
			events.publishEvent(new ChatTyping(id, who.side(), who.name(), interaction.customer().value(),
					agentOf(interaction)));
		}
	}

	/** The whole conversation as plain text, one line per message ("Name: text"); null when nobody wrote. */
	public String transcript(InteractionId id) {
		StringBuilder text = new StringBuilder();
		long after = 0;
		List<ChatMessage> page;
		do {
			page = store.after(id, after, 1000);
			for (ChatMessage m : page) {
				text.append(m.senderName() == null ? m.sender().name() : m.senderName()).append(": ")
					.append(m.body().replace('\n', ' ')).append('\n');
				after = m.seq();
			}
		}
		while (page.size() == 1000);
		return text.isEmpty() ? null : text.toString().stripTrailing();
	}

	private void mark(Interaction interaction, Sender side, boolean read, long upTo) {
		if (side == Sender.SYSTEM) {
			return;
		}
		// published inside the transaction that raised them: the live push listens for its commit
		tx.executeWithoutResult(s -> {
			if (store.raise(interaction.id(), side, read, upTo)) {
				events.publishEvent(new ChatReceiptsChanged(interaction.id(), interaction.customer().value(),
						agentOf(interaction), store.receipts(interaction.id())));
			}
		});
	}

	/** The interaction, if the participant takes part in it; someone else's chat answers as unknown. */
	private Interaction participating(Participant who, InteractionId id) {
		Interaction interaction = id == null ? null : interactions.find(id).orElse(null);
		if (!takesPart(who, interaction)) {
			throw new NotFoundException("chat");
		}
		return interaction;
	}

	private static boolean takesPart(Participant who, Interaction interaction) {
		return interaction != null && interaction.medium() == Medium.CHAT
				&& (who.side() == Sender.CUSTOMER ? interaction.customer().value().equals(who.account())
						: who.side() == Sender.AGENT && interaction.agent() != null
								&& interaction.agent().value().equals(who.account()));
	}

	private Bucket bucket(Participant who, InteractionId id) {
		if (buckets.size() > 100_000) {
			buckets.clear(); // bounded: a burst of new senders starts everyone's allowance afresh
		}
		return buckets.computeIfAbsent(who.account() + "/" + id, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(BURST).refillGreedy(PER_SECOND, Duration.ofSeconds(1)).build())
			.build());
	}

	private void throttle(Participant who, InteractionId id) {
		Bucket bucket = bucket(who, id);
		var probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new RefusedException(RefusedException.Kind.TOO_MANY_REQUESTS, "rate-limited",
					"You send messages too fast; wait a moment",
					Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
		}
	}

	private static UUID agentOf(Interaction interaction) {
		return interaction.agent() == null ? null : interaction.agent().value();
	}
}
