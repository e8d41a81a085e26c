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
		return post(who, participating(who, id), body, clientId);
	}

	/** As {@link #post(Participant, InteractionId, String, String)}, for an interaction the caller has just read. */
	public ChatMessage post(Participant who, Interaction interaction, String body, String clientId) {
		if (!takesPart(who, interaction)) {
			throw new NotFoundException("chat");
		}
		InteractionId id = interaction.id();
		boolean open = who.side() == Sender.CUSTOMER ? !interaction.state().isFinal()
				&& interaction.state() != InteractionState.WRAP_UP : interaction.state() == InteractionState.CONNECTED;
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
			ChatMessage stored = store(interaction, who, text, client);
			if (stored == null && client != null) { // PostgreSQL gives no number to a client id stored before
				Optional<ChatMessage> before = store.byClientId(id, client);
				if (before.isPresent()) {
					return before.get();
				}
			}
			if (stored == null) { // the chat's first message: its thread (the sequence) is made first
				own.executeWithoutResult(s -> store.createThread(id));
				stored = store(interaction, who, text, client);
			}
			if (stored == null && client != null) { // stored meanwhile by the same client (sent twice at once)
				stored = store.byClientId(id, client).orElse(null);
			}
			if (stored == null) {
				throw new IllegalStateException("The chat of " + id + " has no thread after it was made");
			}
			return stored;
		}
		catch (DuplicateKeyException e) {
			// sent before with this client id (a resend after a cut, or twice at once): the stored one, not a copy
			return store.byClientId(id, client).orElseThrow(() -> e);
		}
	}

	/**
	 * Numbers, stores and announces a message: null when the interaction has no thread yet (or, on PostgreSQL, when
	 * its client id is stored already). The number comes from a conditional update of the thread's row (the row lock
	 * orders senders, on any node); a client id stored before fails the insert (unique), which takes the number back
	 * too. On PostgreSQL both are one statement, committed with the messages that arrive meanwhile; elsewhere one
	 * transaction. The announcement's push follows the commit either way.
	 */
	private ChatMessage store(Interaction interaction, Participant who, String text, String client) {
		InteractionId id = interaction.id();
		var unnumbered = new ChatMessage(id, 0, who.side(), who.account(), who.name(), text, client, clock.instant());
		Long seq = store.appendsInOneStatement() ? Long.valueOf(store.append(unnumbered)) : tx.execute(s -> {
			long next = store.nextSeq(id);
			if (next >= 0) {
				store.insert(numbered(unnumbered, next));
			}
			return next;
		});
		if (seq == null || seq < 0) {
			return null;
		}
		var message = numbered(unnumbered, seq);
		events.publishEvent(new ChatMessagePosted(message, interaction.customer().value(), agentOf(interaction)));
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

	private void throttle(Participant who, InteractionId id) {
		Bucket bucket = buckets.computeIfAbsent(who.account() + "/" + id, k -> Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(BURST).refillGreedy(PER_SECOND, Duration.ofSeconds(1)).build())
			.build());
		var probe = bucket.tryConsumeAndReturnRemaining(1);
		if (!probe.isConsumed()) {
			throw new RefusedException(RefusedException.Kind.TOO_MANY_REQUESTS, "rate-limited",
					"You send messages too fast; wait a moment",
					Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds()));
		}
		if (buckets.size() > 100_000) {
			buckets.clear(); // bounded: a burst of new senders starts everyone's allowance afresh
		}
	}

	private static UUID agentOf(Interaction interaction) {
		return interaction.agent() == null ? null : interaction.agent().value();
	}
}
